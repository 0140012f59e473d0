import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminMessages } from './admin-list.tsx';
import { Badge } from './ui/badge.tsx';
import { ConfirmDialog } from './ui/confirm-dialog.tsx';
import { RowActionButton } from './ui/row-action-button.tsx';

type Action = 'disable' | 'enable';
export type Toggleable = { id: string; disabledAt: string | null };

/**
 * Disable / enable of a record in an administration list (organisations, users): the row's button,
 * the confirmation dialog and the message once done. The texts are `<messages>.disableTitle`,
 * `.enableTitle`, `.disableBody`, `.enableBody`, `.disabledDone` and `.enabledDone`, each with `name`.
 */
export function useEnableToggle<T extends Toggleable>({
  enable,
  disable,
  messages,
  nameOf,
}: {
  enable: UseMutationResult<T, Error, string>;
  disable: UseMutationResult<T, Error, string>;
  messages: AdminMessages;
  nameOf: (record: T) => string;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<{ record: T; action: Action } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const toggle = pending?.action === 'enable' ? enable : disable;
  const verb = (action: Action | undefined) =>
    action === 'enable' ? t('common.enable') : t('common.disable');

  const close = () => {
    setPending(null);
    disable.reset();
    enable.reset();
  };

  const confirm = () => {
    if (!pending) return;
    const { record, action } = pending;
    toggle.mutate(record.id, {
      onSuccess: (saved) => {
        setDone(
          t(`${messages}.${action === 'disable' ? 'disabledDone' : 'enabledDone'}`, { name: nameOf(saved) }),
        );
        setPending(null);
      },
    });
  };

  const button = (record: T) => {
    const action: Action = record.disabledAt ? 'enable' : 'disable';
    return (
      <RowActionButton
        action={verb(action)}
        name={nameOf(record)}
        variant="outline"
        onClick={() => {
          setDone(null);
          setPending({ record, action });
        }}
      />
    );
  };

  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={t(`${messages}.${pending?.action === 'enable' ? 'enableTitle' : 'disableTitle'}`)}
      confirmLabel={verb(pending?.action)}
      action={toggle}
      onConfirm={confirm}
      onCancel={close}
    >
      <p>
        {pending
          ? t(`${messages}.${pending.action === 'enable' ? 'enableBody' : 'disableBody'}`, {
              name: nameOf(pending.record),
            })
          : null}
      </p>
    </ConfirmDialog>
  );

  return { done, button, dialog, nameOf };
}

/** What `useEnableToggle` gives a list: the message once done, a row's button, the dialog, a record's name. */
export type EnableToggle<T extends Toggleable> = ReturnType<typeof useEnableToggle<T>>;

/** 有効 or 無効, for a record of an administration list. */
export function EnabledBadge({ record }: { record: Toggleable }) {
  const { t } = useTranslation();
  return record.disabledAt ? (
    <Badge tone="muted">{t('common.disabled')}</Badge>
  ) : (
    <Badge tone="success">{t('common.enabled')}</Badge>
  );
}

/** A row's actions in an administration list: its 編集 link and its 無効化 / 有効化 button, on one line. */
export function RowActions({ children }: { children: ReactNode }) {
  return <span className="flex items-center gap-4 whitespace-nowrap">{children}</span>;
}
