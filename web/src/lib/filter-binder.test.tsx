import { describe, expect, it } from 'vitest';
import { filterBinder } from './filter-binder.ts';

describe('filterBinder', () => {
  it('binds a select to one filter: its value, its change as a patch, 「指定なし」', () => {
    const patches: object[] = [];
    const bind = filterBinder<{ kind?: string; active?: boolean }>(
      { kind: 'salon', active: true },
      (patch) => patches.push(patch),
      '指定なし',
    );
    const kind = bind('kind');
    expect(kind.value).toBe('salon');
    expect(kind.anyLabel).toBe('指定なし');
    kind.onValueChange(undefined);
    kind.onValueChange('cafe');
    expect(patches).toEqual([{ kind: undefined }, { kind: 'cafe' }]);
  });
});
