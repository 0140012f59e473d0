import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityActivity } from '../../../../../src/contract/community.ts';
import { today } from '../../../../../src/domain/clock.ts';
import { formatFiscalYear } from '../../../../../src/domain/fiscalYear.ts';
import { RecordDetail } from '../../../components/record-detail.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CalendarDateField } from '../../../components/ui/calendar-date-field.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { FactStrip } from '../../../components/ui/fact-strip.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Td } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useFlash } from '../../../lib/flash.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useCommunityActivity, useRecordCommunitySession } from '../api/community.ts';
import { fieldErrorsOf } from './problem-fields.ts';
import '../../../lib/i18n/resources.bundle.ts';

/** 開催の記録: the date, how many took part (a count, never names) and the organisations that took part. */
function SessionForm({ activity }: { activity: CommunityActivity }) {
  const { t } = useTranslation();
  const record = useRecordCommunitySession(activity.id);
  const [heldOn, setHeldOn] = useState<string | undefined>(today());
  const [participants, setParticipants] = useState('');
  const [organizations, setOrganizations] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const errors = fieldErrorsOf(record.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    setSaved(null);
    record.mutate(
      {
        heldOn: heldOn ?? '',
        participants: participants.trim() === '' ? Number.NaN : Number(participants),
        organizations: organizations
          .split(/[\n、,，]/)
          .map((o) => o.trim())
          .filter(Boolean),
        note: note || null,
      },
      {
        onSuccess: () => {
          setSaved(t('resources.community.sessionSaved'));
          setParticipants('');
          setOrganizations('');
          setNote('');
        },
      },
    );
  };
  return (
    <form noValidate onSubmit={submit} className="flex max-w-[40rem] flex-col gap-6">
      {saved ? <Alert tone="success" title={saved} /> : null}
      <ProblemAlert error={record.error} />
      <CalendarDateField
        id="session-held-on"
        label={t('resources.community.heldOn')}
        required
        value={heldOn}
        onChange={setHeldOn}
        notAfter={today()}
        error={errors.heldOn}
      />
      <TextField
        id="session-participants"
        label={t('resources.community.participantCount')}
        supportText={t('resources.community.participantSupport')}
        required
        inputMode="numeric"
        value={participants}
        error={errors.participants}
        onChange={(e) => setParticipants(e.currentTarget.value)}
        className="max-w-[10rem]"
      />
      <TextareaField
        id="session-organizations"
        label={t('resources.community.organizationNames')}
        supportText={t('resources.community.organizationNamesSupport')}
        value={organizations}
        error={errors.organizations}
        onChange={(e) => setOrganizations(e.currentTarget.value)}
      />
      <TextareaField
        id="session-note"
        label={t('resources.community.note')}
        value={note}
        error={errors.note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <div>
        <Button type="submit" variant="solid-fill">
          {record.isPending ? t('resources.form.saving') : t('resources.community.recordSession')}
        </Button>
      </div>
    </form>
  );
}

/** One 地域づくり activity: its 拠点, the sessions held by 年度, and the form to record a session. */
export function CommunityActivityPage({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const activity = useCommunityActivity(activityId);
  if (activity.isPending) return <Loading />;
  if (activity.isError) return <QueryError error={activity.error} onRetry={() => void activity.refetch()} />;
  const a = activity.data;
  return (
    <RecordDetail
      name={a.name}
      lead={t('resources.community.detailLead')}
      edit={
        a.abilities.update
          ? {
              label: t('resources.community.edit'),
              link: { to: '/community/$activityId/edit', params: { activityId: a.id } },
            }
          : null
      }
      flash={flash}
    >
      <FactStrip
        label={t('resources.community.factsLabel')}
        empty="—"
        facts={[
          { term: t('resources.community.kind'), value: t(`resources.community.kinds.${a.kind}`) },
          {
            term: t('resources.community.place'),
            value: a.resource ? (
              <RouteLink to="/resources/$resourceId" params={{ resourceId: a.resource.id }}>
                {a.placeName}
              </RouteLink>
            ) : (
              a.placeName
            ),
          },
          {
            term: t('resources.community.area'),
            value: [a.schoolDistrict, a.district].filter(Boolean).join('・'),
          },
          { term: t('resources.community.organizer'), value: a.organizer },
          {
            term: t('resources.community.status'),
            value: a.active ? t('resources.community.running') : t('resources.community.ended'),
          },
          ...(a.note ? [{ term: t('resources.community.note'), value: a.note, wide: true }] : []),
        ]}
      />
      {a.abilities.recordSession ? (
        <Section id="community-record" title={t('resources.community.recordHeading')}>
          <SessionForm activity={a} />
        </Section>
      ) : null}
      <Section id="community-sessions" title={t('resources.community.sessionsHeading')}>
        <DataTable
          caption={t('resources.community.sessionsCaption')}
          captionDetail={t('common.itemCount', { count: a.sessions.length })}
          columns={textsUnder(t, 'resources.community', [
            'heldOn',
            'fiscalYear',
            'participantCount',
            'organizationNames',
            'note',
          ])}
          rows={a.sessions}
          empty={t('resources.community.noSessions')}
        >
          {(s) => (
            <tr key={s.id}>
              <DateCell value={s.heldOn} rowHeader />
              <Td className="whitespace-nowrap">{formatFiscalYear(s.fiscalYear)}</Td>
              <Td className="text-right tabular-nums">{s.participants}</Td>
              <Td>{s.organizations.join('、')}</Td>
              <Td>{s.note ?? ''}</Td>
            </tr>
          )}
        </DataTable>
      </Section>
      <RouteLink to="/community">{t('resources.community.backToList')}</RouteLink>
    </RecordDetail>
  );
}
