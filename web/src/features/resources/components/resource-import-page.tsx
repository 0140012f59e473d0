import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import {
  CheckedImportForm,
  type RefusedImportErrors,
  useCheckedImport,
} from '../../../components/ui/checked-import.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { type ResourceImportResult, useImportResources } from '../api/import-resources.ts';
import '../../../lib/i18n/resources.bundle.ts';

function Preview({ result }: { result: ResourceImportResult }) {
  const { t } = useTranslation();
  return (
    <Table
      caption={t('resources.hsdsImport.previewCaption')}
      captionDetail={t('common.itemCount', { count: result.items.length })}
    >
      <TableHead columns={textsUnder(t, 'resources.hsdsImport', ['name', 'organization', 'action'])} />
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

/** Why a refused HSDS file was refused: its errors, by the service and field they concern. */
function FileErrors({ errors }: { errors: RefusedImportErrors }) {
  const { t } = useTranslation();
  return (
    <Table
      caption={t('resources.hsdsImport.errorsCaption')}
      captionDetail={t('resources.hsdsImport.errorCount', { count: errors.length })}
    >
      <TableHead columns={[t('resources.hsdsImport.field'), t('resources.hsdsImport.message')]} />
      <tbody>
        {errors.map((e) => (
          <tr key={`${e.field}-${e.message}`}>
            <Th scope="row" className="whitespace-nowrap">
              {e.field}
            </Th>
            <Td>{e.message}</Td>
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
  const importer = useCheckedImport(useImportResources(), (key) => t(`resources.hsdsImport.${key}`));
  const { check, done } = importer;

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
        <CheckedImportForm
          importer={importer}
          accept=".json,application/json"
          canRun={check !== null}
          refused={(errors) => <FileErrors errors={errors} />}
        />

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
        <RouteLink to="/resources">{t('resources.hsdsImport.backToList')}</RouteLink>
      </div>
    </>
  );
}
