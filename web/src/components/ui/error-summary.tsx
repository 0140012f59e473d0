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
