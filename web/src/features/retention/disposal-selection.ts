import type { DisposalCandidates } from '../../../../src/contract/retention.ts';

/**
 * What the coordinating section ticked on 廃棄候補一覧: cases, standalone consultations and persons
 * named by no record — the body of `disposals.approve`. Persons whose last record is disposed go
 * with it on the server; they are listed, never selected.
 */
export type DisposalSelection = {
  caseIds: string[];
  consultationIds: string[];
  personIds: string[];
};

export type SelectionKind = keyof DisposalSelection;

export const emptySelection: DisposalSelection = { caseIds: [], consultationIds: [], personIds: [] };

/** The ids of one kind that may be selected on the list. */
export function selectableIds(candidates: DisposalCandidates, kind: SelectionKind): string[] {
  switch (kind) {
    case 'caseIds':
      return candidates.cases.map((c) => c.id);
    case 'consultationIds':
      return candidates.consultations.map((c) => c.id);
    case 'personIds':
      return candidates.persons.filter((p) => p.reason === 'noRecord').map((p) => p.id);
  }
}

/** Ticks or unticks one record, keeping the list order of the ticks stable and without duplicates. */
export function toggleSelected(
  selection: DisposalSelection,
  kind: SelectionKind,
  id: string,
  checked: boolean,
): DisposalSelection {
  const rest = selection[kind].filter((x) => x !== id);
  return { ...selection, [kind]: checked ? [...rest, id] : rest };
}

/** Ticks or unticks every record of one kind. */
export function toggleAll(
  selection: DisposalSelection,
  candidates: DisposalCandidates,
  kind: SelectionKind,
  checked: boolean,
): DisposalSelection {
  return { ...selection, [kind]: checked ? selectableIds(candidates, kind) : [] };
}

/** Whether every record of one kind is ticked (false when there is none). */
export function allSelected(
  selection: DisposalSelection,
  candidates: DisposalCandidates,
  kind: SelectionKind,
): boolean {
  const ids = selectableIds(candidates, kind);
  const ticked = new Set(selection[kind]);
  return ids.length > 0 && ids.every((id) => ticked.has(id));
}

/**
 * The ticks that are still on the list, after it was computed again (an approval, a hold, a
 * period changed): a record no longer listed cannot stay selected unseen.
 */
export function keepListed(selection: DisposalSelection, candidates: DisposalCandidates): DisposalSelection {
  const keep = (kind: SelectionKind) => {
    const listed = new Set(selectableIds(candidates, kind));
    return selection[kind].filter((id) => listed.has(id));
  };
  return { caseIds: keep('caseIds'), consultationIds: keep('consultationIds'), personIds: keep('personIds') };
}

export function selectionSize(selection: DisposalSelection): number {
  return selection.caseIds.length + selection.consultationIds.length + selection.personIds.length;
}

/** The case numbers of the selected cases, in the list's order, for the confirmation. */
export function selectedCaseNumbers(selection: DisposalSelection, candidates: DisposalCandidates): string[] {
  const ticked = new Set(selection.caseIds);
  return candidates.cases.filter((c) => ticked.has(c.id)).map((c) => c.caseNumber);
}
