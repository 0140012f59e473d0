import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { FlashStatus } from '../../../components/ui/flash-status.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { useFlash } from '../../../lib/flash.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDate, formatDateTime } from '../../../lib/wareki.ts';
import { useCouncilMeeting } from '../api/get-meeting.ts';
import { CouncilPaperSection } from './council-paper.tsx';
import { MeetingMaterials } from './meeting-materials.tsx';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 連絡会議の記録: 日時, 場所, 公開/非公開, 傍聴者, 出席者 (代理), 議題, 議事録, 資料 and the 会議資料. */
export function MeetingDetailPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const flash = useFlash();
  const meeting = useCouncilMeeting(meetingId);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) {
    if (isProblem(meeting.error, 'notFound'))
      return <PageHeading>{t('recidivism.council.notFound')}</PageHeading>;
    return <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  }
  const m = meeting.data;
  return (
    <>
      <PageHeading lead={t('recidivism.council.meetingLead')}>
        {t('recidivism.council.meetingHeading', { date: formatDate(m.heldAt, language) })}
      </PageHeading>
      <div className="flex flex-col gap-10">
        <FlashStatus message={flash} />
        <DescriptionList
          empty={t('common.none')}
          items={[
            { term: t('recidivism.council.heldAt'), value: formatDateTime(m.heldAt, language) },
            { term: t('recidivism.council.place'), value: m.place },
            {
              term: t('recidivism.council.openness'),
              value: m.isOpen ? t('recidivism.council.open') : t('recidivism.council.closed'),
            },
            {
              term: t('recidivism.council.observers'),
              value: `${t('recidivism.council.observersValue', { count: m.observersCount })}${m.observersNote ? `（${m.observersNote}）` : ''}`,
            },
            { term: t('recidivism.council.agenda'), value: m.agenda },
            { term: t('recidivism.council.minutes'), value: m.minutes },
          ]}
        />
        <DataTable
          caption={t('recidivism.council.attendeesCaption')}
          captionDetail={t('common.itemCount', { count: m.attendees.length })}
          columns={textsUnder(t, 'recidivism.council', ['organization', 'attendee', 'deputyMark'])}
          rows={m.attendees}
          empty={t('recidivism.council.noAttendees')}
        >
          {(a) => (
            <tr key={`${a.organization.id}-${a.attendeeName}`}>
              <Th scope="row">{a.organization.name}</Th>
              <Td>{a.attendeeName}</Td>
              <Td>{a.isDeputy ? t('recidivism.council.deputyMark') : ''}</Td>
            </tr>
          )}
        </DataTable>
        <MeetingMaterials meeting={m} />
        {m.abilities.paper ? <CouncilPaperSection meetingId={m.id} /> : null}
        <RouteLink to="/council" className="print:hidden">
          {t('recidivism.council.backToCouncil')}
        </RouteLink>
      </div>
    </>
  );
}
