import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, type ButtonVariant } from '../../../components/ui/button.tsx';
import { downloadFile } from '../../../lib/download.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import '../../../lib/i18n/forms.bundle.ts';

/**
 * Downloads a 帳票 PDF the server generates. The server records the print in the audit trail as
 * it answers; a refusal (404 …) is shown here instead of a broken download.
 */
export function FormDownloadButton({
  href,
  label,
  fallbackName,
  variant = 'outline',
}: {
  href: string;
  label: string;
  fallbackName: string;
  variant?: ButtonVariant;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="flex flex-col items-start gap-2 print:hidden">
      <Button
        variant={variant}
        aria-disabled={pending || undefined}
        onClick={() => {
          if (pending) return;
          setPending(true);
          setError(null);
          downloadFile(href, fallbackName)
            .catch(setError)
            .finally(() => setPending(false));
        }}
      >
        {pending ? t('forms.download.working') : label}
      </Button>
      {error ? (
        <Alert tone="error" title={t('forms.download.failed')}>
          {problemMessage(error, t)}
        </Alert>
      ) : null}
    </div>
  );
}
