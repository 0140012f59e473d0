import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { sealAuditTrail } from '../db/auditSealer.ts';
import { verifyAuditTrail } from '../db/auditTrail.ts';
import { backupDatabase, RestoreRefused, restoreDatabase } from '../db/backup.ts';
import { openDatabase } from '../db/database.ts';
import { DataDirInUseError } from '../db/dataDirLock.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DEMO_PASSWORD, demoAccounts, seedDemo } from '../db/seed/demo.ts';
import { buildApp } from '../server/app.ts';
import { seedDemoCases } from '../server/demo/demoCases.ts';

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
      if (seeded) await seedDemoCases(app);
      await app.listen({ port: config.port, host: config.host });
      const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
      const where =
        database.kind === 'pglite' ? `embedded database at ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
      console.log(`Kasane is running at ${url} on the ${where}.`);
      if (config.demo) {
        console.log(
          `${seeded ? 'Demo data seeded' : 'Demo data present'} (鹿児島市). Demo accounts, password "${DEMO_PASSWORD}":`,
        );
        for (const account of demoAccounts)
          console.log(
            `  ${account.loginId.padEnd(13)} ${account.organization} (${account.roles.join(', ')})`,
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
  .action(async () => {
    const database = await openDatabase(loadConfig()).catch(fail);
    try {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
    } finally {
      await database.close();
    }
  });

program
  .command('seed')
  .description(
    'migrate, then seed the demo municipality with its accounts and casework, as `start` does on an empty database (refused when NODE_ENV=production)',
  )
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config).catch(fail);
    try {
      await migrateToLatest(database.db);
      const seeded = await seedDemo(database.db, config);
      if (seeded) {
        const app = await buildApp(config, database);
        try {
          await seedDemoCases(app);
        } finally {
          await app.close();
        }
      }
      console.log(seeded ? 'Demo data seeded.' : 'Demo data already present.');
    } catch (error) {
      await database.close();
      fail(error);
    }
    await database.close();
  });

program
  .command('backup')
  .description('write a consistent, portable backup of the whole database to <file> (gzip, audited)')
  .argument('<file>', 'where to write the backup, e.g. kasane-2026-11-27.backup.gz')
  .action(async (file: string) => {
    const database = await openDatabase(loadConfig()).catch(fail);
    try {
      const manifest = await backupDatabase(database.db, path.resolve(file), database.kind);
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Backup written to ${path.resolve(file)}: ${manifest.tables.length} tables, ${rows} rows, schema ${manifest.migrations.at(-1)}.`,
      );
    } catch (error) {
      await database.close();
      fail(error);
    }
    await database.close();
  });

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
  .action(async (file: string, options: { force?: boolean }) => {
    const database = await openDatabase(loadConfig()).catch(fail);
    try {
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
    } catch (error) {
      await database.close();
      if (error instanceof RestoreRefused) {
        console.error(`kasane: ${error.message}`);
        process.exit(4);
      }
      fail(error);
    }
    await database.close();
  });

const audit = program.command('audit').description('audit trail tools');
audit
  .command('verify')
  .description(
    'check the audit trail: names the first altered, removed or inserted event, and reports events not yet sealed',
  )
  .action(async () => {
    const database = await openDatabase(loadConfig()).catch(fail);
    try {
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
    } finally {
      await database.close();
    }
  });
audit
  .command('seal')
  .description('seal the audit events waiting for their seal now (the running server does so by itself)')
  .action(async () => {
    const database = await openDatabase(loadConfig()).catch(fail);
    try {
      const sealed = await sealAuditTrail(database.db);
      console.log(`Sealed ${sealed} audit events.`);
    } finally {
      await database.close();
    }
  });

await program.parseAsync(process.argv);
