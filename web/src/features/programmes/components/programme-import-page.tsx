import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeImportResult } from '../../../../../src/contract/recidivismPlan.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { ErrorText, FieldLabel, SupportText } from '../../../components/ui/form-control.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { importTemplateUrl, useImportProgrammes } from '../api/import-programmes.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

type Picked = { fileName: string; contentBase64: string };

/** The file's bytes as base64 (the API takes JSON). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

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
  const inputId = useId();
  const run = useImportProgrammes();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [check, setCheck] = useState<ProgrammeImportResult | null>(null);
  const [done, setDone] = useState<ProgrammeImportResult | null>(null);

  const start = (dryRun: boolean) => {
    if (run.isPending) return;
    if (!picked) {
      setPickError(t('recidivism.import.chooseFirst'));
      return;
    }
    run.mutate(
      { ...picked, dryRun },
      {
        onSuccess: (result) => {
          if (result.dryRun) setCheck(result);
          else {
            setDone(result);
            setCheck(null);
          }
        },
      },
    );
  };
  // a refused real import still carries its row errors
  const refusedRows =
    run.error instanceof ApiError && run.error.problem.errors?.length ? run.error.problem.errors : null;

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
        <form
          noValidate
          className="flex flex-col gap-6"
          onSubmit={(event) => {
            event.preventDefault();
            start(true);
          }}
        >
          <div className="flex flex-col gap-2">
            <FieldLabel htmlFor={inputId} required>
              {t('recidivism.import.file')}
            </FieldLabel>
            <SupportText id={`${inputId}-support`}>{t('recidivism.import.fileSupport')}</SupportText>
            <input
              id={inputId}
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${inputId}-support${pickError ? ` ${inputId}-error` : ''}`}
              aria-invalid={pickError ? true : undefined}
              className="w-full max-w-[40rem] rounded-8 border border-solid-gray-600 bg-white p-3 text-std-16N-170"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                setCheck(null);
                setDone(null);
                run.reset();
                setPickError(null);
                if (!file) return setPicked(null);
                readBase64(file)
                  .then((contentBase64) => setPicked({ fileName: file.name, contentBase64 }))
                  .catch(() => setPickError(t('recidivism.import.readFailed')));
              }}
            />
            {pickError ? <ErrorText id={`${inputId}-error`}>{pickError}</ErrorText> : null}
          </div>
          <div className="flex flex-wrap gap-6">
            <Button type="submit" variant={check && check.errors.length === 0 ? 'outline' : 'solid-fill'}>
              {run.isPending && run.variables?.dryRun
                ? t('recidivism.import.checking')
                : t('recidivism.import.check')}
            </Button>
            {check && check.errors.length === 0 ? (
              <Button onClick={() => start(false)} aria-disabled={run.isPending || undefined}>
                {run.isPending && !run.variables?.dryRun
                  ? t('recidivism.import.running')
                  : t('recidivism.import.run')}
              </Button>
            ) : null}
          </div>
        </form>

        {run.error ? (
          <div className="flex flex-col gap-4">
            <Alert tone="error" title={problemMessage(run.error, t)} />
            {refusedRows ? (
              <ImportErrors
                errors={refusedRows.map((e) => ({
                  row: Number.parseInt(e.field, 10) || 0,
                  field: e.field.replace(/^\d+行目\./, ''),
                  message: e.message,
                }))}
              />
            ) : null}
          </div>
        ) : null}

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
        <Link to="/programmes" className={textLinkClassName}>
          {t('recidivism.programmes.backToList')}
        </Link>
      </div>
    </>
  );
}
