import type { UseMutationResult } from '@tanstack/react-query';
import { DownloadButton, DownloadResult } from './download-controls.tsx';
import { Section } from './ui/section.tsx';

export type CsvEncoding = 'utf-8' | 'shift_jis';

/** The texts of a download section, each a key of the page's own dictionary. */
export type CsvDownloadText =
  | 'downloadTitle'
  | 'downloadNote'
  | 'downloadCsv'
  | 'downloadCsvSjis'
  | 'downloading'
  | 'downloadFailed'
  | 'downloaded';

/** A page's CSV export: it downloads the file in the encoding asked for and answers the saved file's name. */
export type CsvExport = UseMutationResult<string, unknown, CsvEncoding>;

/**
 * A CSV download in UTF-8 (BOM) or Shift_JIS, as the audit log and the disposal record offer it:
 * one button per encoding (inert while a download runs), then the failure or the saved file's name.
 */
export function CsvDownloadSection({
  id,
  text,
  exporter,
}: {
  id: string;
  /** The page's text for a key (loaded with the page's dictionary); `downloaded` takes the file's `name`. */
  text: (key: CsvDownloadText, values?: { name: string }) => string;
  exporter: CsvExport;
}) {
  return (
    <Section id={id} title={text('downloadTitle')} size="hidden" className="flex flex-col gap-3">
      <p className="text-std-16N-170 text-solid-gray-700">{text('downloadNote')}</p>
      <div className="flex flex-wrap gap-4">
        {(['utf-8', 'shift_jis'] as const).map((encoding) => (
          <DownloadButton
            key={encoding}
            pending={exporter.isPending}
            downloading={exporter.isPending && exporter.variables === encoding}
            downloadingLabel={text('downloading')}
            onDownload={() => exporter.mutate(encoding)}
          >
            {encoding === 'utf-8' ? text('downloadCsv') : text('downloadCsvSjis')}
          </DownloadButton>
        ))}
      </div>
      <DownloadResult
        download={exporter}
        failed={text('downloadFailed')}
        saved={(name) => text('downloaded', { name })}
      />
    </Section>
  );
}
