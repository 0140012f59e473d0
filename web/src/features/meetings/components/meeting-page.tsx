import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../../src/contract/meetings.ts';
import { PrivateRecordPage } from '../../../components/private-record-page.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { AuditedPrintButton } from '../../../components/ui/audited-print-button.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { FormDownloadButton } from '../../forms/components/form-download-button.tsx';
import { useMeeting } from '../api/get-meeting.ts';
import { ConfidentialityNotice } from './confidentiality-notice.tsx';
import { MinutesForm } from './minutes-form.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/codes.bundle.ts';
import '../../../lib/i18n/forms.bundle.ts';

export type MeetingPageProps = {
  meetingId: string;
  /** The case the user came from, for the way back (the meeting does not say whether its case is visible). */
  fromCase?: string | undefined;
};

/** 会議 (`/meetings/:meetingId`): kind and legal basis, invitations, papers, 守秘義務 and minutes. Printable. */
export function MeetingPage({ meetingId, fromCase }: MeetingPageProps) {
  const { t } = useTranslation();
  const meeting = useMeeting(meetingId);
  return (
    <PrivateRecordPage query={meeting} heading={t('meetingPage.pageTitle')}>
      {(record) => <MeetingView meeting={record} fromCase={fromCase} />}
    </PrivateRecordPage>
  );
}

function AttendanceText({ attended }: { attended: boolean | null }) {
  const { t } = useTranslation();
  if (attended === null) return t('meetingPage.notRecorded');
  return attended ? t('meetingPage.attended') : t('meetingPage.absent');
}

function MeetingView({ meeting, fromCase }: { meeting: Meeting; fromCase: string | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [notice, setNotice] = useState<string | null>(null);
  const confidential = meeting.legalBasis === 'article106_6';

  return (
    <>
      <PageHeading
        documentTitle={`${t('meetingPage.pageTitle')} ${meeting.title}`}
        actions={
          <div className="flex flex-wrap gap-4">
            <AuditedPrintButton
              resource={{ resourceType: 'meeting', resourceId: meeting.id }}
              label={t('meetingPage.print')}
            />
            <FormDownloadButton
              href={`/api/meetings/${encodeURIComponent(meeting.id)}/form`}
              label={t('forms.meetingForm')}
              fallbackName="meeting.pdf"
            />
          </div>
        }
      >
        {meeting.title}
      </PageHeading>
      <div className="flex flex-col gap-10">
        {fromCase === meeting.case.id ? (
          <p className="print:hidden">
            <RouteLink to="/cases/$caseId" params={{ caseId: meeting.case.id }} search={{ tab: 'meetings' }}>
              {t('meetingPage.backToCase')}
            </RouteLink>
          </p>
        ) : null}
        {notice ? <Alert tone="success" title={notice} /> : null}
        {meeting.requiresAcknowledgement && meeting.abilities.acknowledge ? (
          <ConfidentialityNotice
            meetingId={meeting.id}
            onAcknowledged={() => setNotice(t('meetingPage.acknowledged'))}
          />
        ) : null}

        <Section id="meeting-summary" title={t('meetingPage.summary')}>
          <DescriptionList
            empty={t('common.none')}
            items={[
              { term: t('meetingPage.case'), value: `${meeting.case.caseNumber} ${meeting.case.personName}` },
              { term: t('meetingPage.kind'), value: meeting.kind.name },
              {
                term: t('meetingPage.legalBasis'),
                value: (
                  <span className="flex flex-col gap-1">
                    <span>{t(`codes.legalBasis.${meeting.legalBasis}`)}</span>
                    <span className="text-solid-gray-700">
                      {t(`caseMeetings.basisDetail.${meeting.legalBasis}`)}
                    </span>
                  </span>
                ),
              },
              { term: t('meetingPage.scheduledAt'), value: formatDateTime(meeting.scheduledAt, language) },
              { term: t('meetingPage.place'), value: meeting.place },
              {
                term: t('meetingPage.status'),
                value:
                  meeting.status === 'held' ? (
                    <Badge tone="success">{t('caseMeetings.held')}</Badge>
                  ) : (
                    <Badge tone="info">{t('caseMeetings.scheduled')}</Badge>
                  ),
              },
              ...(meeting.heldAt
                ? [{ term: t('meetingPage.heldAt'), value: formatDateTime(meeting.heldAt, language) }]
                : []),
              { term: t('meetingPage.createdBy'), value: meeting.createdBy.name },
            ]}
          />
        </Section>

        <Section id="meeting-invitations" title={t('meetingPage.invitations')}>
          <Table caption={t('meetingPage.invitationsCaption')}>
            <TableHead
              columns={textsUnder(t, 'meetingPage', [
                'organization',
                'attendance',
                'attendee',
                'deputy',
                'acknowledgement',
              ])}
            />
            <tbody>
              {meeting.invitations.map((invitation) => (
                <tr key={invitation.organization.id}>
                  <Th scope="row">{invitation.organization.name}</Th>
                  <Td>
                    <AttendanceText attended={invitation.attended} />
                  </Td>
                  <Td>{invitation.attendeeName ?? ''}</Td>
                  <Td>{invitation.deputyName ?? ''}</Td>
                  <Td>
                    {!confidential ? (
                      t('meetingPage.notRequired')
                    ) : invitation.acknowledgedAt ? (
                      <Badge tone="success">
                        {t('meetingPage.acknowledgedOn', {
                          date: formatDateTime(invitation.acknowledgedAt, language),
                          name: invitation.acknowledgedBy?.name ?? '',
                        })}
                      </Badge>
                    ) : (
                      <Badge tone="warning">{t('meetingPage.notAcknowledged')}</Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>

        <Section id="meeting-papers" title={t('meetingPage.papers')}>
          {meeting.withheld ? (
            <Alert
              tone="info"
              live={false}
              title={
                meeting.withheld === 'acknowledgementRequired'
                  ? t('meetingPage.withheldAcknowledgement')
                  : t('meetingPage.withheldNotMember')
              }
            />
          ) : (
            <DescriptionList
              empty={t('meetingPage.none')}
              items={[
                { term: t('meetingPage.agenda'), value: meeting.agenda },
                { term: t('meetingPage.minutes'), value: meeting.minutes },
                { term: t('meetingPage.decisions'), value: meeting.decisions },
              ]}
            />
          )}
        </Section>

        {meeting.abilities.recordMinutes ? (
          <MinutesForm meeting={meeting} onSaved={() => setNotice(t('meetingPage.minutesSaved'))} />
        ) : null}
      </div>
    </>
  );
}
