import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkReassignInput, BulkReassignResult } from '../../../../../src/contract/accounts.ts';
import type { User } from '../../../../../src/contract/users.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Options, SelectField } from '../../../components/ui/select-field.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { problemFieldMessage } from '../../../lib/problem-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useBulkReassign } from '../api/bulk-reassign.ts';
import { useActiveUsers } from '../api/list-active-users.ts';
import '../../../lib/i18n/account.bundle.ts';

type Row = { key: number; fromUserId: string; toUserId: string };

const userLabel = (user: User) => `${user.displayName}（${user.loginId}・${user.organization.name}）`;

/** 人事異動の一括処理 (`/admin/reshuffle`): choose rows, preview the counts (dry run), confirm. */
export function ReshufflePage() {
  const { t } = useTranslation();
  const users = useActiveUsers();
  const run = useBulkReassign();
  const [rows, setRows] = useState<Row[]>([{ key: 0, fromUserId: '', toUserId: '' }]);
  const [disable, setDisable] = useState<string[]>([]);
  const [preview, setPreview] = useState<BulkReassignResult | null>(null);
  const [done, setDone] = useState<BulkReassignResult | null>(null);
  const [confirming, setConfirming] = useState(false);

  const input = (): BulkReassignInput => ({
    assignments: rows
      .filter((r) => r.fromUserId && r.toUserId)
      .map(({ fromUserId, toUserId }) => ({ fromUserId, toUserId })),
    disableUserIds: disable,
  });
  const edit = (change: () => void) => {
    change();
    setPreview(null);
    setDone(null);
    run.reset();
  };
  const setRow = (key: number, patch: Partial<Row>) =>
    edit(() => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r))));
  const fieldMessage = (field: string) => problemFieldMessage(run.error, field);

  if (users.isPending) return <Loading />;
  if (users.isError) return <QueryError error={users.error} onRetry={() => void users.refetch()} />;
  const active = users.data.filter((u) => u.disabledAt === null);
  const userOptions = (
    <>
      <option value="">{t('accounts.reshuffle.choose')}</option>
      <Options items={active} value={(u) => u.id} label={userLabel} />
    </>
  );

  return (
    <>
      <PageHeading documentTitle={t('accounts.reshuffle.title')} lead={t('accounts.reshuffle.lead')}>
        {t('accounts.reshuffle.title')}
      </PageHeading>
      <div className="flex flex-col gap-8">
        {done ? (
          <Alert tone="success" title={t('accounts.reshuffle.done')}>
            <p>
              {t('accounts.reshuffle.doneDetail', {
                moved: done.moves.reduce((sum, m) => sum + m.openCases, 0),
                disabled: done.disabled.length,
              })}
            </p>
          </Alert>
        ) : null}
        {run.error ? (
          <ErrorSummary
            title={problemMessage(run.error, t)}
            messages={
              run.error instanceof ApiError ? (run.error.problem.errors ?? []).map((e) => e.message) : []
            }
          />
        ) : null}
        <Section
          id="reshuffle-rows"
          title={t('accounts.reshuffle.rowsHeading')}
          size="medium"
          className="flex flex-col gap-6"
        >
          {rows.map((row, index) => (
            <fieldset key={row.key} className="flex flex-col gap-4 border-solid-gray-420 border-b pb-6">
              <legend className="text-std-17B-170">{t('accounts.reshuffle.row', { n: index + 1 })}</legend>
              <SelectField
                id={`reshuffle-from-${index}`}
                label={t('accounts.reshuffle.from')}
                value={row.fromUserId}
                error={fieldMessage(`assignments.${index}.fromUserId`)}
                onChange={(e) => setRow(row.key, { fromUserId: e.target.value })}
              >
                {userOptions}
              </SelectField>
              <SelectField
                id={`reshuffle-to-${index}`}
                label={t('accounts.reshuffle.to')}
                supportText={t('accounts.reshuffle.toSupport')}
                value={row.toUserId}
                error={fieldMessage(`assignments.${index}.toUserId`)}
                onChange={(e) => setRow(row.key, { toUserId: e.target.value })}
              >
                {userOptions}
              </SelectField>
              {rows.length > 1 ? (
                <div>
                  <Button
                    type="button"
                    variant="text"
                    size="sm"
                    onClick={() => edit(() => setRows(rows.filter((r) => r.key !== row.key)))}
                  >
                    {t('accounts.reshuffle.removeRow', { n: index + 1 })}
                  </Button>
                </div>
              ) : null}
            </fieldset>
          ))}
          <div>
            <Button
              type="button"
              variant="outline"
              onClick={() =>
                edit(() =>
                  setRows([
                    ...rows,
                    { key: Math.max(...rows.map((r) => r.key)) + 1, fromUserId: '', toUserId: '' },
                  ]),
                )
              }
            >
              {t('accounts.reshuffle.addRow')}
            </Button>
          </div>
        </Section>
        <CheckboxGroup
          legend={t('accounts.reshuffle.disableLegend')}
          supportText={t('accounts.reshuffle.disableSupport')}
        >
          {active.map((u) => (
            <Checkbox
              key={u.id}
              id={`reshuffle-disable-${u.loginId}`}
              label={userLabel(u)}
              checked={disable.includes(u.id)}
              onChange={(e) =>
                edit(() =>
                  setDisable(e.target.checked ? [...disable, u.id] : disable.filter((id) => id !== u.id)),
                )
              }
            />
          ))}
        </CheckboxGroup>
        <div>
          <Button
            type="button"
            aria-disabled={run.isPending || undefined}
            onClick={() =>
              !run.isPending && run.mutate({ ...input(), dryRun: true }, { onSuccess: setPreview })
            }
          >
            {t('accounts.reshuffle.preview')}
          </Button>
        </div>
        {preview ? (
          <Section
            id="reshuffle-preview"
            title={t('accounts.reshuffle.previewHeading')}
            size="medium"
            className="flex flex-col gap-6"
          >
            <Table caption={t('accounts.reshuffle.movesCaption')}>
              <TableHead columns={textsUnder(t, 'accounts.reshuffle', ['from', 'to', 'openCases'])} />
              <tbody>
                {preview.moves.map((m) => (
                  <tr key={m.fromUser.id}>
                    <Th scope="row" className="break-keep sm:whitespace-nowrap">
                      {m.fromUser.displayName}
                    </Th>
                    <Td className="break-keep sm:whitespace-nowrap">{m.toUser.displayName}</Td>
                    <Td>{t('accounts.reshuffle.cases', { count: m.openCases })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Table caption={t('accounts.reshuffle.disabledCaption')}>
              <TableHead
                columns={textsUnder(t, 'accounts.reshuffle', ['account', 'sessions', 'casesLeft'])}
              />
              <tbody>
                {preview.disabled.map((d) => (
                  <tr key={d.user.id}>
                    <Th scope="row" className="break-keep sm:whitespace-nowrap">
                      {d.user.displayName}
                    </Th>
                    <Td>{d.sessionsEnded}</Td>
                    <Td>{t('accounts.reshuffle.cases', { count: d.openCasesLeft })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <div>
              <Button type="button" onClick={() => setConfirming(true)}>
                {t('accounts.reshuffle.execute')}
              </Button>
            </div>
          </Section>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('accounts.reshuffle.confirmTitle')}
        confirmLabel={t('accounts.reshuffle.execute')}
        busy={run.isPending}
        error={run.error ? problemMessage(run.error, t) : undefined}
        onConfirm={() =>
          run.mutate(
            { ...input(), dryRun: false },
            {
              onSuccess: (result) => {
                setConfirming(false);
                setPreview(null);
                setRows([{ key: 0, fromUserId: '', toUserId: '' }]);
                setDisable([]);
                setDone(result);
              },
            },
          )
        }
        onCancel={() => setConfirming(false)}
      >
        <p>{t('accounts.reshuffle.confirmBody')}</p>
      </ConfirmDialog>
    </>
  );
}
