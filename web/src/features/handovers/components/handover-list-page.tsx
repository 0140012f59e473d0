import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Handover,
  handoverReturnSchema,
  handoverStatuses,
} from '../../../../../src/contract/handovers.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PagedQueryView } from '../../../components/ui/paged-query-view.tsx';
import { fullName, KanaLine } from '../../../components/ui/person-name.tsx';
import { ReasonDialog } from '../../../components/ui/reason-dialog.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { RowActionButton } from '../../../components/ui/row-action-button.tsx';
import { Options, SelectField } from '../../../components/ui/select-field.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { useAcceptHandover } from '../api/accept-handover.ts';
import { type HandoverStatus, useHandovers } from '../api/list-handovers.ts';
import { useReturnHandover } from '../api/return-handover.ts';
import '../../../lib/i18n/casework.bundle.ts';

const statusTones: Record<HandoverStatus, BadgeTone> = {
  pending: 'warning',
  accepted: 'success',
  returned: 'muted',
};

function StatusBadge({ status }: { status: HandoverStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTones[status]}>{t(`handovers.status.${status}`)}</Badge>;
}

function PersonCell({ handover, showDuplicates }: { handover: Handover; showDuplicates: boolean }) {
  const { t } = useTranslation();
  const { person } = handover.consultation;
  const duplicates = handover.possibleDuplicates ?? 0;
  return (
    <>
      <RouteLink
        to="/consultations/$consultationId"
        params={{ consultationId: handover.consultation.id }}
        className="break-keep sm:whitespace-nowrap"
      >
        {fullName(person)}
      </RouteLink>
      <KanaLine person={person} />
      {person.age !== null ? (
        <span className="block text-std-16N-170 text-solid-gray-700">
          {t('dateText.age', { age: person.age })}
        </span>
      ) : null}
      {showDuplicates && duplicates > 0 ? (
        <Link
          to="/persons/$personId"
          params={{ personId: person.id }}
          hash="duplicates"
          className="mt-1 inline-block rounded-4 focus-visible:outline-4"
          aria-label={t('handovers.duplicatesLink', { count: duplicates, name: fullName(person) })}
        >
          <Badge tone="warning">{t('handovers.possibleDuplicates', { count: duplicates })}</Badge>
        </Link>
      ) : null}
    </>
  );
}

function Reasons({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  return (
    <dl className="flex max-w-[28rem] flex-col gap-2">
      <dt className="text-std-16B-170">{t('handovers.reason')}</dt>
      <dd className="whitespace-pre-wrap">{handover.reason}</dd>
      <dt className="text-std-16B-170">{t('handovers.servicesTried')}</dt>
      <dd className="whitespace-pre-wrap">{handover.servicesTried}</dd>
    </dl>
  );
}

export type HandoverListPageProps = {
  status: HandoverStatus | undefined;
  onStatusChange: (status: HandoverStatus | undefined) => void;
};

/**
 * 引継ぎ受付 (`/handovers`). The coordinating section sees its inbox, longest waiting first, and
 * accepts (→ the new case) or returns with reasons; a counter sees the handovers it sent.
 */
export function HandoverListPage({ status, onStatusChange }: HandoverListPageProps) {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  // The coordinating section decides; a counter only follows what it sent (the API answers accordingly).
  const inbox = useCan('handover.decide');
  const handovers = useHandovers(status);
  const accept = useAcceptHandover();
  const giveBack = useReturnHandover();
  const [accepting, setAccepting] = useState<Handover | null>(null);
  const [returning, setReturning] = useState<Handover | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const confirmAccept = () => {
    if (!accepting || accept.isPending) return;
    accept.mutate(accepting.id, {
      onSuccess: (created) => {
        setAccepting(null);
        goWithFlash(t('ui.next.accepted', { caseNumber: created.caseNumber }), {
          to: '/cases/$caseId',
          params: { caseId: created.caseId },
        });
      },
    });
  };

  const confirmReturn = (reason: string) => {
    if (!returning || giveBack.isPending) return;
    const name = fullName(returning.consultation.person);
    giveBack.mutate(
      { id: returning.id, reason },
      {
        onSuccess: () => {
          setReturning(null);
          setDone(t('handovers.returned', { name }));
        },
      },
    );
  };

  return (
    <>
      <PageHeading
        documentTitle={t('handovers.pageTitle')}
        lead={inbox ? t('handovers.inboxLead') : t('handovers.sentLead')}
      >
        {inbox ? t('handovers.inboxHeading') : t('handovers.sentHeading')}
      </PageHeading>
      <div className="flex flex-col gap-6">
        {done ? <Alert tone="success" title={done} /> : null}
        <div className="max-w-[20rem]">
          <SelectField
            id="handovers-status"
            label={t('handovers.statusFilter')}
            value={status ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onStatusChange(
                (handoverStatuses as readonly string[]).includes(value)
                  ? (value as HandoverStatus)
                  : undefined,
              );
            }}
          >
            <option value="">{t('handovers.allStatuses')}</option>
            <Options
              items={handoverStatuses}
              value={(option) => option}
              label={(option) => t(`handovers.status.${option}`)}
            />
          </SelectField>
        </div>

        <PagedQueryView query={handovers} moreLabel={t('handovers.showMore')}>
          {(items) => (
            <DataTable
              caption={inbox ? t('handovers.inboxCaption') : t('handovers.sentCaption')}
              captionDetail={t('handovers.shownCount', { count: items.length })}
              columns={[
                t('handovers.sentOn'),
                { label: t('handovers.person'), className: 'min-w-36' },
                inbox ? t('handovers.from') : t('handovers.to'),
                t('handovers.reasons'),
                ...(inbox ? [t('handovers.daysWaiting')] : []),
                t('handovers.statusLabel'),
                inbox ? t('common.actions') : t('handovers.result'),
              ]}
              rows={items}
              empty={inbox ? t('handovers.emptyInbox') : t('handovers.emptySent')}
            >
              {(handover) => {
                const name = fullName(handover.consultation.person);
                return (
                  <tr key={handover.id}>
                    <DateCell value={handover.createdAt} />
                    <Th scope="row">
                      <PersonCell handover={handover} showDuplicates={inbox} />
                    </Th>
                    <Td>{inbox ? handover.fromOrganization.name : handover.toOrganization.name}</Td>
                    <Td>
                      <Reasons handover={handover} />
                    </Td>
                    {inbox ? (
                      <Td className="whitespace-nowrap">
                        {handover.daysWaiting !== null
                          ? t('handovers.days', { count: handover.daysWaiting })
                          : t('handovers.decided')}
                      </Td>
                    ) : null}
                    <Td>
                      <StatusBadge status={handover.status} />
                    </Td>
                    <Td>
                      <div className="flex flex-col items-start gap-2">
                        {handover.abilities.accept ? (
                          <RowActionButton
                            action={t('handovers.accept')}
                            name={name}
                            onClick={() => {
                              setDone(null);
                              setAccepting(handover);
                            }}
                          />
                        ) : null}
                        {handover.abilities.return ? (
                          <RowActionButton
                            action={t('handovers.return')}
                            name={name}
                            variant="outline"
                            onClick={() => {
                              setDone(null);
                              setReturning(handover);
                            }}
                          />
                        ) : null}
                        {handover.case ? (
                          <RouteLink to="/cases/$caseId" params={{ caseId: handover.case.id }}>
                            {t('handovers.openCase', { caseNumber: handover.case.caseNumber })}
                          </RouteLink>
                        ) : null}
                        {handover.returnReason ? (
                          <div className="max-w-[24rem]">
                            <p className="text-std-16B-170">{t('handovers.returnReason')}</p>
                            <p className="whitespace-pre-wrap">{handover.returnReason}</p>
                          </div>
                        ) : null}
                        {handover.decidedAt ? (
                          <p className="text-std-16N-170 text-solid-gray-700">
                            {t('handovers.decidedOn')}
                            <DateText value={handover.decidedAt} />
                          </p>
                        ) : null}
                      </div>
                    </Td>
                  </tr>
                );
              }}
            </DataTable>
          )}
        </PagedQueryView>
      </div>

      <ConfirmDialog
        open={accepting !== null}
        title={t('handovers.acceptTitle')}
        confirmLabel={t('handovers.accept')}
        action={accept}
        onConfirm={confirmAccept}
        onCancel={() => {
          setAccepting(null);
          accept.reset();
        }}
      >
        <p>
          {accepting
            ? t('handovers.acceptBody', {
                name: fullName(accepting.consultation.person),
                from: accepting.fromOrganization.name,
              })
            : null}
        </p>
      </ConfirmDialog>

      <ReasonDialog
        open={returning !== null}
        title={t('handovers.returnTitle')}
        reasonLabel={t('handovers.returnReason')}
        reasonSupport={t('handovers.returnReasonSupport')}
        schema={handoverReturnSchema}
        confirmLabel={t('handovers.return')}
        action={giveBack}
        onConfirm={confirmReturn}
        onCancel={() => {
          setReturning(null);
          giveBack.reset();
        }}
      >
        <p>
          {returning
            ? t('handovers.returnBody', {
                name: fullName(returning.consultation.person),
                from: returning.fromOrganization.name,
              })
            : null}
        </p>
      </ReasonDialog>
    </>
  );
}
