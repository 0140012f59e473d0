import { useTranslation } from 'react-i18next';
import type { Plan, PlanItem } from '../../../../../src/contract/plans.ts';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import '../../../lib/i18n/casework.bundle.ts';

/** 期間 of an item: 令和8年12月1日〜令和9年3月31日. */
export function PlanItemPeriod({ item }: { item: Pick<PlanItem, 'periodFrom' | 'periodTo'> }) {
  if (!item.periodFrom && !item.periodTo) return null;
  return (
    <>
      {item.periodFrom ? <DateText value={item.periodFrom} /> : null}〜
      {item.periodTo ? <DateText value={item.periodTo} /> : null}
    </>
  );
}

/** 参加支援 / アウトリーチ as words, or なし. */
export function usePlanLinksText() {
  const { t } = useTranslation();
  return (links: PlanItem['links']) =>
    links.length > 0
      ? links.map((link) => t(`plans.link.${link}`)).join(t('common.listSeparator'))
      : t('plans.noLinks');
}

/** One version of a plan: 意向, goals, next monitoring and the items with their role allocation. */
export function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const linksText = usePlanLinksText();
  return (
    <div className="flex flex-col gap-6">
      <DescriptionList
        empty={t('common.none')}
        items={[
          { term: t('plans.wishes'), value: plan.wishes },
          { term: t('plans.longTermGoal'), value: plan.longTermGoal },
          { term: t('plans.shortTermGoals'), value: plan.shortTermGoals },
          {
            term: t('plans.nextMonitoringOn'),
            value: <DateText value={plan.nextMonitoringOn} withGregorian />,
          },
          ...(plan.decidedMeeting
            ? [{ term: t('plans.decidedMeeting'), value: plan.decidedMeeting.title }]
            : []),
        ]}
      />
      <Table caption={t('plans.itemsCaption', { version: plan.version })}>
        <TableHead
          columns={textsUnder(t, 'plans', [
            'position',
            'content',
            'organization',
            'frequency',
            'period',
            'links',
          ])}
        />
        <tbody>
          {plan.items.map((item) => (
            <tr key={item.id}>
              <Td>{item.position}</Td>
              <Th scope="row" className="min-w-[14rem] whitespace-pre-wrap">
                {item.content}
                {item.programme ? (
                  <span className="mt-1 block text-dns-16N-130 font-normal text-solid-gray-700">
                    {t('plans.itemProgrammeShown', { name: item.programme.name })}
                  </span>
                ) : null}
                {item.resource ? (
                  <span className="mt-1 block text-dns-16N-130 font-normal text-solid-gray-700">
                    {t('plans.itemResourceShown', { name: item.resource.name })}
                  </span>
                ) : null}
              </Th>
              <Td>{item.organizationName}</Td>
              <Td className="whitespace-nowrap">{item.frequency ?? ''}</Td>
              <Td className="whitespace-nowrap">
                <PlanItemPeriod item={item} />
              </Td>
              <Td>{linksText(item.links)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
