import { useTranslation } from 'react-i18next';
import { Button, type ButtonProps } from './ui/button.tsx';

export type ActionForButtonProps = Omit<ButtonProps, 'children' | 'aria-label'> & {
  /** What the button does; its visible text. */
  action: string;
  /** Which of the listed things it does it to; screen readers hear it after the action. */
  name: string;
};

/**
 * A small button doing `action` to one of the things listed beside it (a row, a candidate): it shows
 * the action, and its accessible name says which thing (`common.actionFor`).
 */
export function ActionForButton({
  action,
  name,
  variant = 'outline',
  size = 'sm',
  ...button
}: ActionForButtonProps) {
  const { t } = useTranslation();
  return (
    <Button variant={variant} size={size} aria-label={t('common.actionFor', { action, name })} {...button}>
      {action}
    </Button>
  );
}
