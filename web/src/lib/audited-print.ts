import { useMutation } from '@tanstack/react-query';
import { type PrintInput, printRecordSchema } from '../../../src/contract/auditEvents.ts';
import { apiRequest } from './api-client.ts';

/** `POST /api/prints` → the print is recorded in the audit trail (prints.record). */
export function recordPrint(input: PrintInput) {
  return apiRequest('POST', '/api/prints', { body: input, schema: printRecordSchema });
}

/**
 * Printing personal data is audited: record the print first, and open the browser's print dialog
 * only once the server has recorded it. If recording fails nothing is printed; the error is kept
 * on the mutation for the page to show.
 */
export function useAuditedPrint() {
  return useMutation({
    mutationFn: recordPrint,
    onSuccess: () => {
      // let React paint (e.g. drop a "recording…" label) before the dialog freezes the page
      requestAnimationFrame(() => window.print());
    },
  });
}
