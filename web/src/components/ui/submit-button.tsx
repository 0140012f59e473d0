import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';

/** A form's submit button: says it is saving (and refuses a second press) while `busy`. */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Button type="submit" aria-disabled={busy || undefined}>
      {busy ? t('common.saving') : children}
    </Button>
  );
}
