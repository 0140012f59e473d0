import { sql } from 'kysely';
import { fiscalYearRange } from '../domain/fiscalYear.ts';
import type { Executor } from './executor.ts';

/**
 * The figures the state asks of 参加支援 for a 年度 (docs/resources.md "Counts"), as aggregates only:
 * - participants (支援対象者数): persons with a placement under way at some time in the 年度
 *   (arranged before its end, not ended before its start);
 * - hosts (協力事業者数): directory organisations hosting those placements;
 * - cooperatingEmployers: resources tagged 協力雇用主 that are usable (for the 「協力雇用主等に対する
 *   優遇措置」 programme's progress);
 * - resources: usable resources of the directory.
 * For statistics and the coordinator's home; callers decide how to show small numbers.
 */
export async function participationCounts(
  db: Executor,
  tenantId: string,
  fiscalYear: number,
): Promise<{ participants: number; hosts: number; cooperatingEmployers: number; resources: number }> {
  const range = fiscalYearRange(fiscalYear);
  const placed = await sql<{ participants: string; hosts: string }>`
    SELECT count(DISTINCT p.person_id) AS participants, count(DISTINCT r.resource_organization_id) AS hosts
    FROM placements p JOIN resources r ON r.id = p.resource_id
    WHERE p.tenant_id = ${tenantId}
      AND p.created_at < (${range.end}::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'
      AND (p.ended_on IS NULL OR p.ended_on >= ${range.start}::date)`.execute(db);
  const directory = await sql<{ employers: string; resources: string }>`
    SELECT count(*) FILTER (WHERE 'cooperatingEmployer' = ANY(kinds)) AS employers, count(*) AS resources
    FROM resources WHERE tenant_id = ${tenantId} AND status IN ('active', 'temporarily closed')`.execute(db);
  return {
    participants: Number(placed.rows[0]?.participants ?? 0),
    hosts: Number(placed.rows[0]?.hosts ?? 0),
    cooperatingEmployers: Number(directory.rows[0]?.employers ?? 0),
    resources: Number(directory.rows[0]?.resources ?? 0),
  };
}

/**
 * For the 「協力雇用主等に対する優遇措置」 programme's automatic indicators: usable resources tagged
 * 協力雇用主 (the directory now), and persons with a placement at one of them under way in the 年度
 * (a casework count: the caller suppresses it).
 */
export async function cooperatingEmployerCounts(
  db: Executor,
  tenantId: string,
  fiscalYear: number,
): Promise<{ cooperatingEmployers: number; placedWithCooperatingEmployers: number }> {
  const range = fiscalYearRange(fiscalYear);
  const result = await sql<{ employers: string; placed: string }>`
    SELECT
      (SELECT count(*) FROM resources WHERE tenant_id = ${tenantId}
        AND status IN ('active', 'temporarily closed') AND 'cooperatingEmployer' = ANY(kinds)) AS employers,
      (SELECT count(DISTINCT p.person_id) FROM placements p JOIN resources r ON r.id = p.resource_id
        WHERE p.tenant_id = ${tenantId} AND 'cooperatingEmployer' = ANY(r.kinds)
          AND p.created_at < (${range.end}::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'
          AND (p.ended_on IS NULL OR p.ended_on >= ${range.start}::date)) AS placed`.execute(db);
  return {
    cooperatingEmployers: Number(result.rows[0]?.employers ?? 0),
    placedWithCooperatingEmployers: Number(result.rows[0]?.placed ?? 0),
  };
}
