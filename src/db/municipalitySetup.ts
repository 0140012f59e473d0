import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { type Kysely, sql } from 'kysely';
import { insertOrganization } from './organizations.ts';
import type { DB } from './schema.ts';
import { seedEvaluationScale, seedMeetingKinds } from './seed/demo.ts';
import { insertTenant, recordTenantSetup } from './tenants.ts';
import { insertUser, loginIdTaken } from './users.ts';

/** What `kasane init` needs to start a municipality on an empty database. */
export interface MunicipalitySetup {
  /** e.g. 鹿児島市 */
  city: string;
  /** 地方公共団体コード, six digits, already checked (src/domain/localGovernmentCode.ts). */
  code: string;
  /** The first administrator's login id, display name and organisation (e.g. 情報政策課). */
  adminLoginId: string;
  adminDisplayName: string;
  adminOrganization: string;
  /** The password's argon2id hash: the password itself never reaches this module. */
  passwordHash: string;
}

/** `kasane init` on a database that already has a municipality: it never adds a second one. */
export class AlreadyInitialised extends Error {
  constructor(readonly municipalities: { code: string; name: string }[]) {
    super(
      `このデータベースには既に自治体（${municipalities.map((m) => `${m.name} ${m.code}`).join('、')}）が登録されています。kasane init は最初の一度だけ使えます。`,
    );
    this.name = 'AlreadyInitialised';
  }
}

/** Serialises concurrent `kasane init` runs (transaction-scoped advisory lock). */
const INIT_LOCK_KEY = 0x4b41534e494en;

/**
 * Create the municipality, the administrator's organisation, the default meeting kinds and
 * evaluation scale, and the first administrator, in one transaction with its audit event (the
 * operating-system user and host, as for backups: nobody is signed in). Refuses with
 * {@link AlreadyInitialised} when any municipality exists.
 */
export async function initialiseMunicipality(
  db: Kysely<DB>,
  setup: MunicipalitySetup,
): Promise<{ tenantId: string; userId: string; organizationId: string }> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${INIT_LOCK_KEY.toString()}::bigint)`.execute(tx);
    const existing = await tx.selectFrom('tenants').select(['code', 'name']).orderBy('created_at').execute();
    if (existing.length > 0) throw new AlreadyInitialised(existing);
    if (await loginIdTaken(tx, setup.adminLoginId))
      throw new Error(`login id ${setup.adminLoginId} is taken`);
    const tenantId = await insertTenant(tx, { code: setup.code, name: setup.city });
    const organizationId = randomUUID();
    await insertOrganization(tx, tenantId, organizationId, {
      name: setup.adminOrganization,
      kind: 'citySection',
    });
    await seedMeetingKinds(tx, tenantId);
    await seedEvaluationScale(tx, tenantId);
    const userId = randomUUID();
    await insertUser(tx, {
      id: userId,
      tenantId,
      organizationId,
      loginId: setup.adminLoginId,
      displayName: setup.adminDisplayName,
      passwordHash: setup.passwordHash,
      roles: ['admin'],
    });
    await recordTenantSetup(tx, tenantId, 'tenant.init', {
      code: setup.code,
      administrator: userId,
      operatingSystemUser: operatingSystemUser(),
      host: os.hostname(),
    });
    return { tenantId, userId, organizationId };
  });
}

function operatingSystemUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
