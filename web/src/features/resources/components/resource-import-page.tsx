import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { type ResourceImportResult, useImportResources } from '../api/import-resources.ts';
import '../../../lib/i18n/resources.bundle.ts';

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

function Preview({ result }: { result: ResourceImportResult }) {
  const { t } = useTranslation();
  return (
    <Table
      caption={t('resources.hsdsImport.previewCaption')}
      captionDetail={t('common.itemCount', { count: result.items.length })}
    >
      <TableHead
        columns={[
          t('resources.hsdsImport.name'),
          t('resources.hsdsImport.organization'),
          t('resources.hsdsImport.action'),
        ]}
      />
      <tbody>
        {result.items.map((item) => (
          <tr key={item.hsdsId}>
            <Th scope="row">{item.name}</Th>
            <Td>{item.organizationName}</Td>
            <Td className="whitespace-nowrap">{t(`resources.hsdsImport.actions.${item.action}`)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * HSDSファイルの取込: choose an HSDS 3.0 JSON file → 確認 (dry run: every service with 新規 or 更新)
 * → 「取り込む」 → the counts. A file with errors is refused whole; its errors are listed in Japanese
 * by the service and field they concern.
 */
export function ResourceImportPage() {
  const { t } = useTranslation();
  const inputId = useId();
  const run = useImportResources();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [check, setCheck] = useState<ResourceImportResult | null>(null);
  const [done, setDone] = useState<ResourceImportResult | null>(null);

  const start = (dryRun: boolean) => {
    if (run.isPending) return;
    if (!picked) {
      setPickError(t('resources.hsdsImport.chooseFirst'));
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
  const fileErrors =
    run.error instanceof ApiError && run.error.problem.errors?.length ? run.error.problem.errors : null;

  return (
    <>
      <PageHeading lead={t('resources.hsdsImport.lead')}>{t('resources.hsdsImport.heading')}</PageHeading>
      <div className="flex max-w-[64rem] flex-col gap-8">
        {done ? (
          <Alert
            tone="success"
            title={t('resources.hsdsImport.done', {
              services: done.services,
              created: done.created,
              updated: done.updated,
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
              {t('resources.hsdsImport.file')}
            </FieldLabel>
            <SupportText id={`${inputId}-support`}>{t('resources.hsdsImport.fileSupport')}</SupportText>
            <input
              id={inputId}
              type="file"
              accept=".json,application/json"
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
                  .catch(() => setPickError(t('resources.hsdsImport.readFailed')));
              }}
            />
            {pickError ? <ErrorText id={`${inputId}-error`}>{pickError}</ErrorText> : null}
          </div>
          <div className="flex flex-wrap gap-6">
            <Button type="submit" variant={check ? 'outline' : 'solid-fill'}>
              {run.isPending && run.variables?.dryRun
                ? t('resources.hsdsImport.checking')
                : t('resources.hsdsImport.check')}
            </Button>
            {check ? (
              <Button onClick={() => start(false)} aria-disabled={run.isPending || undefined}>
                {run.isPending && !run.variables?.dryRun
                  ? t('resources.hsdsImport.running')
                  : t('resources.hsdsImport.run')}
              </Button>
            ) : null}
          </div>
        </form>

        {run.error ? (
          <div className="flex flex-col gap-4">
            <Alert tone="error" title={problemMessage(run.error, t)} />
            {fileErrors ? (
              <Table
                caption={t('resources.hsdsImport.errorsCaption')}
                captionDetail={t('resources.hsdsImport.errorCount', { count: fileErrors.length })}
              >
                <TableHead columns={[t('resources.hsdsImport.field'), t('resources.hsdsImport.message')]} />
                <tbody>
                  {fileErrors.map((e) => (
                    <tr key={`${e.field}-${e.message}`}>
                      <Th scope="row" className="whitespace-nowrap">
                        {e.field}
                      </Th>
                      <Td>{e.message}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
          </div>
        ) : null}

        {check ? (
          <Section id="hsds-import-preview" title={t('resources.hsdsImport.previewHeading')}>
            <p className="text-std-17B-170">
              {t('resources.hsdsImport.summary', {
                services: check.services,
                created: check.created,
                updated: check.updated,
              })}
            </p>
            <Preview result={check} />
          </Section>
        ) : null}
        <Link to="/resources" className={textLinkClassName}>
          {t('resources.hsdsImport.backToList')}
        </Link>
      </div>
    </>
  );
}
