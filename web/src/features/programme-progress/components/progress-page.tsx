import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as clock from '../../../../../src/domain/clock.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { FiscalYearSelect } from '../../../components/ui/fiscal-year-select.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { problemFieldMessage } from '../../../lib/problem-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { formatDateTime, formatFiscalYear } from '../../../lib/wareki.ts';
import { usePlanPeriod } from '../../recidivism-plan/api/get-recidivism-plan.ts';
import { type ProgressList, useProgress } from '../api/list-progress.ts';
import { useLockYear } from '../api/lock-year.ts';
import { useUnlockYear } from '../api/unlock-year.ts';
import { ProgressDialog } from './progress-dialog.tsx';
import '../../../lib/i18n/recidivism.bundle.ts';

type Item = ProgressList['items'][number];

/**
 * 進捗管理: the programmes' progress for one 年度 (和暦 selector). Sections enter their own
 * programmes; the plan officer locks the year (confirm), and may unlock it with a reason.
 */
export function ProgressPage({
  fiscalYear,
  onFiscalYearChange,
}: {
  fiscalYear: number | undefined;
  onFiscalYearChange: (fiscalYear: number) => void;
}) {
  const { t } = useTranslation();
  const period = usePlanPeriod();
  if (period.isPending) return <Loading />;
  if (period.isError) return <QueryError error={period.error} onRetry={() => void period.refetch()} />;
  const { from, to } = period.data;
  const now = clock.now();
  const current = now.getMonth() + 1 >= 4 ? now.getFullYear() : now.getFullYear() - 1;
  const year = fiscalYear ?? Math.min(Math.max(current, from), to);
  return (
    <>
      <PageHeading lead={t('recidivism.progress.lead')}>{t('recidivism.progress.heading')}</PageHeading>
      <div className="flex flex-col gap-6">
        <div className="print:hidden">
          <FiscalYearSelect
            id="progress-fiscal-year"
            label={t('recidivism.progress.fiscalYear')}
            period={period.data}
            value={year}
            onChange={onFiscalYearChange}
          />
        </div>
        <ProgressYear key={year} fiscalYear={year} />
      </div>
    </>
  );
}

function ProgressYear({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = useProgress(fiscalYear);
  const lock = useLockYear();
  const unlock = useUnlockYear();
  const [editing, setEditing] = useState<Item | null>(null);
  const [confirmLock, setConfirmLock] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  const yearLabel = formatFiscalYear(fiscalYear, language);
  const reasonError = problemFieldMessage(unlock.error, 'reason');

  return (
    <div className="flex flex-col gap-6">
      {notice ? <Alert tone="success" title={notice} /> : null}
      {data.lock ? (
        <Alert tone="info" title={t('recidivism.progress.locked', { year: yearLabel })}>
          <p>
            {t('recidivism.progress.lockedBy', {
              name: data.lock.lockedBy.displayName,
              organization: data.lock.lockedBy.organization,
              at: formatDateTime(data.lock.lockedAt, language),
            })}
          </p>
        </Alert>
      ) : (
        <p className="text-std-17B-170">{t('recidivism.progress.open', { year: yearLabel })}</p>
      )}
      {data.lastUnlock ? (
        <p className="text-std-16N-170 text-solid-gray-700">
          {t('recidivism.progress.lastUnlock', {
            name: data.lastUnlock.unlockedBy.displayName,
            organization: data.lastUnlock.unlockedBy.organization,
            at: formatDateTime(data.lastUnlock.unlockedAt, language),
            reason: data.lastUnlock.reason,
          })}
        </p>
      ) : null}
      {data.abilities.lockYear || data.abilities.unlockYear ? (
        <div className="flex flex-wrap gap-4 print:hidden">
          {data.abilities.lockYear ? (
            <Button
              onClick={() => {
                lock.reset();
                setNotice(null);
                setConfirmLock(true);
              }}
            >
              {t('recidivism.progress.lock')}
            </Button>
          ) : null}
          {data.abilities.unlockYear ? (
            <Button
              variant="outline"
              onClick={() => {
                unlock.reset();
                setReason('');
                setNotice(null);
                setUnlocking(true);
              }}
            >
              {t('recidivism.progress.unlock')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <Table caption={t('recidivism.progress.tableCaption', { year: yearLabel })}>
        <TableHead
          columns={[
            t('recidivism.progress.challenge'),
            t('recidivism.progress.programme'),
            t('recidivism.progress.section'),
            t('recidivism.progress.statusText'),
            t('recidivism.progress.result'),
            t('recidivism.progress.evaluation'),
            t('recidivism.progress.issuesDirection'),
            { label: t('common.actions'), className: 'print:hidden' },
          ]}
        />
        <tbody>
          {data.items.map((item) => {
            const p = item.progress;
            return (
              <tr key={item.programme.id}>
                <Td className="whitespace-nowrap">
                  {item.programme.challengePositions.map((n) => `(${n})`).join(' ')}
                </Td>
                <Th scope="row" className="min-w-[12rem]">
                  {item.programme.name}
                </Th>
                <Td className="whitespace-nowrap">{item.programme.responsibleSection.name}</Td>
                <Td className="min-w-[14rem] whitespace-pre-wrap">
                  {p ? (
                    p.statusText
                  ) : (
                    <span className="text-solid-gray-700">{t('recidivism.progress.notRecorded')}</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  {p && p.resultValue !== null
                    ? t('recidivism.progress.resultWithUnit', {
                        value: p.resultValue.toLocaleString('ja-JP'),
                        unit: p.resultUnit ?? '',
                      })
                    : ''}
                  {item.automaticIndicators.length > 0 ? (
                    <div className="mt-2 text-std-16N-170 text-solid-gray-700">
                      <dl className="flex flex-col gap-1">
                        {item.automaticIndicators.map((a) => (
                          <div key={a.code}>
                            <dt className="inline">
                              {t(`recidivism.progress.automatic.${a.code}`)}
                              {t('recidivism.progress.automaticSeparator')}
                            </dt>
                            <dd className="inline">{String(a.value)}</dd>
                          </div>
                        ))}
                      </dl>
                      <p className="mt-1 text-std-14N-170">{t('recidivism.progress.automaticNote')}</p>
                    </div>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap">
                  {p?.evaluation ? `${p.evaluation.code}（${p.evaluation.label}）` : ''}
                </Td>
                <Td className="min-w-[14rem] whitespace-pre-wrap">{p?.issuesDirection ?? ''}</Td>
                <Td className="print:hidden">
                  {item.abilities.edit ? (
                    <Button
                      variant="outline"
                      size="sm"
                      aria-label={t('recidivism.progress.editFor', { name: item.programme.name })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(item);
                      }}
                    >
                      {t('recidivism.progress.edit')}
                    </Button>
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>

      {editing ? (
        <ProgressDialog
          key={editing.programme.id}
          open
          programme={editing.programme}
          fiscalYear={fiscalYear}
          fiscalYearLabel={yearLabel}
          progress={editing.progress}
          scale={data.evaluationScale}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setNotice(t('recidivism.progress.saved', { name: editing.programme.name }));
            setEditing(null);
          }}
        />
      ) : null}

      <ConfirmDialog
        open={confirmLock}
        title={t('recidivism.progress.lockTitle', { year: yearLabel })}
        confirmLabel={t('recidivism.progress.lockConfirm')}
        action={lock}
        onCancel={() => setConfirmLock(false)}
        onConfirm={() =>
          lock.mutate(fiscalYear, {
            onSuccess: () => {
              setConfirmLock(false);
              setNotice(t('recidivism.progress.lockedDone', { year: yearLabel }));
            },
          })
        }
      >
        <p>{t('recidivism.progress.lockBody')}</p>
      </ConfirmDialog>

      <FormDialog
        open={unlocking}
        title={t('recidivism.progress.unlockTitle', { year: yearLabel })}
        description={t('recidivism.progress.unlockLead')}
        submitLabel={t('recidivism.progress.unlockConfirm')}
        cancelLabel={t('common.cancel')}
        busy={unlock.isPending}
        error={
          unlock.error && !reasonError ? <Alert tone="error" title={problemMessage(unlock.error, t)} /> : null
        }
        onCancel={() => setUnlocking(false)}
        onSubmit={(event) => {
          event.preventDefault();
          unlock.mutate(
            { fiscalYear, reason },
            {
              onSuccess: () => {
                setUnlocking(false);
                setNotice(t('recidivism.progress.unlockedDone', { year: yearLabel }));
              },
            },
          );
        }}
      >
        <TextareaField
          id="unlock-reason"
          label={t('recidivism.progress.unlockReason')}
          required
          rows={3}
          value={reason}
          error={reasonError}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
      </FormDialog>
    </div>
  );
}
