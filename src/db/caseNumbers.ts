import type { Transaction } from 'kysely';
import { fiscalYearOf } from '../domain/fiscalYear.ts';
import type { DB } from './schema.ts';

/** Reiwa year of a fiscal year, for the case number prefix (FY2024 → 6). */
function reiwaYear(fiscalYear: number): number {
  return fiscalYear - 2018;
}

/**
 * The next case number of the tenant's 年度, e.g. 'R6-0001'. The counter row is locked by the
 * upsert, so concurrent acceptances get distinct numbers.
 */
export async function nextCaseNumber(
  tx: Transaction<DB>,
  tenantId: string,
  acceptedOn: string,
): Promise<string> {
  const fiscalYear = fiscalYearOf(acceptedOn);
  const row = await tx
    .insertInto('case_number_counters')
    .values({ tenant_id: tenantId, fiscal_year: fiscalYear, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'fiscal_year'])
        .doUpdateSet((eb) => ({ last_number: eb('case_number_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `R${reiwaYear(fiscalYear)}-${String(row.last_number).padStart(4, '0')}`;
}
