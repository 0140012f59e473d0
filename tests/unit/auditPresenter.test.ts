import { describe, expect, it } from 'vitest';
import type { AuditEventRow } from '../../src/db/auditEvents.ts';
import { auditActionName, auditActions, auditResourceTypeName } from '../../src/domain/auditActions.ts';
import { presentAuditEvent, purposeOf } from '../../src/server/auditPresenter.ts';
import { auditCsvHeader, auditCsvLine } from '../../src/server/routes/auditEvents.ts';

const row = (overrides: Partial<AuditEventRow> = {}): AuditEventRow => ({
  seq: '42',
  id: 'e1',
  occurred_at: new Date('2026-11-30T01:02:03.000Z'),
  actor_user_id: 'u1',
  actor_login_id: 'houkatsu',
  actor_display_name: '包括 担当',
  actor_organization_id: 'o1',
  actor_organization_name: '地域包括支援センター',
  ip: '127.0.0.1',
  action: 'case.read',
  resource_type: 'case',
  resource_id: 'c1',
  person_id: 'p1',
  person_present: 'p1',
  case_id: 'c1',
  legal_basis: 'consent',
  details: {},
  person_family_name: '城山',
  person_given_name: '花子',
  case_number: 'R8-0001',
  resource_name: null,
  ...overrides,
});

describe('presentAuditEvent', () => {
  it('names the person and the case instead of bare ids, and keeps the codes', () => {
    expect(presentAuditEvent(row())).toMatchObject({
      seq: '42',
      occurredAt: '2026-11-30T01:02:03.000Z',
      action: 'case.read',
      resourceType: 'case',
      person: { id: 'p1', name: '城山 花子' },
      case: { id: 'c1', caseNumber: 'R8-0001' },
      user: { id: 'u1', loginId: 'houkatsu', displayName: '包括 担当' },
      organization: { id: 'o1', name: '地域包括支援センター' },
    });
  });

  it('still shows an event whose person or case row is gone (name null), and none when there is none', () => {
    const gone = presentAuditEvent(
      row({ person_family_name: null, person_given_name: null, case_number: null }),
    );
    expect(gone.person).toEqual({ id: 'p1', name: null });
    expect(gone.case).toEqual({ id: 'c1', caseNumber: null });
    const none = presentAuditEvent(row({ person_id: null, case_id: null }));
    expect(none.person).toBeNull();
    expect(none.case).toBeNull();
  });

  it('fills the purpose from what the event recorded: a purpose, or a reason a person typed', () => {
    expect(purposeOf('print', { purpose: '令和8年開示請求第3号' })).toBe('令和8年開示請求第3号');
    expect(purposeOf('handover.return', { reason: '当課の対象外のため' })).toBe('当課の対象外のため');
    expect(purposeOf('sensitiveFact.reveal', { purpose: '支援会議の準備' })).toBe('支援会議の準備');
    // a reason that is a code (a closure reason, why a sign-in failed) is not a purpose
    expect(purposeOf('case.close', { reason: 'resolved' })).toBeNull();
    expect(purposeOf('session.signInFailed', { reason: 'badPassword' })).toBeNull();
    expect(purposeOf('print', { purpose: '  ' })).toBeNull();
    expect(presentAuditEvent(row({ details: JSON.stringify({ purpose: '確認' }) })).purpose).toBe('確認');
  });
});

describe('audit names', () => {
  it('names every action and the resource types in Japanese; an unknown code shows as itself', () => {
    for (const action of auditActions) expect(auditActionName(action)).not.toBe(action);
    expect(auditActionName('access.denied')).toBe('アクセス拒否');
    expect(auditActionName('legacy.action')).toBe('legacy.action');
    expect(auditResourceTypeName('supportPlan')).toBe('支援プラン');
    expect(auditResourceTypeName('somethingOld')).toBe('somethingOld');
  });

  it('writes a CSV line with the names beside the codes, time in Japan with seconds', () => {
    const line = auditCsvLine(presentAuditEvent(row({ details: { purpose: '確認' } })));
    expect(line).toHaveLength(auditCsvHeader.length);
    const cell = (header: string) => line[auditCsvHeader.indexOf(header)];
    expect(cell('時刻（日本時間）')).toBe('2026-11-30 10:02:03');
    expect(cell('操作')).toBe('事例の閲覧');
    expect(cell('操作コード')).toBe('case.read');
    expect(cell('対象の種類')).toBe('事例');
    expect(cell('本人')).toBe('城山 花子');
    expect(cell('事例番号')).toBe('R8-0001');
    expect(cell('法的根拠')).toBe('本人同意');
    expect(cell('目的・理由')).toBe('確認');
    const gone = auditCsvLine(presentAuditEvent(row({ person_family_name: null, person_given_name: null })));
    expect(gone[auditCsvHeader.indexOf('本人')]).toBe('（削除済み）');
  });
});
