import { useTranslation } from 'react-i18next';
import type { ProgrammeImportResult } from '../../../../../src/contract/recidivismPlan.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { CheckedImportForm, useCheckedImport } from '../../../components/ui/checked-import.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import { importTemplateUrl, useImportProgrammes } from '../api/import-programmes.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

function ImportErrors({ errors }: { errors: ProgrammeImportResult['errors'] }) {
  const { t } = useTranslation();
  return (
    <Table
      caption={t('recidivism.import.errorsCaption')}
      captionDetail={t('recidivism.import.errorCount', { count: errors.length })}
    >
      <TableHead
        columns={[t('recidivism.import.row'), t('recidivism.import.field'), t('recidivism.import.message')]}
      />
      <tbody>
        {errors.map((e) => (
          <tr key={`${e.row}-${e.field}-${e.message}`}>
            <Th scope="row" className="whitespace-nowrap">
              {e.row}
            </Th>
            <Td className="whitespace-nowrap">{e.field}</Td>
            <Td>{e.message}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * 取組の取込: choose a file → 確認 (dry run: row-level Japanese errors, what would be created or
 * updated) → 「取り込む」 only when the check is clean → counts of created and updated.
 */
export function ProgrammeImportPage() {
  const { t } = useTranslation();
  const importer = useCheckedImport(useImportProgrammes(), (key) => t(`recidivism.import.${key}`));
  const { check, done } = importer;

  return (
    <>
      <PageHeading lead={t('recidivism.import.lead')}>{t('recidivism.import.heading')}</PageHeading>
      <div className="flex max-w-[64rem] flex-col gap-8">
        <p className="text-std-16N-170 text-solid-gray-700">{t('recidivism.import.columns')}</p>
        <Section
          id="import-template-heading"
          title={t('recidivism.import.template')}
          className="flex flex-col gap-3"
        >
          <p>{t('recidivism.import.templateLead')}</p>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {(['xlsx', 'csv'] as const).map((format) => (
              <li key={format}>
                <a
                  href={importTemplateUrl(format)}
                  download
                  className={`${textLinkClassName} inline-flex min-h-11 items-center`}
                  aria-label={t('recidivism.download.label', {
                    what: t('recidivism.import.templateWhat'),
                    format:
                      format === 'csv' ? t('recidivism.import.templateCsv') : t('recidivism.download.xlsx'),
                  })}
                >
                  {format === 'csv' ? t('recidivism.import.templateCsv') : t('recidivism.download.xlsx')}
                </a>
              </li>
            ))}
          </ul>
        </Section>
        {done ? (
          <Alert
            tone="success"
            title={t('recidivism.import.done', {
              total: done.created.length + done.updated.length,
              created: done.created.length,
              updated: done.updated.length,
            })}
          />
        ) : null}
        <CheckedImportForm
          importer={importer}
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          canRun={check !== null && check.errors.length === 0}
          refused={(rows) => (
            // a refused real import still carries its row errors
            <ImportErrors
              errors={rows.map((e) => ({
                row: Number.parseInt(e.field, 10) || 0,
                field: e.field.replace(/^\d+行目\./, ''),
                message: e.message,
              }))}
            />
          )}
        />

        {check ? (
          <Section id="import-check-heading" title={t('recidivism.import.resultHeading')}>
            <p>
              {t('recidivism.import.fileFacts', {
                format: check.format.toUpperCase(),
                encoding: check.encoding ?? t('recidivism.import.encodingNone'),
                rows: check.rows,
              })}
            </p>
            <ul className="flex flex-wrap gap-6 text-std-17B-170">
              <li>{t('recidivism.import.wouldCreate', { count: check.created.length })}</li>
              <li>{t('recidivism.import.wouldUpdate', { count: check.updated.length })}</li>
            </ul>
            {check.errors.length === 0 ? (
              <Alert tone="success" title={t('recidivism.import.clean')} />
            ) : (
              <>
                <Alert tone="error" title={t('recidivism.import.hasErrors')} />
                <ImportErrors errors={check.errors} />
              </>
            )}
          </Section>
        ) : null}
        <RouteLink to="/programmes">{t('recidivism.programmes.backToList')}</RouteLink>
      </div>
    </>
  );
}
