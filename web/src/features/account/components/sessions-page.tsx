import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../../../src/contract/accounts.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useSessions } from '../api/list-sessions.ts';
import { useRevokeOtherSessions } from '../api/revoke-other-sessions.ts';
import { useRevokeSession } from '../api/revoke-session.ts';
import '../../../lib/i18n/account.bundle.ts';

/** 「ログイン中の端末」 (`/account/sessions`): my own sessions, and signing devices out. */
export function SessionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = currentLanguage();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const [confirming, setConfirming] = useState<SessionSummary | 'others' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const confirm = () => {
    if (confirming === null) return;
    if (confirming === 'others') {
      revokeOthers.mutate(undefined, {
        onSuccess: ({ revoked }) => {
          setDone(t('accounts.sessions.othersRevoked', { count: revoked }));
          setConfirming(null);
        },
      });
      return;
    }
    const target = confirming;
    revoke.mutate(target.id, {
      onSuccess: () => {
        setConfirming(null);
        if (target.current) void navigate({ to: '/signin', search: { reason: 'signedOut' } });
        else setDone(t('accounts.sessions.revoked', { device: target.label }));
      },
    });
  };
  const error = revoke.error ?? revokeOthers.error;
  const others = (sessions.data ?? []).filter((s) => !s.current).length;

  return (
    <>
      <PageHeading documentTitle={t('accounts.sessions.title')} lead={t('accounts.sessions.lead')}>
        {t('accounts.sessions.title')}
      </PageHeading>
      <div className="flex flex-col gap-6">
        {done ? <Alert tone="success" title={done} /> : null}
        <QueryView query={sessions}>
          {(data) => (
            <>
              <div>
                <Button
                  type="button"
                  variant="outline"
                  aria-disabled={others === 0 || undefined}
                  onClick={() => others > 0 && setConfirming('others')}
                >
                  {t('accounts.sessions.revokeOthers')}
                </Button>
              </div>
              <Table
                caption={t('accounts.sessions.caption')}
                captionDetail={t('accounts.sessions.count', { count: data.length })}
              >
                <TableHead
                  columns={textsUnder(t, 'accounts.sessions', [
                    'device',
                    'ip',
                    'createdAt',
                    'lastSeenAt',
                    'actions',
                  ])}
                />
                <tbody>
                  {data.map((session) => (
                    <tr key={session.id}>
                      <Th scope="row">
                        <span className="mr-2">{session.label}</span>
                        {session.current ? <Badge tone="info">{t('accounts.sessions.current')}</Badge> : null}
                      </Th>
                      <Td className="font-mono">{session.ip ?? '—'}</Td>
                      <Td className="whitespace-nowrap">{formatDateTime(session.createdAt, language)}</Td>
                      <Td className="whitespace-nowrap">{formatDateTime(session.lastSeenAt, language)}</Td>
                      <Td>
                        {session.abilities.revoke ? (
                          <Button
                            type="button"
                            size="sm"
                            variant="outline"
                            aria-label={t('accounts.sessions.revokeLabel', { device: session.label })}
                            onClick={() => setConfirming(session)}
                          >
                            {session.current
                              ? t('accounts.sessions.revokeCurrent')
                              : t('accounts.sessions.revoke')}
                          </Button>
                        ) : null}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </QueryView>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming === 'others'
            ? t('accounts.sessions.confirmOthersTitle')
            : confirming?.current
              ? t('accounts.sessions.confirmCurrentTitle')
              : t('accounts.sessions.confirmTitle')
        }
        confirmLabel={t('accounts.sessions.confirm')}
        busy={revoke.isPending || revokeOthers.isPending}
        error={error ? problemMessage(error, t) : undefined}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      >
        <p>
          {confirming === 'others'
            ? t('accounts.sessions.confirmOthersBody', { count: others })
            : t('accounts.sessions.confirmBody', {
                device: typeof confirming === 'object' ? confirming?.label : '',
              })}
        </p>
      </ConfirmDialog>
    </>
  );
}
