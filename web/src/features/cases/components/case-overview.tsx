import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { ageOn } from '../../../../../src/contract/persons.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { PathLink } from '../../../components/ui/path-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { CaseAssignee } from './case-assignee.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/codes.bundle.ts';

/** 概要: the household (続柄・同居), the consultation and handover it came from, and who takes part and why. */
export function CaseOverview({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const today = clock.today();
  const origin = kase.origin;
  const withdrawn = kase.consents.filter((consent) => consent.withdrawal !== null);

  return (
    <div className="flex flex-col gap-10">
      {withdrawn.map((consent) => (
        <Alert
          key={consent.id}
          tone="warning"
          live={false}
          title={t('consentWithdrawal.noticeTitle', { name: consent.person.name })}
        >
          <p>
            {t('consentWithdrawal.withdrawnOn')}：<DateText value={consent.withdrawal?.withdrawnOn ?? ''} />{' '}
            {t('consentWithdrawal.reason')}：{consent.withdrawal?.reason}
          </p>
          <p>
            {consent.withdrawal?.lostAccess.some((effect) => effect.organizations.length > 0)
              ? t('consentWithdrawal.lostAccess', {
                  organizations: consent.withdrawal.lostAccess
                    .flatMap((effect) => effect.organizations.map((o) => o.name))
                    .join('、'),
                })
              : t('consentWithdrawal.noLostAccess')}
          </p>
        </Alert>
      ))}
      <Section id="case-household" title={t('cases.overview.household')}>
        <Table caption={t('cases.overview.householdCaption')}>
          <TableHead
            columns={textsUnder(t, 'cases.overview', [
              'name',
              'relation',
              'livingTogether',
              'birthDate',
              'target',
            ])}
          />
          <tbody>
            {kase.persons.map((person) => (
              <tr key={person.id}>
                <Th scope="row">
                  <span className="flex flex-col">
                    <span className="break-keep sm:whitespace-nowrap text-std-16B-170">{person.name}</span>
                    <span className="break-keep sm:whitespace-nowrap text-std-16N-170 text-solid-gray-700">
                      {person.kana}
                    </span>
                  </span>
                </Th>
                <Td>
                  {person.relation ? t(`codes.relation.${person.relation}`) : t('cases.overview.unknown')}
                </Td>
                <Td>
                  {person.livingTogether === null
                    ? t('cases.overview.unknown')
                    : person.livingTogether
                      ? t('cases.overview.together')
                      : t('cases.overview.apart')}
                </Td>
                <Td className="whitespace-nowrap">
                  {person.birthDate ? (
                    <>
                      <DateText value={person.birthDate} />
                      {t('cases.overview.age', { age: ageOn(person.birthDate, today) })}
                    </>
                  ) : (
                    t('cases.overview.unknown')
                  )}
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-2">
                    {person.isPrimary ? <Badge tone="info">{t('cases.overview.primary')}</Badge> : null}
                    {person.isTarget && !person.isPrimary ? (
                      <Badge tone="neutral">{t('cases.overview.targetYes')}</Badge>
                    ) : null}
                  </span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>

      <Section id="case-origin" title={t('cases.overview.origin')}>
        {origin ? (
          <>
            <DescriptionList
              empty={t('common.none')}
              items={[
                {
                  term: t('cases.overview.receivedOn'),
                  value: <DateText value={origin.consultation.receivedOn} withGregorian />,
                },
                { term: t('cases.overview.counter'), value: origin.consultation.organization.name },
                {
                  term: t('cases.overview.channel'),
                  value: t(`codes.consultationChannel.${origin.consultation.channel}`),
                },
                {
                  term: t('cases.overview.topics'),
                  value: origin.consultation.topics
                    .map((topic) => {
                      const name = t(`codes.consultationTopic.${topic}`);
                      return topic === origin.consultation.mainTopic ? `◎${name}` : name;
                    })
                    .join(t('common.listSeparator')),
                },
                { term: t('cases.overview.content'), value: origin.consultation.content },
                { term: t('cases.overview.wishes'), value: origin.consultation.wishes },
                {
                  term: t('cases.overview.consentToShare'),
                  value: origin.consultation.consentToShare
                    ? t('cases.overview.consentYes')
                    : t('cases.overview.consentNo'),
                },
              ]}
            />
            <p className="print:hidden">
              <PathLink href={`/consultations/${origin.consultation.id}`}>
                {t('cases.overview.openConsultation')}
              </PathLink>
            </p>
            <h3 className="text-std-20B-150 text-solid-gray-900">{t('cases.overview.handover')}</h3>
            <DescriptionList
              empty={t('common.none')}
              items={[
                { term: t('cases.overview.handoverFrom'), value: origin.handover.fromOrganization.name },
                { term: t('cases.overview.handoverReason'), value: origin.handover.reason },
                { term: t('cases.overview.servicesTried'), value: origin.handover.servicesTried },
                {
                  term: t('cases.overview.acceptedAt'),
                  value: origin.handover.decidedAt
                    ? formatDateTime(origin.handover.decidedAt, language)
                    : null,
                },
              ]}
            />
          </>
        ) : (
          <p>{t('cases.overview.noOrigin')}</p>
        )}
      </Section>

      <CaseAssignee kase={kase} />

      <Section id="case-participants" title={t('cases.overview.participants')}>
        <Table caption={t('cases.overview.participantsCaption')}>
          <TableHead
            columns={textsUnder(t, 'cases.overview', ['organization', 'basis', 'scope', 'legalBasis'])}
          />
          <tbody>
            {kase.participants.map((participant) => (
              <tr key={`${participant.organization.id}-${participant.basis}-${participant.meetingId ?? ''}`}>
                <Th scope="row">{participant.organization.name}</Th>
                <Td>{t(`codes.participationBasis.${participant.basis}`)}</Td>
                <Td>
                  {participant.scope === 'case'
                    ? t('cases.overview.scopeCase')
                    : t('cases.overview.scopeMeeting')}
                </Td>
                <Td>{t(`codes.sharingLegalBasis.${participant.legalBasis}`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>
    </div>
  );
}
