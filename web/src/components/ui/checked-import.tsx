import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../../src/contract/problem.ts';
import { ApiError } from '../../lib/api-client.ts';
import { fileToBase64 } from '../../lib/file-base64.ts';
import { problemMessage } from '../../lib/problem-message.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { FileField } from './file-field.tsx';

/** What an import sends: the file, and whether this is only the check (a dry run). */
export type ImportRequest = { fileName: string; contentBase64: string; dryRun: boolean };

/** The row or field errors a refused import carries. */
export type RefusedImportErrors = NonNullable<Problem['errors']>;

type Picked = { fileName: string; contentBase64: string };

/** The words of a checked import, each a key of the importing page's own dictionary. */
export type CheckedImportText =
  | 'chooseFirst'
  | 'readFailed'
  | 'file'
  | 'fileSupport'
  | 'check'
  | 'checking'
  | 'run'
  | 'running';

/**
 * A file import that is checked before it is run: the file picked, the check's answer (a dry run),
 * the run's answer. Picking another file forgets both; `start(false)` runs what was checked.
 */
export function useCheckedImport<Result extends { dryRun: boolean }>(
  run: UseMutationResult<Result, Error, ImportRequest>,
  /** The page's text for a key (loaded with the page's dictionary). */
  text: (key: CheckedImportText) => string,
) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [check, setCheck] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);

  const start = (dryRun: boolean) => {
    if (run.isPending) return;
    if (!picked) {
      setPickError(text('chooseFirst'));
      return;
    }
    run.mutate(
      { ...picked, dryRun },
      {
        onSuccess: (result) => {
          if (result.dryRun) setCheck(result);
          else {
            setDone(result);
            setCheck(null);
          }
        },
      },
    );
  };
  const pick = (file: File | null) => {
    setCheck(null);
    setDone(null);
    run.reset();
    setPickError(null);
    if (!file) return setPicked(null);
    fileToBase64(file)
      .then((contentBase64) => setPicked({ fileName: file.name, contentBase64 }))
      .catch(() => setPickError(text('readFailed')));
  };
  return { run, check, done, pickError, start, pick, text };
}

/**
 * The form of a checked import: the file field, 「確認」 (the dry run) and, once `canRun`, the
 * button that runs the import; after it, why the run failed, with the errors a refused file carries
 * drawn by `refused`.
 */
export function CheckedImportForm<Result extends { dryRun: boolean }>({
  importer,
  accept,
  canRun,
  refused,
}: {
  importer: ReturnType<typeof useCheckedImport<Result>>;
  accept: string;
  canRun: boolean;
  refused: (errors: RefusedImportErrors) => ReactNode;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const { run, text } = importer;
  const refusedErrors = run.error instanceof ApiError ? run.error.problem.errors : undefined;
  return (
    <>
      <form
        noValidate
        className="flex flex-col gap-6"
        onSubmit={(event) => {
          event.preventDefault();
          importer.start(true);
        }}
      >
        <FileField
          id={inputId}
          required
          label={text('file')}
          supportText={text('fileSupport')}
          accept={accept}
          error={importer.pickError}
          onPick={importer.pick}
        />
        <div className="flex flex-wrap gap-6">
          <Button type="submit" variant={canRun ? 'outline' : 'solid-fill'}>
            {run.isPending && run.variables?.dryRun ? text('checking') : text('check')}
          </Button>
          {canRun ? (
            <Button onClick={() => importer.start(false)} aria-disabled={run.isPending || undefined}>
              {run.isPending && !run.variables?.dryRun ? text('running') : text('run')}
            </Button>
          ) : null}
        </div>
      </form>
      {run.error ? (
        <div className="flex flex-col gap-4">
          <Alert tone="error" title={problemMessage(run.error, t)} />
          {refusedErrors?.length ? refused(refusedErrors) : null}
        </div>
      ) : null}
    </>
  );
}
