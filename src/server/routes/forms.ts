import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import type { Content } from 'pdfmake/interfaces';
import { z } from 'zod';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type CaseFormKind,
  caseFormParamsSchema,
  caseFormQuerySchema,
  formQuerySchema,
} from '../../contract/forms.ts';
import type { AuditEventInput } from '../../db/auditTrail.ts';
import { monitoringForForm } from '../../db/caseForms.ts';
import { type CaseRow, findVisibleCase } from '../../db/cases.ts';
import { findVisibleConsultation } from '../../db/consultations.ts';
import { loadHousehold, participatingOrganizations } from '../../db/households.ts';
import { findVisibleMeeting } from '../../db/meetings.ts';
import { organizationName } from '../../db/organizations.ts';
import { findVisiblePerson } from '../../db/persons.ts';
import { findPlan, listPlans, loadPlanDetails } from '../../db/plans.ts';
import { listProgressNotes } from '../../db/progressNotes.ts';
import type { DB } from '../../db/schema.ts';
import { reportsInPeriod } from '../../db/supportReports.ts';
import { tenantName } from '../../db/tenants.ts';
import { now, today } from '../../domain/clock.ts';
import type { Actor } from '../actor.ts';
import { sendDownload } from '../download.ts';
import {
  assessmentSheet,
  caseFormNames,
  evaluationSheet,
  intakeSheet,
  planSheet,
  progressEntries,
  progressSheet,
} from '../forms/caseSheets.ts';
import { consultationFormName, consultationSheet, type PersonContact } from '../forms/consultationSheet.ts';
import { type FormFrame, renderForm } from '../forms/formLayout.ts';
import { meetingFormName, meetingRecord } from '../forms/meetingRecord.ts';
import { householdDiagramInput, renderEcomap, renderGenogram } from '../householdDiagram.ts';
import { readErrors } from '../operation.ts';
import { notFound, orNotFound } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';
import { loadCaseDetail } from './cases.ts';
import { presentConsultation } from './consultations.ts';
import { presentHousehold } from './households.ts';
import { presentMeeting } from './meetings.ts';
import { presentPlan } from './plans.ts';
import { presentProgressNote } from './progressNotes.ts';

const pdfResponse = { 200: z.any().describe('application/pdf'), ...readErrors };

/** Everything a case's 帳票 may print about the case itself, read as the screens read it. */
async function frameFor(
  tx: Transaction<DB>,
  actor: Actor,
  caseNumber: string | null,
  formName: string,
): Promise<FormFrame> {
  const cityName = await tenantName(tx, actor.tenantId);
  const organization = await organizationName(tx, actor.tenantId, actor.organizationId);
  return {
    formName,
    title: formName.replace(/^様式[0-9-]+ /, ''),
    cityName,
    caseNumber,
    printedAt: now(),
    printedBy: `${actor.displayName}（${organization ?? ''}）`,
  };
}

async function contactOf(tx: Transaction<DB>, actor: Actor, personId: string): Promise<PersonContact> {
  const person = await findVisiblePerson(tx, actor, personId);
  const phones = person
    ? typeof person.phones === 'string'
      ? JSON.parse(person.phones)
      : person.phones
    : [];
  return { postalCode: person?.postal_code ?? null, address: person?.address ?? null, phones };
}

interface CaseFormQuery {
  planId?: string | undefined;
  monitoringId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Build one case 帳票's content; what it prints (the ids of the records) goes into the audit event. */
async function caseFormContent(
  tx: Transaction<DB>,
  actor: Actor,
  kase: CaseRow,
  kind: CaseFormKind,
  query: CaseFormQuery,
) {
  const detail = await loadCaseDetail(tx, actor, kase);
  const household = presentHousehold(
    await loadHousehold(tx, actor.tenantId, kase.household_id),
    await participatingOrganizations(tx, actor.tenantId, kase.id),
    kase,
    actor,
  );
  const diagrams = async () => {
    const input = householdDiagramInput(
      await loadHousehold(tx, actor.tenantId, kase.household_id),
      await participatingOrganizations(tx, actor.tenantId, kase.id),
      today(),
    );
    return { genogram: renderGenogram(input), ecomap: renderEcomap(input) };
  };
  switch (kind) {
    case 'intake': {
      const { genogram } = await diagrams();
      const contact = await contactOf(tx, actor, kase.primary_person_id);
      return {
        content: intakeSheet(detail, household, contact, genogram),
        printed: { householdId: household.id },
      };
    }
    case 'assessment': {
      const { genogram, ecomap } = await diagrams();
      const contact = await contactOf(tx, actor, kase.primary_person_id);
      return {
        content: assessmentSheet(detail, household, contact, genogram, ecomap),
        printed: { assessmentId: detail.assessment?.id ?? null, householdId: household.id },
      };
    }
    case 'plan': {
      // A version asked for, else the current (approved) plan, else the newest version (a draft).
      const record = query.planId
        ? await findPlan(tx, actor, query.planId)
        : ((await listPlans(tx, actor, kase.id, { limit: 5 })).find((p) => p.status === 'approved') ??
          (await listPlans(tx, actor, kase.id, { limit: 1 }))[0]);
      if (query.planId && (!record || record.case_id !== kase.id)) throw notFound();
      const plan = record
        ? presentPlan(record, (await loadPlanDetails(tx, actor.tenantId, [record])).get(record.id), actor)
        : null;
      return { content: planSheet(detail, plan), printed: { planId: plan?.id ?? null } };
    }
    case 'progress': {
      const from = query.from ?? kase.accepted_on;
      const to = query.to ?? today();
      const notes = await listProgressNotes(tx, actor, kase.id, { limit: 2000, from, to, order: 'asc' });
      const reports = await reportsInPeriod(tx, actor.tenantId, kase.id, from, to);
      const entries = progressEntries(
        notes.map(presentProgressNote),
        reports.map((r) => ({
          supportedOn: r.supported_on,
          organizationName: r.organization_name,
          reportedBy: r.reporter_name,
          itemContent: r.plan_item_content,
          content: r.content,
          result: r.result,
          createdAt: r.created_at.toISOString(),
        })),
      );
      return {
        content: progressSheet(detail, from, to, entries),
        printed: {
          from,
          to,
          progressNoteIds: notes.map((n) => n.id),
          supportReportIds: reports.map((r) => r.id),
        },
      };
    }
    case 'evaluation': {
      const monitoring = await monitoringForForm(tx, actor.tenantId, kase.id, query.monitoringId);
      if (query.monitoringId && !monitoring) throw notFound();
      return {
        content: evaluationSheet(
          detail,
          monitoring
            ? {
                conductedOn: monitoring.conducted_on,
                planVersion: monitoring.plan_version,
                items: monitoring.items.map((i) => ({
                  content: i.content,
                  organizationName: i.organization_name,
                })),
                itemIds: monitoring.items.map((i) => i.id),
                results: monitoring.results,
                decision: monitoring.decision,
                note: monitoring.note,
                nextMonitoringOn: monitoring.next_monitoring_on,
                recordedBy: monitoring.recorded_by_name,
              }
            : null,
        ),
        printed: { monitoringId: monitoring?.id ?? null },
      };
    }
  }
}

/** What one 帳票 prints, read in the request's transaction: its pages and its audit event. */
interface Printout {
  formName: string;
  caseNumber: string | null;
  content: Content[];
  /** The `print` event, less the action; the purpose, where given, is added to its details. */
  audit: Omit<AuditEventInput, 'action' | 'details'> & { details: Record<string, unknown> };
}

/**
 * Read a 帳票 and record its `print` audit event in one transaction, then render it and send it as
 * PDF, named by its title and `fileSuffix` (the case number unless told otherwise).
 */
async function printForm(
  db: Kysely<DB>,
  request: FastifyRequest<{ Querystring: { purpose?: string | undefined } }>,
  reply: FastifyReply,
  read: (tx: Transaction<DB>, actor: Actor) => Promise<Printout>,
  fileSuffix: (frame: FormFrame) => string = (frame) => frame.caseNumber ?? '',
) {
  const { purpose } = request.query;
  const { frame, content } = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
    const printout = await read(tx, actor);
    await audit({
      action: 'print',
      ...printout.audit,
      details: { ...printout.audit.details, ...(purpose ? { purpose } : {}) },
    });
    return {
      frame: await frameFor(tx, actor, printout.caseNumber, printout.formName),
      content: printout.content,
    };
  });
  const pdf = await renderForm(frame, content);
  return sendDownload(reply, {
    body: pdf,
    contentType: 'application/pdf',
    fileName: `${frame.title}_${fileSuffix(frame)}.pdf`,
  });
}

/** A 帳票 route's options: the permission it needs, audited as `print`, answered as PDF. */
function formRoute<P extends z.ZodType, Q extends z.ZodType>(
  permission: 'case.read' | 'consultation.read',
  schema: { operationId: string; summary: string; params: P; querystring: Q },
) {
  return {
    config: { access: { permission }, audit: ['print' as const] },
    schema: { ...schema, tags: ['forms'], produces: ['application/pdf'], response: pdfResponse },
  };
}

/**
 * 帳票 as PDF (A4 portrait, Noto Sans JP embedded), generated from the records through the same
 * visibility predicates as the screens: a case's five sheets, a consultation's 相談受付・申込票 and
 * a meeting's record. Each download is a print: audited in the same transaction (action `print`,
 * with what was printed), and 404 to an organisation that may not see the record. A meeting's
 * record lives with the meeting (`/api/meetings/{id}/form`), because a 支援会議's invitee may see
 * the meeting without seeing its case.
 */
export function formRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cases/:id/forms/:kind',
    formRoute('case.read', {
      operationId: 'caseForms.get',
      summary: '帳票 of a case as PDF: intake | assessment | plan | progress | evaluation',
      params: caseFormParamsSchema,
      querystring: caseFormQuerySchema,
    }),
    async (request, reply) => {
      const { kind } = request.params;
      const { purpose: _purpose, ...query } = request.query;
      return printForm(db, request, reply, async (tx, actor) => {
        const kase = orNotFound(await findVisibleCase(tx, actor, request.params.id));
        const built = await caseFormContent(tx, actor, kase, kind, query);
        return {
          formName: caseFormNames[kind],
          caseNumber: kase.case_number,
          content: built.content,
          audit: {
            resourceType: 'caseForm',
            resourceId: kase.id,
            caseId: kase.id,
            personId: kase.primary_person_id,
            details: { form: kind, ...built.printed },
          },
        };
      });
    },
  );

  r.get(
    '/api/consultations/:id/form',
    formRoute('consultation.read', {
      operationId: 'consultationForms.get',
      summary: '相談受付・申込票 of a consultation as PDF (【本人同意あり】 or 【本人同意なし】 as recorded)',
      params: idParamsSchema,
      querystring: formQuerySchema,
    }),
    async (request, reply) =>
      printForm(
        db,
        request,
        reply,
        async (tx, actor) => {
          const row = orNotFound(await findVisibleConsultation(tx, actor, request.params.id));
          const consultation = await presentConsultation(tx, actor, row);
          const contact = await contactOf(tx, actor, row.person_id);
          return {
            formName: consultationFormName(row.consent_to_share),
            caseNumber: null,
            content: consultationSheet(consultation, contact),
            audit: {
              resourceType: 'consultationForm',
              resourceId: row.id,
              personId: row.person_id,
              details: {
                form: 'consultation',
                consentToShare: row.consent_to_share,
                householdMemberIds: consultation.householdMembers.map((m) => m.person.id),
              },
            },
          };
        },
        (frame) => frame.printedAt.toISOString().slice(0, 10),
      ),
  );

  r.get(
    '/api/meetings/:id/form',
    formRoute('case.read', {
      operationId: 'meetingForms.get',
      summary: '支援会議 / 重層的支援会議 記録 as PDF: attendees and confidentiality acknowledgements',
      params: idParamsSchema,
      querystring: formQuerySchema,
    }),
    async (request, reply) =>
      printForm(db, request, reply, async (tx, actor) => {
        const row = orNotFound(await findVisibleMeeting(tx, actor, request.params.id));
        const meeting = await presentMeeting(tx, actor, row);
        return {
          formName: meetingFormName(meeting),
          caseNumber: row.case_number,
          content: meetingRecord(meeting),
          audit: {
            resourceType: 'meetingForm',
            resourceId: row.id,
            caseId: row.case_id,
            personId: row.primary_person_id,
            legalBasis: row.legal_basis,
            details: { form: 'meeting', withheld: meeting.withheld },
          },
        };
      }),
  );
}
