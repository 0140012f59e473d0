import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardMeeting } from '../../../../../src/contract/dashboard.ts';
import { DataTable, TableHead } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { NoContactDaysOptions } from '../../cases/components/no-contact-days-options.tsx';
import { TermCell } from '../../council/components/term-badge.tsx';
import { type Dashboard, useDashboard } from '../api/get-dashboard.ts';
import { CaseFigureLink, FigureGroup, FigureLink } from './figure-link.tsx';
import '../../../lib/i18n/stats.bundle.ts';

/** ホーム's dashboards: one section for each of my roles, every figure a link to its filtered list. */
export function RoleHome() {
  const { t } = useTranslation();
  const [noContactDays, setNoContactDays] = useState<number>(30);
  const dashboard = useDashboard(noContactDays);
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  return (
    <div className="mt-8 flex max-w-[72rem] flex-col gap-10">
      {data.coordinator ? (
        <CoordinatorHome
          data={data.coordinator}
          noContactDays={noContactDays}
          onNoContactDays={setNoContactDays}
        />
      ) : null}
      {data.caseworker ? <CaseworkerHome data={data.caseworker} /> : null}
      {data.planOfficer ? <PlanOfficerHome data={data.planOfficer} /> : null}
      {data.auditor ? <AuditorHome data={data.auditor} /> : null}
      {!data.coordinator && !data.caseworker && !data.planOfficer && !data.auditor ? null : (
        <p className="text-std-16N-170 text-solid-gray-700">{t('stats.home.linkNote')}</p>
      )}
    </div>
  );
}

function CoordinatorHome({
  data,
  noContactDays,
  onNoContactDays,
}: {
  data: NonNullable<Dashboard['coordinator']>;
  noContactDays: number;
  onNoContactDays: (days: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Section id="home-coordinator" title={t('stats.home.coordinatorHeading')} className="flex flex-col gap-8">
      <FigureGroup id="home-stages" heading={t('stats.home.openByStage', { count: data.openTotal })}>
        {data.openByStage.map((s) => (
          <CaseFigureLink key={s.stage} label={s.label} count={s.count} filter={{ stage: s.stage }} />
        ))}
      </FigureGroup>
      <FigureGroup id="home-attention" heading={t('stats.home.attention')}>
        <FigureLink
          label={t('stats.home.handoversWaiting')}
          count={data.handoversWaiting.length}
          alert
          to="/handovers"
          search={{ status: 'pending' }}
        />
        <CaseFigureLink
          label={t('stats.home.monitoringOverdue')}
          count={data.monitoringOverdue}
          alert
          filter={{ monitoring: 'overdue' }}
        />
        <CaseFigureLink
          label={t('stats.home.monitoringDueSoon')}
          count={data.monitoringDueSoon}
          filter={{ monitoring: 'dueSoon' }}
        />
        <CaseFigureLink
          label={t('stats.home.unassigned')}
          count={data.unassigned}
          alert
          filter={{ unassigned: 'true' }}
        />
        <CaseFigureLink
          label={t('stats.home.noContact', { days: data.noContact.days })}
          count={data.noContact.count}
          alert
          filter={{ noContactDays: data.noContact.days }}
        />
        <FigureLink
          label={t('stats.home.outreachOverdue')}
          count={data.outreachOverdue.length}
          alert
          to="/"
          hash="home-outreach-overdue"
        />
      </FigureGroup>
      <div className="max-w-[16rem]">
        <SelectField
          id="home-no-contact-days"
          label={t('stats.home.noContactSetting')}
          value={String(noContactDays)}
          onChange={(event) => onNoContactDays(Number(event.currentTarget.value))}
        >
          <NoContactDaysOptions />
        </SelectField>
      </div>
      <FigureGroup id="home-reports" heading={t('stats.home.reportsOverdue')}>
        {data.reportsOverdue.length === 0 ? (
          <li className="list-none text-std-16N-170 text-solid-gray-800">
            {t('stats.home.reportsOverdueNone')}
          </li>
        ) : (
          data.reportsOverdue.map((r) => (
            <CaseFigureLink
              key={r.organization.id}
              label={r.organization.name}
              count={r.count}
              alert
              filter={{ reportOverdueOrganizationId: r.organization.id }}
            />
          ))
        )}
      </FigureGroup>
      <DataTable
        caption={t('stats.home.handoversCaption')}
        captionDetail={t('stats.home.count', { count: data.handoversWaiting.length })}
        columns={textsUnder(t, 'stats.home', ['person', 'from', 'receivedOn', 'daysWaiting'])}
        rows={data.handoversWaiting}
        empty={t('stats.home.noHandovers')}
      >
        {(h) => (
          <tr key={h.id}>
            <Th scope="row">
              <RouteLink to="/consultations/$consultationId" params={{ consultationId: h.consultationId }}>
                {h.personName}
              </RouteLink>
            </Th>
            <Td>{h.fromOrganization}</Td>
            <DateCell value={h.receivedOn} />
            <Td className="whitespace-nowrap">{t('stats.home.days', { count: h.daysWaiting })}</Td>
          </tr>
        )}
      </DataTable>
      <div id="home-outreach-overdue" tabIndex={-1}>
        <DataTable
          caption={t('stats.home.outreachCaption')}
          captionDetail={t('stats.home.count', { count: data.outreachOverdue.length })}
          columns={textsUnder(t, 'stats.home', [
            'person',
            'outreachLast',
            'outreachNext',
            'outreachDaysOverdue',
          ])}
          rows={data.outreachOverdue}
          empty={t('stats.home.noOutreachOverdue')}
        >
          {(o) => (
            <tr key={o.contactId}>
              <Th scope="row">
                {o.caseId ? (
                  <RouteLink to="/cases/$caseId" params={{ caseId: o.caseId }}>
                    {o.personName}
                    {o.caseNumber ? `（${o.caseNumber}）` : ''}
                  </RouteLink>
                ) : o.consultationId ? (
                  <RouteLink
                    to="/consultations/$consultationId"
                    params={{ consultationId: o.consultationId }}
                  >
                    {o.personName}
                  </RouteLink>
                ) : (
                  o.personName
                )}
              </Th>
              <DateCell value={o.lastAttemptOn} />
              <DateCell value={o.nextAttemptOn} />
              <Td className="whitespace-nowrap">{t('stats.home.days', { count: o.daysOverdue })}</Td>
            </tr>
          )}
        </DataTable>
      </div>
      <MeetingTable
        caption={t('stats.home.meetingsNext14')}
        meetings={data.meetingsNext14Days}
        empty={t('stats.home.noMeetings')}
      />
      <p>
        <RouteLink to="/meetings/calendar">{t('stats.calendar.open')}</RouteLink>
      </p>
    </Section>
  );
}

function MeetingTable({
  caption,
  meetings,
  empty,
}: {
  caption: string;
  meetings: DashboardMeeting[];
  empty: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <DataTable
      caption={caption}
      captionDetail={t('stats.home.count', { count: meetings.length })}
      columns={textsUnder(t, 'stats.home', ['meetingAt', 'meetingTitle', 'meetingKind', 'caseNumber'])}
      rows={meetings}
      empty={empty}
    >
      {(m) => (
        <tr key={m.id}>
          <Td className="whitespace-nowrap">{formatDateTime(m.scheduledAt, language)}</Td>
          <Th scope="row">
            <RouteLink to="/meetings/$meetingId" params={{ meetingId: m.id }}>
              {m.title}
            </RouteLink>
          </Th>
          <Td>{m.kindName}</Td>
          <Td className="whitespace-nowrap">
            {m.caseVisible ? (
              <RouteLink to="/cases/$caseId" params={{ caseId: m.caseId }}>
                {m.caseNumber}
              </RouteLink>
            ) : (
              m.caseNumber
            )}
          </Td>
        </tr>
      )}
    </DataTable>
  );
}

function CaseworkerHome({ data }: { data: NonNullable<Dashboard['caseworker']> }) {
  const { t } = useTranslation();
  return (
    <Section id="home-caseworker" title={t('stats.home.caseworkerHeading')} className="flex flex-col gap-8">
      <FigureGroup id="home-mine" heading={t('stats.home.myWork')}>
        <FigureLink label={t('stats.home.planItemsDue')} count={data.planItemsDue} alert to="/plan-items" />
        <FigureLink
          label={t('stats.home.referralsWaiting')}
          count={data.referralsWaiting}
          alert
          to="/referrals"
        />
      </FigureGroup>
      <FigureGroup id="home-sent-handovers" heading={t('stats.home.sentHandovers')}>
        {data.sentHandovers.map((h) => (
          <FigureLink
            key={h.status}
            label={h.label}
            count={h.count}
            to="/handovers"
            search={{ status: h.status as 'pending' | 'accepted' | 'returned' }}
          />
        ))}
      </FigureGroup>
      <FigureGroup id="home-sent-referrals" heading={t('stats.home.sentReferrals')}>
        {data.sentReferrals.map((r) => (
          <FigureLink key={r.status} label={r.label} count={r.count} to="/consultations" />
        ))}
      </FigureGroup>
      <MeetingTable
        caption={t('stats.home.meetingsInvited')}
        meetings={data.meetingsInvited}
        empty={t('stats.home.noMeetings')}
      />
    </Section>
  );
}

function PlanOfficerHome({ data }: { data: NonNullable<Dashboard['planOfficer']> }) {
  const { t } = useTranslation();
  return (
    <Section
      id="home-plan"
      title={t('stats.home.planHeading', { year: data.fiscalYearLabel })}
      className="flex flex-col gap-8"
    >
      <p className="text-std-16N-170 text-solid-gray-800">
        {data.locked ? t('stats.home.yearLocked') : t('stats.home.yearOpen')}
      </p>
      <Table caption={t('stats.home.progressCaption', { year: data.fiscalYearLabel })}>
        <TableHead columns={textsUnder(t, 'stats.home', ['section', 'programmes', 'entered', 'notYet'])} />
        <tbody>
          {data.progressBySection.map((s) => (
            <tr key={s.section.id}>
              <Th scope="row">
                <RouteLink to="/programme-progress" search={{ fiscalYear: data.fiscalYear }}>
                  {s.section.name}
                </RouteLink>
              </Th>
              <Td>{t('stats.home.count', { count: s.programmes })}</Td>
              <Td>{t('stats.home.count', { count: s.entered })}</Td>
              <Td className={s.notYet > 0 ? 'font-bold text-error-1' : ''}>
                {t('stats.home.count', { count: s.notYet })}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <FigureGroup id="home-council" heading={t('stats.home.council')}>
        <FigureLink
          label={t('stats.home.opinionsUnanswered')}
          count={data.opinionsUnanswered}
          alert
          to="/council/opinions"
        />
        <FigureLink
          label={t('stats.home.termsEnding')}
          count={data.councilTerms.length}
          alert
          to="/council"
        />
      </FigureGroup>
      {data.councilTerms.length > 0 ? (
        <Table caption={t('stats.home.termsCaption')}>
          <TableHead
            columns={textsUnder(t, 'stats.home', ['memberOrganization', 'representative', 'termTo'])}
          />
          <tbody>
            {data.councilTerms.map((m) => (
              <tr key={m.id}>
                <Th scope="row">{m.organization.name}</Th>
                <Td>{m.representative}</Td>
                <TermCell to={m.termTo} />
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </Section>
  );
}

function AuditorHome({ data }: { data: NonNullable<Dashboard['auditor']> }) {
  const { t } = useTranslation();
  const search = (action: string) => ({ action, from: data.since });
  return (
    <Section id="home-auditor" title={t('stats.home.auditorHeading')} className="flex flex-col gap-8">
      <FigureGroup id="home-audit-week" heading={t('stats.home.lastSevenDays')}>
        <FigureLink
          label={t('stats.home.sensitiveReveals')}
          count={data.sensitiveReveals}
          to="/audit"
          search={search('sensitiveFact.reveal')}
        />
        <FigureLink
          label={t('stats.home.deniedAccesses')}
          count={data.deniedAccesses}
          alert
          to="/audit"
          search={search('access.denied')}
        />
        <FigureLink
          label={t('stats.home.exports')}
          count={data.exports}
          to="/audit"
          search={search('export')}
        />
        <FigureLink label={t('stats.home.prints')} count={data.prints} to="/audit" search={search('print')} />
      </FigureGroup>
    </Section>
  );
}
