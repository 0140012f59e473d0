import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ui/confirm-dialog.tsx';
import { onApiActivity } from '../lib/api-client.ts';

/**
 * The server records activity at most every 30 s, so its idle clock may have started up to 30 s
 * before our last request: end the local session that much early rather than late.
 */
const serverTouchSlackSeconds = 30;

function localTimeoutSeconds(idleTimeoutSeconds: number): number {
  return idleTimeoutSeconds > serverTouchSlackSeconds * 4
    ? idleTimeoutSeconds - serverTouchSlackSeconds
    : idleTimeoutSeconds;
}

/** How long before the idle timeout the warning appears (WCAG 2.2.1 asks for at least 20 s). */
function warningLeadSeconds(idleTimeoutSeconds: number): number {
  return Math.max(20, Math.min(60, Math.floor(idleTimeoutSeconds / 2)));
}

/**
 * Mirrors the server's idle timeout: every answered API request restarts the clock. Shortly
 * before it runs out the user is warned and may continue (one request keeps the session);
 * when it runs out the app signs out locally so no personal data stays on an unattended screen.
 */
export function IdleTimeout({
  idleTimeoutSeconds,
  onContinue,
  onExpire,
  onSignOut,
}: {
  idleTimeoutSeconds: number;
  onContinue: () => void;
  onExpire: () => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const [warning, setWarning] = useState(false);
  const timeout = localTimeoutSeconds(idleTimeoutSeconds);
  const lead = warningLeadSeconds(timeout);

  useEffect(() => {
    if (!(timeout > 0)) return;
    let warnTimer: ReturnType<typeof setTimeout> | undefined;
    let expireTimer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(warnTimer);
      clearTimeout(expireTimer);
      setWarning(false);
      warnTimer = setTimeout(() => setWarning(true), Math.max(0, timeout - lead) * 1000);
      expireTimer = setTimeout(onExpire, timeout * 1000);
    };
    restart();
    const stop = onApiActivity(restart);
    return () => {
      stop();
      clearTimeout(warnTimer);
      clearTimeout(expireTimer);
    };
  }, [timeout, lead, onExpire]);

  return (
    <ConfirmDialog
      open={warning}
      title={t('idle.title')}
      confirmLabel={t('idle.continue')}
      cancelLabel={t('idle.signOutNow')}
      onConfirm={onContinue}
      onCancel={onSignOut}
      onDismiss={onContinue}
    >
      <p>{t('idle.body', { seconds: lead })}</p>
    </ConfirmDialog>
  );
}
