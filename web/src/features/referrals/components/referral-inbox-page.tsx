import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Referral, referralDeclineSchema } from '../../../../../src/contract/referrals.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PagedQueryView } from '../../../components/ui/paged-query-view.tsx';
import { fullKana, fullName } from '../../../components/ui/person-name.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { ReasonDialog } from '../../../components/ui/reason-dialog.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { RowActionButton } from '../../../components/ui/row-action-button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { useAcceptReferral } from '../api/accept-referral.ts';
import { useDeclineReferral } from '../api/decline-referral.ts';
import { type ReferralInboxStatus, useReferrals } from '../api/list-referrals.ts';
import '../../../lib/i18n/casework.bundle.ts';

function personLabel(referral: Referral, fallback: string): string {
  return referral.consultation ? fullName(referral.consultation.person) : fallback;
}

export type ReferralInboxPageProps = {
  status: ReferralInboxStatus;
  onStatusChange: (status: ReferralInboxStatus) => void;
};

/** つなぎ受付 (`/referrals`): referrals addressed to my organisation, longest waiting first. */
export function ReferralInboxPage({ status, onStatusChange }: ReferralInboxPageProps) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const referrals = useReferrals(status);
  const accept = useAcceptReferral();
  const decline = useDeclineReferral();
  const [declining, setDeclining] = useState<Referral | null>(null);
  const [done, setDone] = useState<{ text: string; consultationId: string | null } | null>(null);

  const closeDialog = () => {
    setDeclining(null);
    decline.reset();
  };

  const confirmDecline = (reason: string) => {
    if (!declining || decline.isPending) return;
    const target = declining;
    decline.mutate(
      { id: target.id, reason },
      {
        onSuccess: () => {
          setDone({ text: t('referrals.declined', { name: personLabel(target, '') }), consultationId: null });
          closeDialog();
        },
      },
    );
  };

  return (
    <>
      <PageHeading lead={t('referrals.lead')}>{t('referrals.heading')}</PageHeading>
      <div className="flex flex-col gap-6">
        {done ? (
          <Alert tone="success" title={done.text}>
            {done.consultationId ? (
              <RouteLink to="/consultations/$consultationId" params={{ consultationId: done.consultationId }}>
                {t('referrals.openConsultation')}
              </RouteLink>
            ) : null}
          </Alert>
        ) : null}
        <ProblemAlert error={accept.error} />
        <div className="max-w-[20rem]">
          <SelectField
            id="referrals-status"
            label={t('referrals.statusFilter')}
            value={status}
            onChange={(event) =>
              onStatusChange(event.currentTarget.value === 'accepted' ? 'accepted' : 'pending')
            }
          >
            <option value="pending">{t('referrals.status.pending')}</option>
            <option value="accepted">{t('referrals.status.accepted')}</option>
          </SelectField>
        </div>

        <PagedQueryView query={referrals} moreLabel={t('referrals.showMore')}>
          {(items) => (
            <DataTable
              caption={status === 'pending' ? t('referrals.pendingCaption') : t('referrals.acceptedCaption')}
              captionDetail={t('referrals.shownCount', { count: items.length })}
              columns={[
                t('referrals.sentOn'),
                { label: t('referrals.person'), className: 'min-w-36' },
                t('referrals.mainTopic'),
                t('referrals.from'),
                t('referrals.note'),
                t('referrals.daysWaiting'),
                t('common.actions'),
              ]}
              rows={items}
              empty={
                <> {status === 'pending' ? t('referrals.emptyPending') : t('referrals.emptyAccepted')}</>
              }
            >
              {(referral) => {
                const name = personLabel(referral, t('referrals.notVisible'));
                return (
                  <tr key={referral.id}>
                    <DateCell value={referral.createdAt} />
                    <Th scope="row">
                      {referral.consultation ? (
                        <>
                          <RouteLink
                            to="/consultations/$consultationId"
                            params={{ consultationId: referral.consultation.id }}
                          >
                            {name}
                          </RouteLink>
                          <span className="block text-std-16N-170 text-solid-gray-700">
                            {fullKana(referral.consultation.person)}
                          </span>
                          {referral.consultation.person.age !== null ? (
                            <span className="block text-std-16N-170 text-solid-gray-700">
                              {t('dateText.age', { age: referral.consultation.person.age })}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        name
                      )}
                    </Th>
                    <Td>
                      {referral.consultation
                        ? codeName('consultationTopic', referral.consultation.mainTopic)
                        : t('common.none')}
                    </Td>
                    <Td>{referral.fromOrganization.name}</Td>
                    <Td className="max-w-[20rem] whitespace-pre-wrap">{referral.note ?? t('common.none')}</Td>
                    <Td className="whitespace-nowrap">
                      {t('referrals.days', { count: referral.daysWaiting })}
                      {referral.status === 'accepted' ? (
                        <span className="block">
                          <Badge tone="success">{t('referrals.status.accepted')}</Badge>
                        </span>
                      ) : null}
                    </Td>
                    <Td>
                      <span className="flex flex-wrap gap-2">
                        {referral.abilities.accept ? (
                          <RowActionButton
                            action={t('referrals.accept')}
                            name={name}
                            aria-disabled={accept.isPending || undefined}
                            onClick={() => {
                              if (accept.isPending) return;
                              setDone(null);
                              accept.mutate(referral.id, {
                                onSuccess: (saved) =>
                                  setDone({
                                    text: t('referrals.accepted', { name }),
                                    consultationId: saved.consultation?.id ?? null,
                                  }),
                              });
                            }}
                          />
                        ) : null}
                        {referral.abilities.decline ? (
                          <RowActionButton
                            action={t('referrals.decline')}
                            name={name}
                            variant="outline"
                            onClick={() => {
                              setDone(null);
                              setDeclining(referral);
                            }}
                          />
                        ) : null}
                      </span>
                    </Td>
                  </tr>
                );
              }}
            </DataTable>
          )}
        </PagedQueryView>
      </div>

      <ReasonDialog
        open={declining !== null}
        title={t('referrals.declineTitle')}
        reasonLabel={t('referrals.declineReason')}
        reasonSupport={t('referrals.declineReasonSupport')}
        schema={referralDeclineSchema}
        confirmLabel={t('referrals.decline')}
        action={decline}
        onConfirm={confirmDecline}
        onCancel={closeDialog}
      >
        <p>
          {declining
            ? t('referrals.declineBody', {
                name: personLabel(declining, t('referrals.notVisible')),
                from: declining.fromOrganization.name,
              })
            : null}
        </p>
      </ReasonDialog>
    </>
  );
}
