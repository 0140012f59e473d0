import type { UseMutationResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { fileToBase64 } from '../../lib/file-base64.ts';
import { Button } from './button.tsx';
import { FileField } from './file-field.tsx';

/** What an import sends: the file, and whether this is only the check (a dry run). */
export type ImportRequest = { fileName: string; contentBase64: string; dryRun: boolean };

type Picked = { fileName: string; contentBase64: string };

/**
 * A file import that is checked before it is run: the file picked, the check's answer (a dry run),
 * the run's answer. Picking another file forgets both; `start(false)` runs what was checked.
 */
export function useCheckedImport<Result extends { dryRun: boolean }>(
  run: UseMutationResult<Result, Error, ImportRequest>,
  texts: { chooseFirst: string; readFailed: string },
) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [check, setCheck] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);

  const start = (dryRun: boolean) => {
    if (run.isPending) return;
    if (!picked) {
      setPickError(texts.chooseFirst);
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
      .catch(() => setPickError(texts.readFailed));
  };
  return { run, check, done, pickError, start, pick };
}

/**
 * The form of a checked import: the file field, 「確認」 (the dry run) and, once `canRun`, the
 * button that runs the import.
 */
export function CheckedImportForm<Result extends { dryRun: boolean }>({
  importer,
  accept,
  canRun,
  texts,
}: {
  importer: ReturnType<typeof useCheckedImport<Result>>;
  accept: string;
  canRun: boolean;
  texts: {
    file: string;
    fileSupport: string;
    check: string;
    checking: string;
    run: string;
    running: string;
  };
}) {
  const inputId = useId();
  const { run } = importer;
  return (
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
        label={texts.file}
        supportText={texts.fileSupport}
        accept={accept}
        error={importer.pickError}
        onPick={importer.pick}
      />
      <div className="flex flex-wrap gap-6">
        <Button type="submit" variant={canRun ? 'outline' : 'solid-fill'}>
          {run.isPending && run.variables?.dryRun ? texts.checking : texts.check}
        </Button>
        {canRun ? (
          <Button onClick={() => importer.start(false)} aria-disabled={run.isPending || undefined}>
            {run.isPending && !run.variables?.dryRun ? texts.running : texts.run}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
