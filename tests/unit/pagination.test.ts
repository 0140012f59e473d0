import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/server/pagination.ts';
import { HttpProblem } from '../../src/server/problem.ts';

const id = '0b6f3c52-2f0e-4c4e-9a53-2a8f0c7d9e11';

describe('keyset cursors', () => {
  it('round-trips every key part', () => {
    const key = [
      1,
      'シロヤマカズオ',
      id,
      '2026-11-26',
      '2026-11-26T01:02:03.123456Z',
      '2026-11-26 10:02:03.12+09',
      42,
    ] as const;
    const decoded = decodeCursor(encodeCursor(key), [
      'rank',
      'text',
      'uuid',
      'date',
      'instant',
      'timestampText',
      'integer',
    ]);
    expect(decoded).toEqual(key);
  });

  it('is undefined for the first page', () => {
    expect(decodeCursor(undefined, ['uuid'])).toBeUndefined();
    expect(decodeCursor('', ['uuid'])).toBeUndefined();
  });

  const refused: [string, string][] = [
    ['not base64 JSON', '%%%'],
    ['wrong length', encodeCursor([id])],
    ['rank out of range', encodeCursor([2, id])],
    ['not a uuid', encodeCursor([0, "x' OR 1=1 --"])],
    ['impossible date', encodeCursor(['2026-02-30x', id])],
    ['object instead of array', Buffer.from('{"a":1}').toString('base64url')],
  ];
  for (const [what, cursor] of refused) {
    it(`answers 400 for a cursor with ${what}`, () => {
      try {
        decodeCursor(cursor, what === 'impossible date' ? ['date', 'uuid'] : ['rank', 'uuid']);
        expect.unreachable('a bad cursor must be refused');
      } catch (error) {
        expect(error).toBeInstanceOf(HttpProblem);
        expect((error as HttpProblem).status).toBe(400);
        expect((error as HttpProblem).errors?.[0]?.field).toBe('クエリ.cursor');
      }
    });
  }
});
