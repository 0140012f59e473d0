import { z } from 'zod';
import { auditActions } from '../domain/auditActions.ts';
import { calendarDate } from './calendarDate.ts';
import { exportEncodingSchema, idSchema, text } from './common.ts';
import { listSchema, pageQuerySchema, pageSchema } from './pagination.ts';
import { kanaText, personSummarySchema } from './persons.ts';

export { auditActions };

const knownActions = new Set<string>(auditActions);

/** `?action=a&action=b` or `?action=a,b`: one or more actions from the vocabulary. */
const actionFilter = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.string().refine((action) => knownActions.has(action), {
          message: '操作の種類が正しくありません',
        }),
      )
      .max(50, { message: '操作の種類は50件までです' }),
  );

/**
 * The auditor's filters. The period is calendar dates in Asia/Tokyo: `from` from 0:00 JST, `to`
 * through the end of that day (JST).
 */
const filterFields = {
  userId: idSchema.optional(),
  organizationId: idSchema.optional(),
  personId: idSchema.optional(),
  caseId: idSchema.optional(),
  action: actionFilter.optional(),
  from: calendarDate('期間（開始）').optional(),
  to: calendarDate('期間（終了）').optional(),
};
const periodInOrder = <T extends { from?: string | undefined; to?: string | undefined }>(f: T) =>
  !f.from || !f.to || f.from <= f.to;
const periodMessage = { message: '期間の終了は開始と同じかそれより後の日付にしてください', path: ['to'] };

export const auditEventFilterSchema = z.object(filterFields).refine(periodInOrder, periodMessage);
export type AuditEventFilter = z.output<typeof auditEventFilterSchema>;

export const auditEventListQuerySchema = z
  .object({ ...filterFields, ...pageQuerySchema.shape })
  .refine(periodInOrder, periodMessage);
export type AuditEventListQuery = z.input<typeof auditEventListQuerySchema>;

export const auditEventExportQuerySchema = z
  .object({
    ...filterFields,
    format: z.enum(['csv'], { message: '形式は csv です' }).default('csv'),
    encoding: exportEncodingSchema.default('utf-8'),
  })
  .refine(periodInOrder, periodMessage);

const actorSchema = z.object({
  id: z.string(),
  loginId: z.string().nullable(),
  displayName: z.string().nullable(),
});
const organizationRefSchema = z.object({ id: z.string(), name: z.string().nullable() });
/** The person an event is about; `name` is null when the person's row is no longer there. */
const auditPersonSchema = z.object({ id: z.string(), name: z.string().nullable() });
/** The case an event is about; `caseNumber` is null when the case's row is no longer there. */
const auditCaseSchema = z.object({ id: z.string(), caseNumber: z.string().nullable() });

export const auditEventSchema = z
  .object({
    id: z.string(),
    seq: z.string(),
    occurredAt: z.string(),
    user: actorSchema.nullable(),
    organization: organizationRefSchema.nullable(),
    action: z
      .string()
      .describe('code of the audit vocabulary (src/domain/auditActions.ts); the web app names it'),
    resourceType: z
      .string()
      .describe('code of what the event is about (auditResourceTypeNames); the web app names it'),
    resourceId: z.string().nullable(),
    resourceName: z
      .string()
      .nullable()
      .describe("the user's or organisation's name when the event is about one"),
    personId: z.string().nullable(),
    personDisposed: z
      .boolean()
      .describe('the event names a person whose data has since been disposed (廃棄済み; the id stays)'),
    caseId: z.string().nullable(),
    person: auditPersonSchema.nullable().describe('the person the event is about, with their name (氏名)'),
    case: auditCaseSchema.nullable().describe('the case the event is about, with its number'),
    legalBasis: z.string().nullable(),
    purpose: z
      .string()
      .nullable()
      .describe(
        'the purpose or reason the user gave (print purpose, 開示請求 number, reason for a return …)',
      ),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventListSchema = pageSchema(auditEventSchema);
export type AuditEventList = z.infer<typeof auditEventListSchema>;

/** One look at a person's data, for 「閲覧履歴」: who, from which organisation, when, what and why. */
export const accessLogEntrySchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    user: actorSchema.nullable(),
    organization: organizationRefSchema.nullable(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    caseId: z.string().nullable(),
    case: auditCaseSchema.nullable(),
    legalBasis: z.string().nullable(),
    purpose: z.string().nullable(),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogSchema = pageSchema(accessLogEntrySchema);
export type AccessLog = z.infer<typeof accessLogSchema>;

/** The auditor's type-ahead for the person and case filters: what was typed (氏名, フリガナ, 事例番号). */
export const auditSubjectQuerySchema = z.object({
  q: text(100).refine((value) => value.trim().length > 0, {
    message: '氏名・フリガナ・事例番号を入力してください',
  }),
});

/**
 * Persons and cases named in the audit trail that match: only what the audit log already shows
 * about them (a person's name; a case's number and its person's name).
 */
export const auditSubjectListSchema = z
  .object({
    persons: z.array(z.object({ id: z.string(), name: z.string() })),
    cases: z.array(z.object({ id: z.string(), caseNumber: z.string(), personName: z.string().nullable() })),
  })
  .meta({ id: 'AuditSubjectList' });
export type AuditSubjectList = z.infer<typeof auditSubjectListSchema>;

/** What can be printed from the web app; each is checked against its visibility predicate. */
export const printableResourceTypes = ['consultation', 'case', 'caseTimeline', 'meeting', 'plan'] as const;
export type PrintableResourceType = (typeof printableResourceTypes)[number];

export const printInputSchema = z.strictObject({
  resourceType: z.enum(printableResourceTypes, { message: '印刷する対象の種類が正しくありません' }),
  resourceId: idSchema,
  purpose: text(200).optional(),
});
export type PrintInput = z.input<typeof printInputSchema>;

export const printRecordSchema = z.object({
  resourceType: z.enum(printableResourceTypes),
  resourceId: z.string(),
  recordedAt: z.string(),
});
export type PrintRecord = z.infer<typeof printRecordSchema>;

/** Finding the person of a 開示請求: by フリガナ prefix and/or 氏名 and/or birth date, tenant-wide. */
export const disclosureLookupQuerySchema = z
  .object({
    kana: kanaText(100).optional(),
    name: text(100).optional(),
    birthDate: calendarDate('生年月日').optional(),
  })
  .refine((q) => Boolean(q.kana || q.name || q.birthDate), {
    message: 'フリガナ・氏名・生年月日のいずれかを入力してください',
    path: ['kana'],
  });

export const disclosureCandidateSchema = personSummarySchema.extend({
  registeredBy: z.object({ id: z.string(), name: z.string() }),
  address: z.string().nullable(),
});
export const disclosureLookupSchema = listSchema(disclosureCandidateSchema);
export type DisclosureCandidate = z.infer<typeof disclosureCandidateSchema>;

export const disclosureQuerySchema = z.object({
  format: z.enum(['json', 'pdf'], { message: '形式は json か pdf です' }).default('json'),
  purpose: text(200).optional(),
});

/** Everything held about one person, machine-readable (開示請求). Rows are plain records of strings. */
const rows = z.array(z.record(z.string(), z.unknown()));
export const disclosureSchema = z
  .object({
    generatedAt: z.string(),
    person: z.record(z.string(), z.unknown()),
    households: rows,
    consultations: rows,
    cases: z.array(
      z.object({
        case: z.record(z.string(), z.unknown()),
        assessments: rows,
        meetings: rows,
        plans: rows,
        supportReports: rows,
        monitorings: rows,
      }),
    ),
    consents: rows,
    accessLog: z.array(accessLogEntrySchema),
  })
  .meta({ id: 'Disclosure' });
export type Disclosure = z.infer<typeof disclosureSchema>;
