import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/download.ts';

/** `GET /api/persons/:id/disclosure?format=pdf|json&purpose=` → saved as a file (persons.disclosureExport). */
export function exportDisclosure(personId: string, format: 'pdf' | 'json', purpose: string): Promise<string> {
  const query = new URLSearchParams({ format });
  if (purpose.trim()) query.set('purpose', purpose.trim());
  return downloadFile(
    `/api/persons/${encodeURIComponent(personId)}/disclosure?${query}`,
    `disclosure.${format}`,
  );
}

export function useExportDisclosure() {
  return useMutation({
    mutationFn: ({
      personId,
      format,
      purpose,
    }: {
      personId: string;
      format: 'pdf' | 'json';
      purpose: string;
    }) => exportDisclosure(personId, format, purpose),
  });
}
