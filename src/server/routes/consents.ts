import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { idParamsSchema } from '../../contract/common.ts';
import {
  CONSENT_SCAN_MAX_BYTES,
  type Consent,
  consentCategories,
  consentInputSchema,
  consentListSchema,
  consentMethods,
  consentScanInputSchema,
  consentSchema,
  consentWithdrawInputSchema,
} from '../../contract/consents.ts';
import { problemSchema } from '../../contract/problem.ts';
import { findVisibleCase, organizationNames, touchCase, userNames } from '../../db/cases.ts';
import { consentScopeDiscloser } from '../../db/consentDisclosure.ts';
import {
  type ConsentRow,
  type ConsentScanInfo,
  consentScan,
  consentsOfPerson,
  findVisibleConsent,
  findVisiblePerson,
  insertConsent,
  manageableConsentIds,
  saveConsentScan,
  scansOf,
  withdrawConsent,
} from '../../db/consents.ts';
import type { ConsentWithdrawalEffect, DB } from '../../db/schema.ts';
import * as clock from '../../domain/clock.ts';
import { labelOf } from '../../domain/codeLists.ts';
import type { ConsentScope } from '../../domain/consentDisclosure.ts';
import { coordinatesCase } from '../../domain/policy/cases.ts';
import { toIsoDate } from '../../domain/wareki.ts';
import type { Actor } from '../actor.ts';
import { recordOnTimeline } from '../caseTimeline.ts';
import { attachment } from '../documents.ts';
import { operations, writeErrors } from '../operation.ts';
import { forbidden, HttpProblem, notFound, orNotFound } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';
import { checkScan } from '../scanFiles.ts';
import { requirePersonInCase, requireSharingOrganizations } from '../sharingChecks.ts';

/** In force on the day: given, not expired, not withdrawn. */
export function consentInForce(row: ConsentRow, onDate: string): boolean {
  return (
    row.withdrawn_at === null &&
    row.given_on <= onDate &&
    (row.expires_on === null || row.expires_on >= onDate)
  );
}

export function presentConsent(
  row: ConsentRow,
  names: {
    person: string;
    organizations: ReadonlyMap<string, string>;
    users: ReadonlyMap<string, string>;
  },
  extras: {
    scan?: ConsentScanInfo | undefined;
    /** The caller may withdraw it / attach its scan (manageableConsentIds). */
    manageable?: boolean;
    /** On a case page, the withdrawal's lost access is shown for that case only. */
    caseId?: string;
    /** The part of the scope this viewer may see (src/domain/consentDisclosure.ts); all of it if absent. */
    scope?: ConsentScope;
  } = {},
): Consent {
  const organization = (id: string) => ({ id, name: names.organizations.get(id) ?? '' });
  const scope = extras.scope ?? { categories: row.categories, organizationIds: row.organization_ids };
  return {
    id: row.id,
    person: { id: row.person_id, name: names.person },
    caseId: row.case_id,
    organizations: scope.organizationIds.map(organization),
    categories: scope.categories.map((code) => ({ code, label: labelOf(consentCategories, code) })),
    method: row.method as Consent['method'],
    witness: row.witness,
    givenOn: row.given_on,
    expiresOn: row.expires_on,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawal: row.withdrawn_at
      ? {
          withdrawnOn: row.withdrawn_on ?? toIsoDate(row.withdrawn_at),
          reason: row.withdrawal_reason ?? '',
          recordedBy: row.withdrawn_by
            ? { id: row.withdrawn_by, name: names.users.get(row.withdrawn_by) ?? '' }
            : null,
          lostAccess: withdrawalEffects(row)
            .filter((effect) => !extras.caseId || effect.caseId === extras.caseId)
            .map((effect) => ({
              caseId: effect.caseId,
              organizations: effect.organizationIds.map(organization),
            })),
        }
      : null,
    active: consentInForce(row, clock.today()),
    recordedBy: { id: row.recorded_by, name: names.users.get(row.recorded_by) ?? '' },
    recordedAt: row.created_at.toISOString(),
    scan: extras.scan
      ? {
          filename: extras.scan.filename,
          mediaType: extras.scan.media_type,
          sizeBytes: extras.scan.size_bytes,
          sha256: extras.scan.sha256,
          uploadedAt: extras.scan.uploaded_at.toISOString(),
        }
      : null,
    abilities: {
      withdraw: Boolean(extras.manageable) && row.withdrawn_at === null,
      attachScan: Boolean(extras.manageable),
    },
  };
}

/** withdrawal_effects as stored (jsonb comes back parsed on pg and as text on PGlite). */
export function withdrawalEffects(row: ConsentRow): ConsentWithdrawalEffect[] {
  const value = row.withdrawal_effects as unknown;
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as ConsentWithdrawalEffect[];
}

/** Every organisation and user a list of consents names, for presentConsent. */
export function consentNameIds(rows: readonly ConsentRow[]) {
  return {
    organizationIds: rows.flatMap((c) => [
      ...c.organization_ids,
      ...withdrawalEffects(c).flatMap((e) => e.organizationIds),
    ]),
    userIds: rows.flatMap((c) => [c.recorded_by, c.withdrawn_by ?? undefined]),
  };
}

/**
 * consents.create is open to every casework role (permission consultation.create), because the
 * counter records the consent given on its 相談受付・申込票 at intake. The person must be visible to
 * the caller. A consent recorded FOR A CASE (caseId) is the coordinating section's act: only a
 * case.coordinate holder of the case's coordinating section may record it (others who can see the
 * case: 403), and the person must belong to that case.
 */
export function consentRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['consents'] });

  r.post(
    '/api/consents',
    {
      config: { access: { permission: 'consultation.create' }, audit: ['consent.create'] },
      schema: {
        operationId: 'consents.create',
        summary: '本人の同意（情報共有の範囲）を記録する',
        description:
          '相談窓口（相談受付時の同意）と重層事業担当が記録できます（権限 consultation.create）。本人が呼出し元から見える人であることが必要です。caseId を指定した同意（事例のための同意）は、その事例の重層事業担当（case.coordinate）だけが記録でき、本人はその事例の世帯員であることが必要です。同意は書き換えず、撤回は withdrawn_at で表します。',
        tags: ['consents'],
        body: consentInputSchema,
        response: { 201: consentSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const input = request.body;
      const consent = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const person = orNotFound(await findVisiblePerson(tx, actor, input.personId));
        const kase = input.caseId
          ? await findVisibleCase(tx, actor, input.caseId, { forUpdate: true })
          : undefined;
        if (input.caseId && !kase) throw notFound();
        if (kase) {
          if (!coordinatesCase(actor, kase)) throw forbidden();
          await requirePersonInCase(tx, kase, person.id);
        }
        await requireSharingOrganizations(
          tx,
          actor.tenantId,
          input.organizationIds.map((id, index) => ({ field: `organizationIds.${index}`, id })),
        );

        const row = await insertConsent(tx, { tenantId: actor.tenantId, recordedBy: actor.userId, input });
        const organizations = await organizationNames(tx, actor.tenantId, row.organization_ids);
        // what was agreed, as the timeline entry and the audit event both record it
        const terms = {
          organizationIds: row.organization_ids,
          categories: row.categories,
          method: row.method,
          givenOn: row.given_on,
          expiresOn: row.expires_on,
        };
        if (kase) {
          await touchCase(tx, kase);
          await recordOnTimeline(tx, actor, kase.id, {
            kind: 'consentRecorded',
            subjectId: row.id,
            summary: consentRecordedSummary(
              `${person.family_name} ${person.given_name}`,
              row.organization_ids.map((id) => organizations.get(id) ?? ''),
              row.method,
            ),
            details: { consentId: row.id, personId: person.id, ...terms },
          });
        }
        await audit({
          action: 'consent.create',
          resourceType: 'consent',
          resourceId: row.id,
          personId: person.id,
          caseId: kase?.id ?? null,
          legalBasis: 'consent',
          details: terms,
        });
        return presentConsent(
          row,
          {
            person: `${person.family_name} ${person.given_name}`,
            organizations,
            users: new Map([[actor.userId, actor.displayName]]),
          },
          { manageable: true },
        );
      });
      return reply.code(201).send(consent);
    },
  );

  r.get(
    '/api/persons/:id/consents',
    {
      config: { access: { permission: 'person.read' }, audit: ['consent.list'] },
      schema: {
        operationId: 'consents.list',
        summary: '本人の同意の一覧（撤回済みを含む、同意日の新しい順）',
        description:
          '本人が呼出し元から見える場合に限り、その人の同意を返します。呼出し元から見えない事例のための同意は含みません。一人の同意は少数のため、ページ分割はしません。',
        tags: ['consents'],
        params: idParamsSchema,
        response: { 200: consentListSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      return requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const person = orNotFound(await findVisiblePerson(tx, actor, request.params.id));
        const rows = await consentsOfPerson(tx, actor, person.id);
        const items = await presentConsents(tx, actor, rows, `${person.family_name} ${person.given_name}`);
        await audit({
          action: 'consent.list',
          resourceType: 'consent',
          personId: person.id,
          details: { consentIds: items.map((c) => c.id) },
        });
        return { items };
      });
    },
  );

  op.post(
    '/api/consents/:id/withdraw',
    {
      operationId: 'consents.withdraw',
      access: { permission: 'consultation.create' },
      audit: ['consent.withdraw'],
      summary:
        '同意の撤回を記録する（直ちに効力を持ち、この同意だけを根拠に参加していた機関は事例を見られなくなる）',
      description:
        '同意を記録した機関、または同意が関わる事例の重層事業担当（case.coordinate）が記録できます。同じトランザクションで、この同意だけを根拠とする事例への参加（case_participants、法的根拠 consent）を取り除き、他の有効な同意があればそちらに付け替えます。相談受付・重層事業担当・支援会議（第106条の6）・引継ぎによる参加は残ります。撤回済みの同意は 409 consent.alreadyWithdrawn。',
      params: idParamsSchema,
      body: consentWithdrawInputSchema,
      response: { 200: consentSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const consent = orNotFound(await findVisibleConsent(tx, actor, request.params.id, { forUpdate: true }));
      if (!(await manageableConsentIds(tx, actor, [consent.id])).has(consent.id)) throw forbidden();
      if (consent.withdrawn_at) {
        throw new HttpProblem(
          409,
          'consent.alreadyWithdrawn',
          `この同意は${toIsoDate(consent.withdrawn_at)}に撤回済みです。`,
        );
      }
      const today = clock.today();
      const withdrawnOn = input.withdrawnOn ?? today;
      if (withdrawnOn < consent.given_on) {
        throw new HttpProblem(400, 'validation.invalid', '撤回日は同意日以降の日付にしてください。', [
          { field: 'withdrawnOn', code: 'beforeGiven', message: '撤回日は同意日以降の日付にしてください' },
        ]);
      }
      const result = await withdrawConsent(tx, consent, {
        withdrawnOn,
        reason: input.reason,
        withdrawnBy: actor.userId,
        today,
      });
      if (!result) throw new HttpProblem(409, 'consent.alreadyWithdrawn', 'この同意は撤回済みです。');
      const person = await findVisiblePerson(tx, actor, consent.person_id);
      const personName = person ? `${person.family_name} ${person.given_name}` : '';
      const names = await organizationNames(tx, actor.tenantId, [
        ...consent.organization_ids,
        ...result.effects.flatMap((e) => e.organizationIds),
      ]);
      await recordWithdrawalOnCases(tx, actor, result.row, result.effects, names, personName);
      await audit({
        action: 'consent.withdraw',
        resourceType: 'consent',
        resourceId: consent.id,
        personId: consent.person_id,
        caseId: consent.case_id,
        legalBasis: 'consent',
        details: {
          withdrawnOn,
          reason: input.reason,
          lostAccess: result.effects,
          revokedSensitiveFactGrantIds: result.revokedGrantIds,
        },
      });
      const [presented] = await presentConsents(tx, actor, [result.row], personName);
      return presented as Consent;
    },
  );

  r.put(
    '/api/consents/:id/scan',
    {
      config: { access: { permission: 'consultation.create' }, audit: ['consent.attachScan'] },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        operationId: 'consents.attachScan',
        summary: '同意書のスキャン（PDF・JPEG・PNG、5MB以下）を添付する（既にあれば差し替え）',
        description:
          'JSON の contentBase64 に base64 で送ります。形式はファイル先頭のマジックバイトで確認し、SHA-256 を保存します。同意を記録した機関、または同意が関わる事例の重層事業担当が添付できます。',
        tags: ['consents'],
        params: idParamsSchema,
        body: consentScanInputSchema,
        response: { 200: consentSchema, ...writeErrors },
      },
    },
    async (request) => {
      const input = request.body;
      const file = checkScan(input.contentBase64, input.mediaType, CONSENT_SCAN_MAX_BYTES);
      return requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const consent = orNotFound(
          await findVisibleConsent(tx, actor, request.params.id, { forUpdate: true }),
        );
        if (!(await manageableConsentIds(tx, actor, [consent.id])).has(consent.id)) throw forbidden();
        const { previousSha256 } = await saveConsentScan(tx, {
          tenantId: actor.tenantId,
          consentId: consent.id,
          filename: input.filename,
          mediaType: input.mediaType,
          content: file.content,
          sha256: file.sha256,
          uploadedBy: actor.userId,
        });
        await audit({
          action: 'consent.attachScan',
          resourceType: 'consent',
          resourceId: consent.id,
          personId: consent.person_id,
          caseId: consent.case_id,
          details: {
            filename: input.filename,
            mediaType: input.mediaType,
            sizeBytes: file.content.length,
            sha256: file.sha256,
            replacedSha256: previousSha256,
          },
        });
        const person = await findVisiblePerson(tx, actor, consent.person_id);
        const [presented] = await presentConsents(
          tx,
          actor,
          [consent],
          person ? `${person.family_name} ${person.given_name}` : '',
        );
        return presented as Consent;
      });
    },
  );

  r.get(
    '/api/consents/:id/scan',
    {
      config: { access: { permission: 'person.read' }, audit: ['consent.readScan'] },
      schema: {
        operationId: 'consents.scan',
        summary: '同意書のスキャンを取得する（閲覧として監査されます）',
        tags: ['consents'],
        params: idParamsSchema,
        response: { 200: z.any(), 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const scan = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const consent = orNotFound(await findVisibleConsent(tx, actor, request.params.id));
        const found = orNotFound(await consentScan(tx, actor.tenantId, consent.id));
        await audit({
          action: 'consent.readScan',
          resourceType: 'consent',
          resourceId: consent.id,
          personId: consent.person_id,
          caseId: consent.case_id,
          details: { filename: found.filename, sha256: found.sha256 },
        });
        return found;
      });
      return reply
        .type(scan.media_type)
        .header('content-disposition', attachment(scan.filename))
        .header('x-content-sha256', scan.sha256)
        .send(Buffer.from(scan.content));
    },
  );
}

/** Present consents for this caller: names, scans and what it may do, loaded in bulk. */
export async function presentConsents(
  tx: Transaction<DB>,
  actor: Actor,
  rows: readonly ConsentRow[],
  personName: string | ReadonlyMap<string, string>,
  caseId?: string,
): Promise<Consent[]> {
  const ids = consentNameIds(rows);
  const organizations = await organizationNames(tx, actor.tenantId, ids.organizationIds);
  const users = await userNames(tx, actor.tenantId, ids.userIds);
  const scans = await scansOf(
    tx,
    actor.tenantId,
    rows.map((r) => r.id),
  );
  const manageable = await manageableConsentIds(
    tx,
    actor,
    rows.map((r) => r.id),
  );
  const disclosed = await consentScopeDiscloser(tx, actor, rows);
  return rows.map((row) =>
    presentConsent(
      row,
      {
        person: typeof personName === 'string' ? personName : (personName.get(row.person_id) ?? ''),
        organizations,
        users,
      },
      {
        scan: scans.get(row.id),
        manageable: manageable.has(row.id),
        scope: disclosed(row),
        ...(caseId ? { caseId } : {}),
      },
    ),
  );
}

/** A case timeline entry as read from the database (src/db/cases.ts listCaseEvents). */
interface TimelineRow {
  kind: string;
  summary: string;
  details: unknown;
  actor_user_id: string | null;
}

/** The summary of a consentRecorded entry, as consents.create writes it. */
function consentRecordedSummary(
  personName: string,
  organizations: readonly string[],
  method: string,
): string {
  return `${personName}さんの同意を記録（共有先：${organizations.join('、')}／${labelOf(consentMethods, method)}）`;
}

/**
 * The consentRecorded entries of a case timeline, cut to what the viewer may see of each consent's
 * scope (src/domain/consentDisclosure.ts): the same rule as the consents of cases.get and
 * consents.list, so the timeline cannot tell what the consent list withholds.
 */
export async function discloseConsentEntries<T extends TimelineRow>(
  tx: Transaction<DB>,
  actor: Actor,
  caseId: string,
  rows: readonly T[],
): Promise<T[]> {
  const parsed = rows.map((row) => ({
    row,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<
      string,
      unknown
    >,
  }));
  const consents = parsed.flatMap(({ row, details }) =>
    row.kind === 'consentRecorded' &&
    typeof details.consentId === 'string' &&
    typeof details.personId === 'string' &&
    Array.isArray(details.categories) &&
    Array.isArray(details.organizationIds)
      ? [
          {
            id: details.consentId,
            person_id: details.personId,
            case_id: caseId,
            recorded_by: row.actor_user_id ?? '',
            categories: details.categories as string[],
            organization_ids: details.organizationIds as string[],
          },
        ]
      : [],
  );
  if (consents.length === 0) return [...rows];
  const disclosed = await consentScopeDiscloser(tx, actor, consents);
  const names = await organizationNames(
    tx,
    actor.tenantId,
    consents.flatMap((c) => c.organization_ids),
  );
  const byId = new Map(consents.map((c) => [c.id, c]));
  return parsed.map(({ row, details }) => {
    const consent = row.kind === 'consentRecorded' ? byId.get(String(details.consentId)) : undefined;
    if (!consent) return row;
    const scope = disclosed(consent);
    if (
      scope.categories.length === consent.categories.length &&
      scope.organizationIds.length === consent.organization_ids.length
    )
      return row;
    const personName = row.summary.split('さんの同意を記録')[0] ?? '';
    return {
      ...row,
      summary: consentRecordedSummary(
        personName,
        scope.organizationIds.map((id) => names.get(id) ?? ''),
        String(details.method ?? ''),
      ),
      details: { ...details, categories: scope.categories, organizationIds: scope.organizationIds },
    };
  });
}

/** A timeline entry on every case whose participants changed (or that the consent was for). */
async function recordWithdrawalOnCases(
  tx: Transaction<DB>,
  actor: Actor,
  row: ConsentRow,
  effects: readonly ConsentWithdrawalEffect[],
  names: ReadonlyMap<string, string>,
  personName: string,
): Promise<void> {
  const caseIds = new Set(effects.map((e) => e.caseId));
  if (row.case_id) caseIds.add(row.case_id);
  for (const caseId of caseIds) {
    const lost = effects.find((e) => e.caseId === caseId)?.organizationIds ?? [];
    await tx.updateTable('cases').set({ updated_at: clock.now() }).where('id', '=', caseId).execute();
    await recordOnTimeline(tx, actor, caseId, {
      kind: 'consentWithdrawn',
      subjectId: row.id,
      summary: `${personName}さんの同意の撤回を記録（撤回日：${row.withdrawn_on ?? ''}／理由：${row.withdrawal_reason ?? ''}）${
        lost.length > 0
          ? `。次の機関は事例を閲覧できなくなりました：${lost.map((id) => names.get(id) ?? '').join('、')}`
          : ''
      }`,
      details: {
        consentId: row.id,
        personId: row.person_id,
        withdrawnOn: row.withdrawn_on,
        reason: row.withdrawal_reason,
        lostAccessOrganizationIds: lost,
      },
    });
  }
}
