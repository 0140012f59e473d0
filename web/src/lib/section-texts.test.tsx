import { describe, expect, it } from 'vitest';
import { i18n } from './i18n/i18n.ts';
import { textsUnder, textUnder } from './section-texts.ts';
import './i18n/admin.bundle.ts';

describe('textsUnder', () => {
  it('reads each key under the prefix, in the order given', () => {
    const t = i18n.getFixedT('ja');
    expect(textsUnder(t, 'audit.columns', ['time', 'user'])).toEqual([
      t('audit.columns.time'),
      t('audit.columns.user'),
    ]);
    expect(textUnder(t, 'audit.columns', 'ip')).toBe(t('audit.columns.ip'));
    expect(textUnder(t, 'audit.columns', 'ip')).not.toBe('audit.columns.ip');
  });
});
