import { describe, expect, it } from 'vitest';
import { disposalCandidates as candidates } from './disposal-candidates.fixture.ts';
import {
  allSelected,
  emptySelection,
  keepListed,
  selectableIds,
  selectedCaseNumbers,
  selectionSize,
  toggleAll,
  toggleSelected,
} from './disposal-selection.ts';

describe('the disposal selection', () => {
  it('offers the cases, the standalone consultations and only the persons named by no record', () => {
    expect(selectableIds(candidates, 'caseIds')).toEqual(['c1', 'c2']);
    expect(selectableIds(candidates, 'consultationIds')).toEqual(['q1']);
    // a person with a last record goes with it on the server; never selected by hand
    expect(selectableIds(candidates, 'personIds')).toEqual(['p2']);
  });

  it('ticks and unticks one record without duplicates, and all of a kind at once', () => {
    let selection = toggleSelected(emptySelection, 'caseIds', 'c2', true);
    selection = toggleSelected(selection, 'caseIds', 'c2', true);
    expect(selection.caseIds).toEqual(['c2']);
    expect(allSelected(selection, candidates, 'caseIds')).toBe(false);
    selection = toggleAll(selection, candidates, 'caseIds', true);
    expect(selection.caseIds).toEqual(['c1', 'c2']);
    expect(allSelected(selection, candidates, 'caseIds')).toBe(true);
    selection = toggleSelected(selection, 'caseIds', 'c1', false);
    expect(selection.caseIds).toEqual(['c2']);
    selection = toggleAll(selection, candidates, 'personIds', true);
    expect(selection).toEqual({ caseIds: ['c2'], consultationIds: [], personIds: ['p2'] });
    expect(selectionSize(selection)).toBe(2);
    expect(toggleAll(selection, candidates, 'caseIds', false).caseIds).toEqual([]);
    // a kind with nothing listed is never "all selected"
    expect(allSelected(emptySelection, { ...candidates, consultations: [] }, 'consultationIds')).toBe(false);
  });

  it('drops the ticks of records no longer listed after the list is computed again', () => {
    const selection = { caseIds: ['c1', 'c2'], consultationIds: ['q1'], personIds: ['p2'] };
    const after = { ...candidates, cases: candidates.cases.filter((kase) => kase.id === 'c2'), persons: [] };
    expect(keepListed(selection, after)).toEqual({ caseIds: ['c2'], consultationIds: ['q1'], personIds: [] });
  });

  it('names the selected cases by number in the list order, for the confirmation', () => {
    expect(selectedCaseNumbers({ ...emptySelection, caseIds: ['c2', 'c1'] }, candidates)).toEqual([
      'R1-0001',
      'R1-0002',
    ]);
  });
});
