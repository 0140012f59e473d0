import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ConfirmDialog, type ConfirmedAction } from './confirm-dialog.tsx';
import { TextareaField } from './textarea-field.tsx';

/** A contract schema for a body of the form `{ reason }` (差戻し, 辞退 …). */
export type ReasonSchema = z.ZodType<{ reason: string }, { reason: string }>;

export type ReasonDialogProps = {
  open: boolean;
  title: string;
  /** What is about to happen, above the reason box. */
  children: ReactNode;
  reasonLabel: string;
  reasonSupport: string;
  /** The same schema the server validates the body with. */
  schema: ReasonSchema;
  confirmLabel: string;
  /** 「キャンセル」 unless given. */
  cancelLabel?: string;
  busy?: boolean;
  /** The refusal of the last attempt, shown inside the dialog. */
  error?: ReactNode;
  /** The action confirmed, for `busy` and `error` (its refusal). */
  action?: ConfirmedAction;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/** A confirm dialog that needs a written reason, validated before it is sent. */
export function ReasonDialog({
  open,
  children,
  reasonLabel,
  reasonSupport,
  schema,
  onConfirm,
  ...dialog
}: ReasonDialogProps) {
  const busy = dialog.busy ?? dialog.action?.isPending;
  const id = `reason-${useId()}`;
  const form = useForm<{ reason: string }, unknown, { reason: string }>({
    resolver: zodResolver(schema),
    defaultValues: { reason: '' },
  });
  const { reset } = form;
  useEffect(() => {
    if (open) reset({ reason: '' });
  }, [open, reset]);
  const confirm = form.handleSubmit((values) => {
    if (!busy) onConfirm(values.reason);
  });
  return (
    <ConfirmDialog {...dialog} open={open} busy={busy} onConfirm={() => void confirm()}>
      <div className="flex flex-col gap-4">
        {children}
        <TextareaField
          id={id}
          label={reasonLabel}
          supportText={reasonSupport}
          required
          rows={4}
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
      </div>
    </ConfirmDialog>
  );
}
