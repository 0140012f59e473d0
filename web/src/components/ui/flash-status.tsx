/** The message a previous page left (`setFlash`, taken with `useFlash`), read out as a status; nothing without one. */
export function FlashStatus({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="rounded-8 border border-green-900 bg-green-50 p-4">
      {message}
    </p>
  );
}
