import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { ButtonLink } from '../../../components/ui/button-link.tsx';
import { DataTable, TableHead } from '../../../components/ui/data-table.tsx';
import { FlashStatus } from '../../../components/ui/flash-status.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import { useFlash } from '../../../lib/flash.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { councilAppendixUrl } from '../api/export-appendix.ts';
import { useCouncilMeetings } from '../api/list-meetings.ts';
import { useCouncilMembers } from '../api/list-members.ts';
import { TermCell } from './term-badge.tsx';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 再犯防止推進連絡会議: the member organisations (representatives, terms) and the meetings. */
export function CouncilPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const canManage = useCan('council.manage');
  const flash = useFlash();
  const members = useCouncilMembers();
  const meetings = useCouncilMeetings();

  return (
    <>
      <PageHeading
        lead={t('recidivism.council.lead')}
        actions={
          <>
            {canManage ? (
              <ButtonLink to="/council/meetings/new">{t('recidivism.council.createMeeting')}</ButtonLink>
            ) : null}
            <ButtonLink to="/council/opinions" variant="outline">
              {t('recidivism.council.opinions')}
            </ButtonLink>
          </>
        }
      >
        {t('recidivism.council.heading')}
      </PageHeading>
      <div className="flex flex-col gap-10">
        <FlashStatus message={flash} />
        <QueryView query={members}>
          {(data) => (
            <Table
              caption={t('recidivism.council.membersCaption')}
              captionDetail={t('common.itemCount', { count: data.length })}
            >
              <TableHead
                columns={textsUnder(t, 'recidivism.council', ['organization', 'representative', 'term'])}
              />
              <tbody>
                {data.map((m) => (
                  <tr key={m.id}>
                    <Th scope="row">{m.organization.name}</Th>
                    <Td>{m.representative}</Td>
                    <TermCell from={m.termFrom} to={m.termTo} />
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </QueryView>

        <QueryView query={meetings}>
          {(data) => (
            <DataTable
              caption={t('recidivism.council.meetingsCaption')}
              captionDetail={t('common.itemCount', { count: data.length })}
              columns={textsUnder(t, 'recidivism.council', ['heldAt', 'place', 'openness', 'attendeeCount'])}
              rows={data}
              empty={t('recidivism.council.noMeetings')}
            >
              {(m) => (
                <tr key={m.id}>
                  <Th scope="row" className="whitespace-nowrap">
                    <RouteLink to="/council/meetings/$meetingId" params={{ meetingId: m.id }}>
                      {formatDateTime(m.heldAt, language)}
                    </RouteLink>
                  </Th>
                  <Td>{m.place}</Td>
                  <Td>
                    <Badge tone={m.isOpen ? 'info' : 'muted'}>
                      {m.isOpen ? t('recidivism.council.open') : t('recidivism.council.closed')}
                    </Badge>
                  </Td>
                  <Td>
                    {t('recidivism.council.attendeeCountValue', {
                      count: new Set(m.attendees.map((a) => a.organization.id)).size,
                    })}
                  </Td>
                </tr>
              )}
            </DataTable>
          )}
        </QueryView>

        <Section
          id="council-appendix"
          title={t('recidivism.council.appendix')}
          className="flex flex-col gap-3 print:hidden"
        >
          <p>{t('recidivism.plan.appendixLead')}</p>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {(['pdf', 'xlsx', 'csv'] as const).map((format) => (
              <li key={format}>
                <a
                  href={councilAppendixUrl(format)}
                  download
                  className={textLinkClassName}
                  aria-label={t('recidivism.download.label', {
                    what: t('recidivism.plan.appendixWhat'),
                    format: t(`recidivism.download.${format}`),
                  })}
                >
                  {t(`recidivism.download.${format}`)}
                </a>
              </li>
            ))}
          </ul>
        </Section>
      </div>
    </>
  );
}
