import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consultation } from '../../../../../src/contract/consultations.ts';
import { now } from '../../../../../src/domain/clock.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { BirthDateText, DateText } from '../../../components/ui/date-text.tsx';
import { type DescriptionItem, DescriptionList } from '../../../components/ui/description-list.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { fullKana, fullName } from '../../../components/ui/person-name.tsx';
import { RecordPage } from '../../../components/ui/record-page.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { useFlash } from '../../../lib/flash.ts';
import { FormDownloadButton } from '../../forms/components/form-download-button.tsx';
import { OutreachPanel } from '../../participation/components/outreach-panel.tsx';
import { useConsultation } from '../api/get-consultation.ts';
import { ConsultationActions } from './consultation-actions.tsx';
import { ConsultationStatusBadge } from './consultation-status-badge.tsx';
import { TopicList } from './topic-list.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/forms.bundle.ts';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-4 border-t border-solid-gray-420 pt-6 print:break-inside-avoid print:pt-3"
    >
      <h2 id={id} className="text-std-20B-150 text-solid-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

const decisionTones: Record<string, BadgeTone> = {
  pending: 'warning',
  accepted: 'success',
  declined: 'muted',
  returned: 'muted',
};

type SentDecisionProps = {
  to: string;
  status: string;
  statusText: string;
  items: readonly DescriptionItem[];
  refusal: { title: string; reason: string | null | undefined };
};

/**
 * One referral or handover the consultation sent: to whom and its status, what was sent and
 * decided, and why it was declined or returned (if it was).
 */
function SentDecision({ to, status, statusText, items, refusal }: SentDecisionProps) {
  const { t } = useTranslation();
  return (
    <li className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
      <p className="flex flex-wrap items-center gap-3">
        <span className="text-std-17B-170">{to}</span>
        <Badge tone={decisionTones[status] ?? 'neutral'}>{statusText}</Badge>
      </p>
      <DescriptionList empty={t('common.none')} items={items} />
      {refusal.reason ? (
        <Alert tone="warning" title={refusal.title} live={false}>
          <p className="whitespace-pre-wrap">{refusal.reason}</p>
        </Alert>
      ) : null}
    </li>
  );
}

/** The referrals or handovers the consultation sent, each as a `SentDecision`; `none` while there are none. */
function SentDecisions<T extends { id: string }>({
  sent,
  none,
  card,
}: {
  sent: readonly T[];
  none: string;
  card: (item: T) => SentDecisionProps;
}) {
  if (sent.length === 0) return <p>{none}</p>;
  return (
    <ul className="flex flex-col gap-4">
      {sent.map((item) => (
        <SentDecision key={item.id} {...card(item)} />
      ))}
    </ul>
  );
}

function Referrals({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  return (
    <SentDecisions
      sent={consultation.referrals}
      none={t('consultations.detail.noReferrals')}
      card={(referral) => ({
        to: t('consultations.detail.referredTo', { name: referral.toOrganization.name }),
        status: referral.status,
        statusText: t(`consultations.referralStatus.${referral.status}`),
        items: [
          { term: t('consultations.detail.sentOn'), value: <DateText value={referral.createdAt} /> },
          {
            term: t('consultations.detail.legalBasis'),
            value: t(`consultations.legalBasis.${referral.legalBasis}`),
          },
          { term: t('consultations.form.outcome.note'), value: referral.note },
          {
            term: t('consultations.detail.decidedOn'),
            value: referral.decidedAt ? <DateText value={referral.decidedAt} /> : null,
          },
        ],
        refusal: { title: t('consultations.detail.declineReason'), reason: referral.declineReason },
      })}
    />
  );
}

function Handovers({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  return (
    <SentDecisions
      sent={consultation.handovers}
      none={t('consultations.detail.noHandovers')}
      card={(handover) => ({
        to: t('consultations.detail.handedOverTo', { name: handover.toOrganization.name }),
        status: handover.status,
        statusText: t(`consultations.handoverStatus.${handover.status}`),
        items: [
          { term: t('consultations.detail.sentOn'), value: <DateText value={handover.createdAt} /> },
          { term: t('consultations.handoverReason'), value: handover.reason },
          { term: t('consultations.servicesTried'), value: handover.servicesTried },
          {
            term: t('consultations.detail.decidedOn'),
            value: handover.decidedAt ? <DateText value={handover.decidedAt} /> : null,
          },
          {
            term: t('consultations.detail.case'),
            value: handover.case ? (
              <RouteLink to="/cases/$caseId" params={{ caseId: handover.case.id }}>
                {t('consultations.detail.openCase', { caseNumber: handover.case.caseNumber })}
              </RouteLink>
            ) : null,
          },
        ],
        refusal: { title: t('consultations.detail.returnReason'), reason: handover.returnReason },
      })}
    />
  );
}

function ConsultationSheet({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);
  const message = done ?? flash;
  const { person } = consultation;
  const version = consultation.consentToShare
    ? t('consultations.consent.yesVersion')
    : t('consultations.consent.noVersion');

  return (
    <>
      <PageHeading
        documentTitle={t('consultations.detailTitle', { name: fullName(person) })}
        lead={t('consultations.detail.lead', {
          name: fullName(person),
          counter: consultation.organization.name,
        })}
        actions={
          <FormDownloadButton
            href={`/api/consultations/${encodeURIComponent(consultation.id)}/form`}
            label={t('forms.consultationForm')}
            fallbackName="consultation.pdf"
          />
        }
      >
        {`${t('consultations.sheetTitle')}${version}`}
      </PageHeading>

      <div className="flex flex-col gap-8">
        {message ? (
          <div className="print:hidden">
            <Alert tone="success" title={message} />
          </div>
        ) : null}

        <div className="flex flex-wrap items-center justify-between gap-4">
          <p className="flex flex-wrap items-center gap-3">
            <span className="text-std-16B-170">{t('consultations.statusLabel')}</span>
            <ConsultationStatusBadge status={consultation.status} />
          </p>
          <ConsultationActions consultation={consultation} onDone={setDone} />
        </div>

        <Section id="consultation-reception" title={t('consultations.form.receptionSection')}>
          <DescriptionList
            empty={t('common.none')}
            items={[
              {
                term: t('consultations.receivedOn'),
                value: <DateText value={consultation.receivedOn} withGregorian withWeekday />,
              },
              { term: t('consultations.counter'), value: consultation.organization.name },
              { term: t('consultations.receivedBy'), value: consultation.receivedBy.displayName },
              {
                term: t('consultations.channel'),
                value: codeName('consultationChannel', consultation.channel),
              },
            ]}
          />
        </Section>

        <Section id="consultation-person" title={t('consultations.form.personSection')}>
          <DescriptionList
            empty={t('common.none')}
            items={[
              {
                term: t('consultations.detail.name'),
                value: (
                  <RouteLink to="/persons/$personId" params={{ personId: person.id }}>
                    {fullName(person)}
                  </RouteLink>
                ),
              },
              { term: t('consultations.detail.kana'), value: fullKana(person) },
              {
                term: t('consultations.form.person.birthDate'),
                value: <BirthDateText birthDate={person.birthDate} age={person.age} withGregorian />,
              },
              { term: t('consultations.form.person.sex'), value: codeName('sex', person.sex) },
            ]}
          />
        </Section>

        <Section id="consultation-household" title={t('consultations.household')}>
          {consultation.householdMembers.length === 0 ? (
            <p>{t('consultations.detail.noHousehold')}</p>
          ) : (
            <Table caption={t('consultations.detail.householdCaption')}>
              <TableHead
                columns={[
                  t('consultations.detail.name'),
                  t('consultations.form.household.relation'),
                  t('consultations.form.person.birthDate'),
                  t('consultations.form.household.livingTogether'),
                ]}
              />
              <tbody>
                {consultation.householdMembers.map((member) => (
                  <tr key={member.person.id}>
                    <Th scope="row">
                      <RouteLink to="/persons/$personId" params={{ personId: member.person.id }}>
                        {fullName(member.person)}
                      </RouteLink>
                      <span className="block text-std-16N-170 text-solid-gray-700">
                        {fullKana(member.person)}
                      </span>
                    </Th>
                    <Td>{codeName('relation', member.relation)}</Td>
                    <Td>
                      <BirthDateText birthDate={member.person.birthDate} age={member.person.age} />
                    </Td>
                    <Td>
                      {member.livingTogether
                        ? t('consultations.livingTogether')
                        : t('consultations.livingApart')}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Section>

        <Section id="consultation-visitor" title={t('consultations.visitor')}>
          {consultation.visitor ? (
            <DescriptionList
              empty={t('common.none')}
              items={[
                { term: t('consultations.form.visitor.name'), value: consultation.visitor.name },
                {
                  term: t('consultations.form.visitor.relation'),
                  value: codeName('relation', consultation.visitor.relation),
                },
                { term: t('consultations.form.visitor.phone'), value: consultation.visitor.phone },
              ]}
            />
          ) : (
            <p>{t('consultations.form.visitor.person')}</p>
          )}
        </Section>

        <Section id="consultation-topics" title={t('consultations.form.topicsSection')}>
          <DescriptionList
            empty={t('common.none')}
            items={[
              {
                term: t('consultations.topics'),
                value: <TopicList topics={consultation.topics} mainTopic={consultation.mainTopic} />,
              },
              { term: t('consultations.content'), value: consultation.content },
              { term: t('consultations.wishes'), value: consultation.wishes },
            ]}
          />
        </Section>

        <Section id="consultation-consent" title={t('consultations.consentToShare')}>
          <p className="text-std-16B-170">
            {consultation.consentToShare ? t('consultations.consent.yes') : t('consultations.consent.no')}
          </p>
          <p className="text-std-16N-170 text-solid-gray-700">
            {consultation.consentToShare
              ? t('consultations.form.consentYesDescription')
              : t('consultations.form.consentNoDescription')}
          </p>
        </Section>

        <Section id="consultation-outcome" title={t('consultations.outcomeLabel')}>
          <p className="text-std-16B-170">{t(`consultations.outcome.${consultation.outcome}`)}</p>
          <h3 className="text-std-17B-170">{t('consultations.detail.referrals')}</h3>
          <Referrals consultation={consultation} />
          <h3 className="text-std-17B-170">{t('consultations.detail.handovers')}</h3>
          <Handovers consultation={consultation} />
        </Section>

        <div className="print:hidden">
          <OutreachPanel target={{ consultationId: consultation.id }} />
        </div>

        {consultation.closedAt ? (
          <Section id="consultation-closed" title={t('consultations.detail.closed')}>
            <DescriptionList
              empty={t('common.none')}
              items={[
                {
                  term: t('consultations.detail.closedOn'),
                  value: <DateText value={consultation.closedAt} withGregorian />,
                },
                { term: t('consultations.closeAction.note'), value: consultation.closeNote },
              ]}
            />
          </Section>
        ) : null}

        <p className="hidden text-std-16N-170 print:block">
          {t('consultations.detail.printedAt')}
          <DateText value={now()} withGregorian />
        </p>
        <p className="print:hidden">
          <RouteLink to="/consultations">{t('common.backToList')}</RouteLink>
        </p>
      </div>
    </>
  );
}

/** 相談詳細 (`/consultations/:id`): the 相談受付・申込票 as recorded, printable. */
export function ConsultationDetailPage({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const consultation = useConsultation(consultationId);
  return (
    <RecordPage
      query={consultation}
      heading={t('consultations.detailHeading')}
      notFound={t('consultations.notFound')}
      back={<RouteLink to="/consultations">{t('common.backToList')}</RouteLink>}
    >
      {(record) => <ConsultationSheet consultation={record} />}
    </RecordPage>
  );
}
