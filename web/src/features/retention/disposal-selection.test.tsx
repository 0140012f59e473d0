import { describe, expect, it } from 'vitest';
import type { DisposalCandidates } from '../../../../src/contract/retention.ts';
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

const rules = { caseYears: 5, consultationYears: 5, personYears: 5 };
const caseRow = (id: string, caseNumber: string) => ({
  id,
  caseNumber,
  personName: '廃棄 太郎',
  closedOn: '2019-02-01',
  closureReason: 'resolved',
  disposableFrom: '2024-04-01',
  coordinatingOrganizationName: '重層事業担当',
  consultationCount: 1,
});
const candidates: DisposalCandidates = {
  asOf: '2026-12-02',
  rules,
  cases: [caseRow('c1', 'R1-0001'), caseRow('c2', 'R1-0002')],
  consultations: [
    {
      id: 'q1',
      receivedOn: '2019-11-10',
      closedOn: '2019-11-10',
      personName: '荒田 昭',
      organizationName: '保護第一課',
      mainTopic: 'income',
      disposableFrom: '2025-04-01',
    },
  ],
  persons: [
    { id: 'p1', name: '廃棄 太郎', reason: 'lastRecord' },
    { id: 'p2', name: '登録 のみ', reason: 'noRecord' },
  ],
  held: [{ id: 'c9', caseNumber: 'R1-0009', closedOn: '2019-03-01', reason: '訴訟の対応中' }],
};

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
    const after = { ...candidates, cases: [caseRow('c2', 'R1-0002')], persons: [] };
    expect(keepListed(selection, after)).toEqual({ caseIds: ['c2'], consultationIds: ['q1'], personIds: [] });
  });

  it('names the selected cases by number in the list order, for the confirmation', () => {
    expect(selectedCaseNumbers({ ...emptySelection, caseIds: ['c2', 'c1'] }, candidates)).toEqual([
      'R1-0001',
      'R1-0002',
    ]);
  });
});
