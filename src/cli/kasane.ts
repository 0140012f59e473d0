import path from 'node:path';
import { Command } from 'commander';
import type { Kysely } from 'kysely';
import { loginIdSchema } from '../contract/users.ts';
import { sealAuditTrail } from '../db/auditSealer.ts';
import { verifyAuditTrail } from '../db/auditTrail.ts';
import { backupDatabase, RestoreRefused, restoreDatabase } from '../db/backup.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { DataDirInUseError } from '../db/dataDirLock.ts';
import { issueHsdsToken, revokeHsdsToken } from '../db/hsdsTokens.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AlreadyInitialised, initialiseMunicipality } from '../db/municipalitySetup.ts';
import { hashPassword } from '../db/passwords.ts';
import type { DB } from '../db/schema.ts';
import { DEMO_PASSWORD, demoAccounts, seedDemo } from '../db/seed/demo.ts';
import { settleDemoTimeline } from '../db/seed/demoTimeline.ts';
import { parseLocalGovernmentCode } from '../domain/localGovernmentCode.ts';
import { roleLabels } from '../domain/permissions.ts';
import { buildApp } from '../server/app.ts';
import { type Config, loadConfig } from '../server/config.ts';
import { seedDemoCases } from '../server/demo/demoCases.ts';
import { passwordProblems } from '../server/passwordPolicy.ts';
import { readNewPassword } from './passwordPrompt.ts';

/** The demo casework, made through the API, then dated as its stories tell. */
async function seedDemoCasework(app: Awaited<ReturnType<typeof buildApp>>, db: Kysely<DB>): Promise<void> {
  await seedDemoCases(app);
  await settleDemoTimeline(db);
}

const program = new Command('kasane').description(
  'Kasane — 重層的支援体制整備事業・再犯防止推進計画の支援管理',
);

function fail(error: unknown): never {
  if (error instanceof DataDirInUseError) {
    console.error(`kasane: ${error.message}`);
    process.exit(3);
  }
  console.error(error instanceof Error ? `kasane: ${error.message}` : error);
  process.exit(1);
}

/**
 * Open the configured database, do a command's work on it and close it. A failure closes it too and
 * ends the command: `refused` ends it first with an exit code of its own for the errors it expects.
 */
async function withDatabase(
  work: (database: Database) => Promise<void>,
  options: { config?: Config; refused?: (error: unknown) => void } = {},
): Promise<void> {
  const database = await openDatabase(options.config ?? loadConfig()).catch(fail);
  try {
    await work(database);
  } catch (error) {
    await database.close();
    options.refused?.(error);
    fail(error);
  }
  await database.close();
}

program
  .command('start')
  .description('migrate the database, seed the demo on an empty embedded database, and serve the app')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config).catch(fail);
    try {
      await migrateToLatest(database.db);
      const seeded = config.demo ? await seedDemo(database.db, config) : false;
      const app = await buildApp(config, database);
      if (seeded) await seedDemoCasework(app, database.db);
      await app.listen({ port: config.port, host: config.host });
      const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
      const where =
        database.kind === 'pglite' ? `embedded database at ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
      console.log(`Kasane is running at ${url} on the ${where}.`);
      const municipalities = await database.db.selectFrom('tenants').select('id').limit(1).execute();
      if (municipalities.length === 0)
        console.log(
          'No municipality yet. Create it and its first administrator with: kasane init --city 鹿児島市 --code 462012 --admin <login id> (README "Production").',
        );
      if (config.demo) {
        console.log(
          `${seeded ? 'Demo data seeded' : 'Demo data present'} (鹿児島市). Demo accounts, password "${DEMO_PASSWORD}":`,
        );
        for (const account of demoAccounts)
          console.log(
            `  ${account.loginId.padEnd(13)} ${account.organization}（${account.roles.map((role) => roleLabels[role]).join('・')}）`,
          );
      }
      const stop = async (signal: string) => {
        console.log(`Kasane: ${signal}, shutting down`);
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    } catch (error) {
      await database.close();
      fail(error);
    }
  });

program
  .command('migrate')
  .description('bring the database schema to the latest version')
  .action(() =>
    withDatabase(async (database) => {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
    }),
  );

program
  .command('seed')
  .description(
    'migrate, then seed the demo municipality with its accounts and casework, as `start` does on an empty database (refused when NODE_ENV=production)',
  )
  .action(async () => {
    const config = loadConfig();
    await withDatabase(
      async (database) => {
        await migrateToLatest(database.db);
        const seeded = await seedDemo(database.db, config);
        if (seeded) {
          const app = await buildApp(config, database);
          try {
            await seedDemoCasework(app, database.db);
          } finally {
            await app.close();
          }
        }
        console.log(seeded ? 'Demo data seeded.' : 'Demo data already present.');
      },
      { config },
    );
  });

program
  .command('backup')
  .description('write a consistent, portable backup of the whole database to <file> (gzip, audited)')
  .argument('<file>', 'where to write the backup, e.g. kasane-2026-11-27.backup.gz')
  .action((file: string) =>
    withDatabase(async (database) => {
      const manifest = await backupDatabase(database.db, path.resolve(file), database.kind);
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Backup written to ${path.resolve(file)}: ${manifest.tables.length} tables, ${rows} rows, schema ${manifest.migrations.at(-1)}.`,
      );
    }),
  );

program
  .command('restore')
  .description(
    'restore a backup into an empty (freshly migrated, unseeded) database, in one transaction (audited)',
  )
  .argument('<file>', 'a file written by kasane backup')
  .option(
    '--force',
    'replace everything the database holds, its audit trail included (recorded in the trail)',
  )
  .action((file: string, options: { force?: boolean }) =>
    withDatabase(
      async (database) => {
        await migrateToLatest(database.db);
        const result = await restoreDatabase(database.db, path.resolve(file), {
          force: options.force === true,
        });
        const rows = result.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
        if (result.replaced)
          console.warn(
            `kasane: --force replaced ${result.replaced.rows} rows, ${result.replaced.auditEvents} of them audit events; the restore's audit event records it.`,
          );
        console.log(
          `Restored ${rows} rows in ${result.manifest.tables.length} tables from the backup of ${result.manifest.createdAt} (${result.manifest.source}); every table matches its checksum.`,
        );
      },
      {
        refused: (error) => {
          if (error instanceof RestoreRefused) {
            console.error(`kasane: ${error.message}`);
            process.exit(4);
          }
        },
      },
    ),
  );

program
  .command('init')
  .description(
    'first set-up: create the municipality and its first administrator on an empty database (the password from a prompt, or KASANE_INIT_PASSWORD without a terminal)',
  )
  .requiredOption('--city <name>', 'the municipality, e.g. 鹿児島市')
  .requiredOption(
    '--code <code>',
    '地方公共団体コード, six digits with the check digit (e.g. 462012) or five',
  )
  .requiredOption('--admin <loginId>', "the first administrator's login id")
  .option('--admin-name <name>', "the administrator's display name", '管理者')
  .option('--organization <name>', "the administrator's organisation", '情報政策課')
  .action(
    async (options: {
      city: string;
      code: string;
      admin: string;
      adminName: string;
      organization: string;
    }) => {
      const usage = (message: string): never => {
        console.error(`kasane init: ${message}`);
        process.exit(2);
      };
      const code = parseLocalGovernmentCode(options.code);
      if (!code.ok) usage(code.message);
      const city = options.city.trim();
      if (!city || city.length > 100) usage('--city には自治体名（100文字以内）を指定してください');
      const login = loginIdSchema.safeParse(options.admin);
      if (!login.success) usage(`--admin: ${login.error.issues[0]?.message ?? ''}`);
      const loginId = login.success ? login.data : '';
      const password = await readNewPassword({
        envVariable: 'KASANE_INIT_PASSWORD',
        prompt: `${loginId} のパスワード: `,
        confirmPrompt: 'もう一度入力してください: ',
      }).catch((error: Error) => usage(error.message));
      const problems = await passwordProblems(password, loginId, [
        city,
        options.organization,
        options.adminName,
      ]);
      if (problems.length)
        usage(`このパスワードは使えません：${problems.map((p) => p.message).join('。')}。`);
      await withDatabase(
        async (database) => {
          await migrateToLatest(database.db);
          const created = await initialiseMunicipality(database.db, {
            city,
            code: code.ok ? code.code : '',
            adminLoginId: loginId,
            adminDisplayName: options.adminName.trim() || '管理者',
            adminOrganization: options.organization.trim() || '情報政策課',
            passwordHash: await hashPassword(password),
          });
          console.log(
            `${city}（${code.ok ? code.code : ''}）を登録しました。管理者 ${loginId}（${options.organization}）でログインし、組織（重層事業担当を含む）と利用者を登録してください。tenant ${created.tenantId}`,
          );
        },
        {
          refused: (error) => {
            if (error instanceof AlreadyInitialised) {
              console.error(`kasane init: ${error.message}`);
              process.exit(5);
            }
          },
        },
      );
    },
  );

const hsdsToken = program
  .command('hsds-token')
  .description('read-only API tokens for the 社会資源 directory’s HSDS 3.0 export');
hsdsToken
  .command('issue')
  .argument('<tenant>', 'municipality code, e.g. kagoshima')
  .argument('<loginId>', 'the user on whose behalf the token is issued (audited)')
  .argument('<label>', 'who the token is for, e.g. 県の社会資源検索サイト')
  .description('issue a token; it is printed once and stored only as its SHA-256')
  .action((tenant: string, loginId: string, label: string) =>
    withDatabase(async (database) => {
      const { id, token } = await issueHsdsToken(database.db, { tenantCode: tenant, loginId, label });
      console.log(`Token ${id} issued. Send it as "Authorization: Bearer <token>":\n${token}`);
    }),
  );
hsdsToken
  .command('revoke')
  .argument('<id>', 'the token id printed when it was issued')
  .action((id: string) =>
    withDatabase(async (database) => {
      if (!(await revokeHsdsToken(database.db, id))) {
        console.error(`No token ${id} in force.`);
        process.exitCode = 1;
      } else console.log(`Token ${id} revoked.`);
    }),
  );

const audit = program.command('audit').description('audit trail tools');
audit
  .command('verify')
  .description(
    'check the audit trail: names the first altered, removed or inserted event, and reports events not yet sealed',
  )
  .action(() =>
    withDatabase(async (database) => {
      const result = await verifyAuditTrail(database.db);
      const tail = result.unsealed.count
        ? ` ${result.unsealed.count} newest events are not yet sealed (oldest at ${result.unsealed.oldest?.toISOString()}): the running server seals them within seconds, or run \`kasane audit seal\`.`
        : ' No event is waiting for its seal.';
      if (result.ok) {
        console.log(`Audit trail intact: ${result.events} events verified.${tail}`);
      } else {
        console.error(
          `Audit trail BROKEN at event seq ${result.firstBad.seq} (id ${result.firstBad.id}): ${result.firstBad.reason}. ${result.events} events read.${tail}`,
        );
        process.exitCode = 2;
      }
    }),
  );
audit
  .command('seal')
  .description('seal the audit events waiting for their seal now (the running server does so by itself)')
  .action(() =>
    withDatabase(async (database) => {
      const sealed = await sealAuditTrail(database.db);
      console.log(`Sealed ${sealed} audit events.`);
    }),
  );

await program.parseAsync(process.argv);
