import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problem-message.ts';
import { Alert } from './alert.tsx';

/** What went wrong with a request (`problemMessage`), as an error alert; nothing while there is no error. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return error ? <Alert tone="error" title={problemMessage(error, t)} /> : null;
}

/** A `ProblemAlert` for a dialog's `error` slot: `null` without an error, so the dialog leaves the slot out. */
export function problemAlertOf(error: unknown) {
  return error ? <ProblemAlert error={error} /> : null;
}
