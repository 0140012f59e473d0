import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { FiscalYearSelect } from '../../../components/ui/fiscal-year-select.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import { usePlanPeriod } from '../../recidivism-plan/api/get-recidivism-plan.ts';
import { paperUrl, useCouncilPaper } from '../api/get-paper.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 会議資料: choose a 年度, make the paper (shown here) and download it as PDF, xlsx or CSV. */
export function CouncilPaperSection({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const period = usePlanPeriod();
  const [year, setYear] = useState<number | null>(null);
  const [made, setMade] = useState<number | null>(null);
  const paper = useCouncilPaper(meetingId, made);
  if (period.isPending) return <Loading />;
  if (period.isError) return <QueryError error={period.error} />;
  const chosen = year ?? period.data.to;

  return (
    <Section id="council-paper-heading" title={t('recidivism.council.paperHeading')}>
      <p className="print:hidden">{t('recidivism.council.paperLead')}</p>
      <div className="flex flex-wrap items-end gap-6 print:hidden">
        <FiscalYearSelect
          id="council-paper-year"
          label={t('recidivism.council.paperYear')}
          period={period.data}
          value={chosen}
          onChange={setYear}
        />
        <Button onClick={() => setMade(chosen)}>{t('recidivism.council.paperMake')}</Button>
      </div>
      {made === null ? null : paper.isPending ? (
        <Loading />
      ) : paper.isError ? (
        <QueryError error={paper.error} onRetry={() => void paper.refetch()} />
      ) : (
        <div className="flex flex-col gap-6">
          <ul className="flex flex-wrap gap-x-6 gap-y-2 print:hidden">
            {(['pdf', 'xlsx', 'csv'] as const).map((format) => (
              <li key={format}>
                <a
                  href={paperUrl(meetingId, made, format)}
                  download
                  className={textLinkClassName}
                  aria-label={t('recidivism.download.label', {
                    what: `${t('recidivism.council.paperWhat')}（${paper.data.fiscalYearLabel}）`,
                    format: t(`recidivism.download.${format}`),
                  })}
                >
                  {t(`recidivism.download.${format}`)}
                </a>
              </li>
            ))}
          </ul>
          <p className="text-std-17B-170">
            {paper.data.locked
              ? t('recidivism.council.paperLocked', { year: paper.data.fiscalYearLabel })
              : t('recidivism.council.paperUnlocked', { year: paper.data.fiscalYearLabel })}
          </p>
          {paper.data.challenges.map((c) => (
            <Table
              key={c.position}
              caption={t('recidivism.council.paperCaption', { position: c.position, title: c.title })}
            >
              <TableHead
                columns={[
                  t('recidivism.progress.programme'),
                  t('recidivism.progress.section'),
                  t('recidivism.progress.statusText'),
                  t('recidivism.progress.result'),
                  t('recidivism.progress.evaluation'),
                  t('recidivism.progress.issuesDirection'),
                  t('recidivism.council.paperUsed'),
                ]}
              />
              <tbody>
                {c.programmes.map((p) => (
                  <tr key={`${p.name}-${p.section}`}>
                    <Th scope="row">
                      {p.name} {p.isRepeat ? <Badge tone="muted">{t('recidivism.plan.repeat')}</Badge> : null}
                    </Th>
                    <Td>{p.section}</Td>
                    <Td className="whitespace-pre-wrap">{p.statusText}</Td>
                    <Td className="whitespace-nowrap">
                      {p.result}
                      {p.automaticIndicators.map((a) => (
                        <div key={a.code} className="text-std-16N-170 text-solid-gray-700">
                          {t(`recidivism.progress.automatic.${a.code as 'cooperatingEmployers'}`)}
                          {t('recidivism.progress.automaticSeparator')}
                          {String(a.value)}
                        </div>
                      ))}
                    </Td>
                    <Td>{p.evaluation}</Td>
                    <Td className="whitespace-pre-wrap">{p.issuesDirection}</Td>
                    <Td className="whitespace-nowrap">{String(p.usedInSupportPlans)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ))}
          <Table caption={t('recidivism.council.casework')}>
            <TableHead
              columns={[t('recidivism.council.caseworkItem'), t('recidivism.council.caseworkCount')]}
            />
            <tbody>
              {(
                [
                  ['peopleSupported', paper.data.casework.peopleSupported],
                  ['closures', paper.data.casework.closures],
                  ['plansUsingProgrammes', paper.data.casework.plansUsingProgrammes],
                ] as const
              ).map(([key, value]) => (
                <tr key={key}>
                  <Th scope="row">{t(`recidivism.council.${key}`)}</Th>
                  <Td>{String(value)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </Section>
  );
}
