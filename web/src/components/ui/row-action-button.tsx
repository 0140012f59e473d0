import { useTranslation } from 'react-i18next';
import { Button, type ButtonProps } from './button.tsx';

export type RowActionButtonProps = Omit<ButtonProps, 'size' | 'children' | 'aria-label'> & {
  /** What the button does (「受理」, 「無効化」…): its text. */
  action: string;
  /** Whom or what of the row it acts on, read out with the action (「受理：山田 太郎」). */
  name: string;
};

/** A small button acting on one row of a list, named for screen readers with the row's record. */
export function RowActionButton({ action, name, ...button }: RowActionButtonProps) {
  const { t } = useTranslation();
  return (
    <Button size="sm" aria-label={t('common.actionFor', { action, name })} {...button}>
      {action}
    </Button>
  );
}
