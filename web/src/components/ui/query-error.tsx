import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problem-message.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

/** The error banner for a failed load, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert tone="error" title={t('page.errorTitle')}>
      <p>{problemMessage(error, t)}</p>
      {onRetry ? (
        <Button variant="outline" size="sm" className="mt-3" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
