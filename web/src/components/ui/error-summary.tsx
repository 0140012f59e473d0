import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problem-message.ts';
import { Alert } from './alert.tsx';

/** The form-level error banner: the problem's sentence and any messages not shown beside a field. */
export function ErrorSummary({ title, messages }: { title: string; messages: readonly string[] }) {
  return (
    <Alert tone="error" title={title}>
      {messages.length > 0 ? (
        <ul className="list-disc pl-6">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/**
 * A form's error banner, if it needs one: the server's refusal of the last attempt (with the
 * messages no field took), else — when fields are in error — the common "check the fields" title.
 */
export function FormErrorSummary({
  error,
  unplaced = [],
  invalid,
  invalidMessages = [],
}: {
  /** The last attempt's error, if it failed. */
  error: unknown;
  unplaced?: readonly string[];
  /** Whether any field shows an error now. */
  invalid: boolean;
  /** Messages of the form as a whole (not of one field) to list under the common title. */
  invalidMessages?: readonly string[];
}) {
  const { t } = useTranslation();
  if (error) return <ErrorSummary title={problemMessage(error, t)} messages={unplaced} />;
  if (invalid) return <ErrorSummary title={t('form.errorSummaryTitle')} messages={invalidMessages} />;
  return null;
}
