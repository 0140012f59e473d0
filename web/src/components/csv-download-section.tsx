import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problem-message.ts';
import { Alert } from './ui/alert.tsx';
import { Button } from './ui/button.tsx';
import { Section } from './ui/section.tsx';

export type CsvEncoding = 'utf-8' | 'shift_jis';

/** The texts of one download section, already translated by the page that shows it. */
export interface CsvDownloadLabels {
  title: string;
  note: string;
  utf8: string;
  shiftJis: string;
  downloading: string;
  failed: string;
  downloaded: (fileName: string) => string;
}

/** Where a page's CSV export stands: which encoding is being downloaded, the failure, the file saved. */
export interface CsvDownloadState {
  pendingEncoding: CsvEncoding | undefined;
  error: unknown;
  downloadedName: string | undefined;
  download: (encoding: CsvEncoding) => void;
}

/**
 * A CSV download in UTF-8 (BOM) or Shift_JIS, as the audit log and the disposal record offer it:
 * one button per encoding (inert while a download runs), then the failure or the saved file's name.
 */
export function CsvDownloadSection({
  id,
  labels,
  state,
}: {
  id: string;
  labels: CsvDownloadLabels;
  state: CsvDownloadState;
}) {
  const { t } = useTranslation();
  const pending = state.pendingEncoding !== undefined;
  return (
    <Section id={id} title={labels.title} size="hidden" className="flex flex-col gap-3">
      <p className="text-std-16N-170 text-solid-gray-700">{labels.note}</p>
      <div className="flex flex-wrap gap-4">
        {(['utf-8', 'shift_jis'] as const).map((encoding) => (
          <Button
            key={encoding}
            variant="outline"
            aria-disabled={pending || undefined}
            onClick={() => {
              if (!pending) state.download(encoding);
            }}
          >
            {state.pendingEncoding === encoding
              ? labels.downloading
              : encoding === 'utf-8'
                ? labels.utf8
                : labels.shiftJis}
          </Button>
        ))}
      </div>
      {state.error ? (
        <Alert tone="error" title={labels.failed}>
          {problemMessage(state.error, t)}
        </Alert>
      ) : state.downloadedName !== undefined ? (
        <Alert tone="success" title={labels.downloaded(state.downloadedName)} />
      ) : null}
    </Section>
  );
}
