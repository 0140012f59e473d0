import { useTranslation } from 'react-i18next';
import type { PrintInput } from '../../../../src/contract/auditEvents.ts';
import { useAuditedPrint } from '../../lib/audited-print.ts';
import { problemMessage } from '../../lib/problem-message.ts';
import { Alert } from './alert.tsx';
import { Button, type ButtonVariant } from './button.tsx';
import '../../lib/i18n/admin.bundle.ts';

export type AuditedPrintButtonProps = {
  resource: PrintInput;
  label: string;
  variant?: ButtonVariant;
  className?: string;
};

/**
 * A print button that records the print in the audit trail before printing (prints.record) and
 * prints only after that succeeds; otherwise it shows why nothing was printed.
 */
export function AuditedPrintButton({
  resource,
  label,
  variant = 'outline',
  className,
}: AuditedPrintButtonProps) {
  const { t } = useTranslation();
  const print = useAuditedPrint();
  return (
    <div className={`flex flex-col items-start gap-2 print:hidden ${className ?? ''}`}>
      <Button
        variant={variant}
        aria-disabled={print.isPending || undefined}
        onClick={() => {
          if (!print.isPending) print.mutate(resource);
        }}
      >
        {print.isPending ? t('audit.print.recording') : label}
      </Button>
      {print.isError ? (
        <Alert tone="error" title={t('audit.print.failed')}>
          {problemMessage(print.error, t)}
        </Alert>
      ) : null}
    </div>
  );
}
