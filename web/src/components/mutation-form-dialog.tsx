import { useTranslation } from 'react-i18next';
import { FormDialog, type FormDialogProps } from './ui/form-dialog.tsx';
import { problemAlertOf } from './ui/problem-alert.tsx';

export type MutationFormDialogProps = Omit<FormDialogProps, 'busy' | 'error' | 'cancelLabel'> & {
  /** What the form sends: the dialog is busy while it is pending and shows the problem it answered. */
  mutation: { isPending: boolean; error: unknown };
  /** The cancel button's text; the common "cancel" unless given. */
  cancelLabel?: string;
};

/** A `FormDialog` whose form sends one mutation: busy while it is on its way, its problem shown above the fields. */
export function MutationFormDialog({ mutation, cancelLabel, ...dialog }: MutationFormDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog
      {...dialog}
      cancelLabel={cancelLabel ?? t('common.cancel')}
      busy={mutation.isPending}
      error={problemAlertOf(mutation.error)}
    />
  );
}
