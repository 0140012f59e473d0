import { type Kysely, sql } from 'kysely';

/**
 * Indexes for reading the audit trail (issue 4): the auditor's filters (user, organisation,
 * person, case, action; newest first by seq, keyset-paginated) and a person's access log.
 * A period filter uses the existing (tenant_id, occurred_at) index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const indexes: [string, string][] = [
    ['audit_events_tenant_seq_idx', '(tenant_id, seq)'],
    ['audit_events_tenant_user_seq_idx', '(tenant_id, actor_user_id, seq)'],
    ['audit_events_tenant_org_seq_idx', '(tenant_id, actor_organization_id, seq)'],
    ['audit_events_tenant_action_seq_idx', '(tenant_id, action, seq)'],
    ['audit_events_tenant_person_seq_idx', '(tenant_id, person_id, seq) WHERE person_id IS NOT NULL'],
    ['audit_events_tenant_case_seq_idx', '(tenant_id, case_id, seq) WHERE case_id IS NOT NULL'],
  ];
  for (const [name, definition] of indexes) {
    await sql.raw(`CREATE INDEX ${name} ON audit_events ${definition}`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
