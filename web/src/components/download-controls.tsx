import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problem-message.ts';
import { Alert } from './ui/alert.tsx';
import { Button, type ButtonVariant } from './ui/button.tsx';

export type DownloadButtonProps = {
  variant?: ButtonVariant;
  /** A download of the button's group runs: the button is inert (still focusable and read out). */
  pending: boolean;
  /** This button's own download runs: it says `downloadingLabel` instead of its label. */
  downloading: boolean;
  downloadingLabel: string;
  onDownload: () => void;
  children: ReactNode;
};

/** A button starting a file download, which refuses a second press while a download of its group runs. */
export function DownloadButton({
  variant = 'outline',
  pending,
  downloading,
  downloadingLabel,
  onDownload,
  children,
}: DownloadButtonProps) {
  return (
    <Button
      variant={variant}
      aria-disabled={pending || undefined}
      onClick={() => {
        if (!pending) onDownload();
      }}
    >
      {downloading ? downloadingLabel : children}
    </Button>
  );
}

/** Where a file download stands: as a mutation answering the saved file's name shows it. */
export type DownloadState =
  | { isError: true; error: unknown; isSuccess: false }
  | { isError: false; isSuccess: true; data: string }
  | { isError: false; isSuccess: false };

export type DownloadResultProps = {
  download: DownloadState;
  /** The failure's title; the server's reason follows. */
  failed: string;
  /** The success message, with the saved file's name. */
  saved: (name: string) => string;
};

/**
 * What became of a file download (a mutation answering the saved file's name): the failure titled
 * `failed` with the server's reason, or `saved(name)` once the file is saved; nothing before.
 */
export function DownloadResult({ download, failed, saved }: DownloadResultProps) {
  const { t } = useTranslation();
  if (download.isError) {
    return (
      <Alert tone="error" title={failed}>
        {problemMessage(download.error, t)}
      </Alert>
    );
  }
  return download.isSuccess ? <Alert tone="success" title={saved(download.data)} /> : null;
}
