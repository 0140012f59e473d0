import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Plan,
  PlanComparison,
  PlanItem,
  planItemFieldNames,
} from '../../../../../src/contract/plans.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { PlanItemPeriod, usePlanLinksText } from './plan-view.tsx';
import '../../../lib/i18n/casework.bundle.ts';

type ItemField = (typeof planItemFieldNames)[number];

const changedLine = 'rounded-4 bg-yellow-100 px-1 font-bold text-solid-gray-900';

/** A line of an item; a changed one says 【変更】 in words and is also bold on a tinted background. */
function Line({ label, changed, children }: { label: string; changed: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={changed ? changedLine : undefined}>
      {changed ? <span>{t('plans.changeMarker')}</span> : null}
      <span className="text-solid-gray-700">{label}：</span>
      {children}
    </li>
  );
}

function ItemCell({ item, changed }: { item: PlanItem | undefined; changed: readonly ItemField[] }) {
  const { t } = useTranslation();
  const linksText = usePlanLinksText();
  if (!item) return <span className="text-solid-gray-700">{t('plans.absent')}</span>;
  const has = (field: ItemField) => changed.includes(field);
  return (
    <ul className="flex flex-col gap-1">
      <Line label={t('plans.itemField.content')} changed={has('content')}>
        {item.content}
      </Line>
      <Line label={t('plans.itemField.organizationId')} changed={has('organizationId')}>
        {item.organizationName}
      </Line>
      <Line label={t('plans.itemField.frequency')} changed={has('frequency')}>
        {item.frequency ?? ''}
      </Line>
      <Line label={t('plans.period')} changed={has('periodFrom') || has('periodTo')}>
        <PlanItemPeriod item={item} />
      </Line>
      <Line label={t('plans.itemField.links')} changed={has('links')}>
        {linksText(item.links)}
      </Line>
      <Line label={t('plans.itemField.programme')} changed={has('programme')}>
        {item.programme?.name ?? t('plans.itemProgrammeNone')}
      </Line>
      <Line label={t('plans.itemField.resource')} changed={has('resource')}>
        {item.resource?.name ?? t('plans.itemResourceNone')}
      </Line>
    </ul>
  );
}

/** Two versions side by side, as the server matched them; every change is named in words. */
export function PlanComparisonView({
  comparison,
  older,
  newer,
}: {
  comparison: PlanComparison;
  older: Plan;
  newer: Plan;
}) {
  const { t } = useTranslation();
  const versions = { older: comparison.older.version, newer: comparison.newer.version };
  const changedFields = new Set(comparison.fields.map((field) => field.field));
  const planFields = [
    { field: 'wishes', label: t('plans.wishes'), older: older.wishes, newer: newer.wishes },
    {
      field: 'longTermGoal',
      label: t('plans.longTermGoal'),
      older: older.longTermGoal,
      newer: newer.longTermGoal,
    },
    {
      field: 'shortTermGoals',
      label: t('plans.shortTermGoals'),
      older: older.shortTermGoals,
      newer: newer.shortTermGoals,
    },
    {
      field: 'nextMonitoringOn',
      label: t('plans.nextMonitoringOn'),
      older: <DateText value={older.nextMonitoringOn} />,
      newer: <DateText value={newer.nextMonitoringOn} />,
    },
  ] as const;
  const versionHeader = (version: number) => t('plans.versionLabel', { version });
  const rows: {
    key: string;
    kind: ReactNode;
    before: PlanItem | undefined;
    after: PlanItem | undefined;
    fields: ItemField[];
  }[] = [
    ...comparison.items.changed.map((change) => ({
      key: `c-${change.after.id}`,
      kind: (
        <Badge tone="warning">
          {t('plans.itemChanged', {
            fields: change.fields
              .map((field) => t(`plans.itemField.${field}`))
              .join(t('common.listSeparator')),
          })}
        </Badge>
      ),
      before: change.before,
      after: change.after,
      fields: change.fields,
    })),
    ...comparison.items.added.map((item) => ({
      key: `a-${item.id}`,
      kind: <Badge tone="info">{t('plans.added')}</Badge>,
      before: undefined,
      after: item,
      fields: [],
    })),
    ...comparison.items.removed.map((item) => ({
      key: `r-${item.id}`,
      kind: <Badge tone="muted">{t('plans.removed')}</Badge>,
      before: item,
      after: undefined,
      fields: [],
    })),
    ...comparison.items.unchanged.map((item) => ({
      key: `u-${item.id}`,
      kind: t('plans.unchanged'),
      before: older.items.find((o) => o.content === item.content && o.organizationId === item.organizationId),
      after: item,
      fields: [],
    })),
  ];

  return (
    <section aria-labelledby="plan-comparison-heading" className="flex flex-col gap-6">
      <h4 id="plan-comparison-heading" className="text-std-20B-150 text-solid-gray-900">
        {t('plans.comparisonTitle', versions)}
      </h4>
      <p>{t('plans.legend')}</p>
      <Table caption={t('plans.comparisonFieldsCaption', versions)}>
        <TableHead
          columns={[
            t('plans.field'),
            versionHeader(versions.older),
            versionHeader(versions.newer),
            t('plans.change'),
          ]}
        />
        <tbody>
          {planFields.map((row) => {
            const changed = changedFields.has(row.field);
            return (
              <tr key={row.field}>
                <Th scope="row">{row.label}</Th>
                <Td className="whitespace-pre-wrap">{row.older}</Td>
                <Td className="whitespace-pre-wrap">
                  <span className={changed ? changedLine : undefined}>
                    {changed ? t('plans.changeMarker') : null}
                    {row.newer}
                  </span>
                </Td>
                <Td className="whitespace-nowrap">
                  {changed ? <Badge tone="warning">{t('plans.changed')}</Badge> : t('plans.unchanged')}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <Table caption={t('plans.comparisonItemsCaption', versions)}>
        <TableHead
          columns={[t('plans.change'), versionHeader(versions.older), versionHeader(versions.newer)]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <Th scope="row" className="whitespace-nowrap">
                {row.kind}
              </Th>
              <Td>
                <ItemCell item={row.before} changed={[]} />
              </Td>
              <Td>
                <ItemCell item={row.after} changed={row.fields} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
