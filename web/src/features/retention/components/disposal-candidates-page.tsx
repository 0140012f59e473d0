import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requiredText } from '../../../../../src/contract/common.ts';
import type { DisposalRecord } from '../../../../../src/contract/retention.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { ReasonDialog } from '../../../components/ui/reason-dialog.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { formatDate } from '../../../lib/wareki.ts';
import { useApproveDisposal, useDisposalCandidates, useHoldRetention } from '../api/disposal-candidates.ts';
import { type DisposalSelection, emptySelection, keepListed } from '../disposal-selection.ts';
import { DisposalCandidatesView, DisposalConfirmation } from './disposal-candidates-view.tsx';
import '../messages.ts';

/** The hold's reason as the server takes it (`retentionHoldSchema`), required when placing a hold. */
const holdReasonSchema = z.object({ reason: requiredText(400) });

type CaseRef = { id: string; caseNumber: string };
type Done = { kind: 'disposed'; record: DisposalRecord } | { kind: 'held' | 'lifted'; caseNumber: string };

/**
 * 廃棄候補一覧 (`/disposals`, the coordinating section): review today's list, tick records, approve
 * behind a confirmation that says what is deleted for good; hold a case off the list, or lift a hold.
 */
export function DisposalCandidatesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const candidates = useDisposalCandidates();
  const approve = useApproveDisposal();
  const hold = useHoldRetention();
  const [selection, setSelection] = useState<DisposalSelection>(emptySelection);
  const [confirming, setConfirming] = useState(false);
  const [holding, setHolding] = useState<CaseRef | null>(null);
  const [lifting, setLifting] = useState<CaseRef | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  // a record that left the list (disposed, held, period changed) cannot stay ticked unseen
  useEffect(() => {
    if (candidates.data) setSelection((current) => keepListed(current, candidates.data));
  }, [candidates.data]);

  const doneMessage = (result: Done) =>
    result.kind === 'disposed'
      ? t('retention.candidates.done', {
          cases: result.record.caseCount,
          consultations: result.record.consultationCount,
          persons: result.record.personCount,
        })
      : t(`retention.candidates.${result.kind}`, { caseNumber: result.caseNumber });

  return (
    <>
      <PageHeading
        documentTitle={t('retention.candidates.title')}
        lead={t('retention.candidates.lead', {
          date: candidates.data ? formatDate(candidates.data.asOf, language) : '',
        })}
      >
        {t('retention.candidates.title')}
      </PageHeading>
      <div className="flex flex-col gap-6">
        {done ? <Alert tone="success" title={doneMessage(done)} /> : null}
        {approve.error && !confirming ? (
          <Alert tone="error" title={problemMessage(approve.error, t)} />
        ) : null}
        <QueryView query={candidates}>
          {(data) => (
            <>
              <DisposalCandidatesView
                candidates={data}
                selection={selection}
                onSelectionChange={setSelection}
                onApprove={() => {
                  approve.reset();
                  setConfirming(true);
                }}
                onHold={(kase) => {
                  hold.reset();
                  setHolding(kase);
                }}
                onLift={(kase) => {
                  hold.reset();
                  setLifting(kase);
                }}
              />
              <ConfirmDialog
                open={confirming}
                title={t('retention.candidates.confirmTitle')}
                confirmLabel={t('retention.candidates.confirm')}
                action={approve}
                onConfirm={() =>
                  approve.mutate(selection, {
                    onSuccess: (record) => {
                      setConfirming(false);
                      setSelection(emptySelection);
                      setDone({ kind: 'disposed', record });
                    },
                  })
                }
                onCancel={() => setConfirming(false)}
              >
                <DisposalConfirmation candidates={data} selection={selection} />
              </ConfirmDialog>
            </>
          )}
        </QueryView>
      </div>
      <ReasonDialog
        open={holding !== null}
        title={t('retention.candidates.holdTitle', { caseNumber: holding?.caseNumber ?? '' })}
        reasonLabel={t('retention.candidates.holdReason')}
        reasonSupport={t('retention.candidates.holdReasonSupport')}
        schema={holdReasonSchema}
        confirmLabel={t('retention.candidates.holdConfirm')}
        action={hold}
        onConfirm={(reason) => {
          if (!holding) return;
          const { caseNumber } = holding;
          hold.mutate(
            { caseId: holding.id, reason },
            {
              onSuccess: () => {
                setHolding(null);
                setDone({ kind: 'held', caseNumber });
              },
            },
          );
        }}
        onCancel={() => setHolding(null)}
      >
        <p>{t('retention.candidates.holdBody')}</p>
      </ReasonDialog>
      <ConfirmDialog
        open={lifting !== null}
        title={t('retention.candidates.liftTitle', { caseNumber: lifting?.caseNumber ?? '' })}
        confirmLabel={t('retention.candidates.liftConfirm')}
        action={hold}
        onConfirm={() => {
          if (!lifting) return;
          const { caseNumber } = lifting;
          hold.mutate(
            { caseId: lifting.id, reason: null },
            {
              onSuccess: () => {
                setLifting(null);
                setDone({ kind: 'lifted', caseNumber });
              },
            },
          );
        }}
        onCancel={() => setLifting(null)}
      >
        <p>{t('retention.candidates.liftBody')}</p>
      </ConfirmDialog>
    </>
  );
}
