import type { PrintableResourceType } from '../contract/auditEvents.ts';
import { caseVisible, meetingVisible, type Viewer } from './access.ts';
import { findVisibleConsultationPerson } from './consultations.ts';
import type { Executor } from './executor.ts';

/** What a print is about, for its audit event: the person, the case and the legal basis of sharing. */
export interface PrintableRecord {
  personId: string | null;
  caseId: string | null;
  legalBasis: string | null;
}

/**
 * The record to be printed, if the viewer may see it — through the same visibility predicates as
 * the screen that shows it (`src/db/access.ts`); otherwise undefined (a 404).
 */
export async function findPrintable(
  db: Executor,
  viewer: Viewer,
  resourceType: PrintableResourceType,
  id: string,
): Promise<PrintableRecord | undefined> {
  switch (resourceType) {
    case 'consultation': {
      const row = await findVisibleConsultationPerson(db, viewer, id);
      return row && { personId: row.person_id, caseId: null, legalBasis: null };
    }
    case 'case':
    case 'caseTimeline': {
      const row = await db
        .selectFrom('cases as c')
        .select(['c.id', 'c.primary_person_id'])
        .where('c.tenant_id', '=', viewer.tenantId)
        .where('c.id', '=', id)
        .where(caseVisible(viewer, 'c.id'))
        .executeTakeFirst();
      return row && { personId: row.primary_person_id, caseId: row.id, legalBasis: null };
    }
    case 'meeting': {
      const row = await db
        .selectFrom('meetings as m')
        .innerJoin('cases as c', 'c.id', 'm.case_id')
        .select(['c.id', 'c.primary_person_id', 'm.legal_basis'])
        .where('m.tenant_id', '=', viewer.tenantId)
        .where('m.id', '=', id)
        .where(meetingVisible(viewer, 'm.id', 'm.case_id'))
        .executeTakeFirst();
      return row && { personId: row.primary_person_id, caseId: row.id, legalBasis: row.legal_basis };
    }
    case 'plan': {
      const row = await db
        .selectFrom('support_plans as p')
        .innerJoin('cases as c', 'c.id', 'p.case_id')
        .select(['c.id', 'c.primary_person_id'])
        .where('p.tenant_id', '=', viewer.tenantId)
        .where('p.id', '=', id)
        .where(caseVisible(viewer, 'p.case_id'))
        .executeTakeFirst();
      return row && { personId: row.primary_person_id, caseId: row.id, legalBasis: null };
    }
    default: {
      const unknown: never = resourceType;
      throw new Error(`unknown printable ${String(unknown)}`);
    }
  }
}
