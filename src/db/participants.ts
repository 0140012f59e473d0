import type { Transaction } from 'kysely';
import { insertNewRow } from './newRow.ts';
import type { CaseParticipantTable, DB } from './schema.ts';

/**
 * Record that an organisation takes part in a case, and on what basis and legal ground. This is
 * what `caseVisible` reads: adding a participant with scope 'case' shares the case with it.
 * Idempotent for the same (case, organisation, basis, scope, meeting).
 */
export async function addParticipant(
  tx: Transaction<DB>,
  participant: Pick<
    CaseParticipantTable,
    'tenant_id' | 'case_id' | 'organization_id' | 'basis' | 'scope' | 'legal_basis'
  > & {
    meeting_id?: string | null;
    source_id?: string | null;
  },
): Promise<void> {
  let existing = tx
    .selectFrom('case_participants')
    .select('id')
    .where('case_id', '=', participant.case_id)
    .where('organization_id', '=', participant.organization_id)
    .where('basis', '=', participant.basis)
    .where('scope', '=', participant.scope);
  existing = participant.meeting_id
    ? existing.where('meeting_id', '=', participant.meeting_id)
    : existing.where('meeting_id', 'is', null);
  if (await existing.executeTakeFirst()) return;
  await insertNewRow(tx, 'case_participants', { meeting_id: null, source_id: null, ...participant });
}
