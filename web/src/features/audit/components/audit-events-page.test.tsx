// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../../src/contract/auditEvents.ts';
import '../../../lib/i18n/i18n.ts';
import { TargetText } from './audit-events-page.tsx';

afterEach(cleanup);

const personId = '7b0c7a3e-2f7e-4a53-9d55-0f7a1a0e5c11';
const event = (changes: Partial<AuditEvent>): AuditEvent => ({
  id: 'e1',
  seq: '1',
  occurredAt: '2026-12-02T01:00:00.000Z',
  user: null,
  organization: null,
  action: 'person.read',
  resourceType: 'person',
  resourceId: personId,
  resourceName: null,
  personId,
  personDisposed: false,
  caseId: null,
  person: { id: personId, name: '荒田 昭' },
  case: null,
  legalBasis: null,
  purpose: null,
  ip: null,
  details: {},
  ...changes,
});

describe('TargetText (監査ログの対象)', () => {
  it('names a disposed person 「廃棄済み」, never by the id the event keeps', () => {
    const { container } = render(
      <TargetText event={event({ personDisposed: true, person: { id: personId, name: null } })} />,
    );
    expect(container.textContent).toContain('本人 廃棄済み');
    expect(container.textContent).not.toContain(personId);
  });

  it('names a living person by 氏名, and a row gone otherwise as 削除済み', () => {
    expect(render(<TargetText event={event({})} />).container.textContent).toContain('本人 荒田 昭');
    cleanup();
    const gone = render(<TargetText event={event({ person: { id: personId, name: null } })} />);
    expect(gone.container.textContent).toContain('本人 （削除済み）');
  });

  it('names the tombstone of a disposal by its kind', () => {
    const { container } = render(
      <TargetText
        event={event({
          action: 'disposal.approve',
          resourceType: 'disposal',
          personId: null,
          person: null,
          details: { caseNumbers: ['R1-0001'] },
        })}
      />,
    );
    expect(container.textContent).toBe('廃棄');
  });
});
