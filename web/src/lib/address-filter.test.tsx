import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filterParams, parseFilterFields } from './address-filter.ts';

const fields = { q: z.string().min(1), days: z.coerce.number().int().positive(), open: z.enum(['true']) };
const keys = ['q', 'days', 'open'] as const;

describe('parseFilterFields', () => {
  it('keeps the fields the API would accept, read back from what the router holds', () => {
    const read = (raw: unknown) => (typeof raw === 'boolean' ? String(raw) : raw);
    expect(parseFilterFields({ q: '鹿児島', days: 30, open: true, other: 'x' }, keys, fields, read)).toEqual({
      q: '鹿児島',
      days: 30,
      open: 'true',
    });
    expect(parseFilterFields({ q: '', days: -1, open: false }, keys, fields, read)).toEqual({});
  });
});

describe('filterParams', () => {
  it('puts the fields that are set in the order of the keys', () => {
    expect(filterParams({ open: 'true', q: '城山', days: undefined }, keys).toString()).toBe(
      `q=${encodeURIComponent('城山')}&open=true`,
    );
  });
});
