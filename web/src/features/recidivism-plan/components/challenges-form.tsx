import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Challenge } from '../../../../../src/contract/recidivismPlan.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { problemFieldMessages } from '../../../lib/problem-fields.ts';
import { useUpdateChallenges } from '../api/update-challenges.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

type Row = { key: string; id?: string; title: string };

/** Keys for rows not saved yet (React needs a stable key before the server gives an id). */
let unsavedRows = 0;

/** 課題の編集: rename, reorder (up / down buttons, keyboard usable), add and remove challenges. */
export function ChallengesForm({
  challenges,
  onDone,
  onCancel,
}: {
  challenges: readonly Challenge[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateChallenges();
  const [rows, setRows] = useState<Row[]>(() =>
    challenges.map((c) => ({ key: c.id, id: c.id, title: c.title })),
  );
  const fieldErrors = problemFieldMessages(update.error);
  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });

  return (
    <Section
      id="challenges-form-heading"
      title={t('recidivism.challenges.formHeading')}
      className="flex flex-col gap-6 print:hidden"
    >
      <p>{t('recidivism.challenges.formLead')}</p>
      <ProblemAlert error={update.error} />
      <form
        noValidate
        className="flex max-w-[56rem] flex-col gap-6"
        onSubmit={(event) => {
          event.preventDefault();
          if (update.isPending) return;
          update.mutate(
            { items: rows.map((row) => ({ ...(row.id ? { id: row.id } : {}), title: row.title })) },
            { onSuccess: onDone },
          );
        }}
      >
        <ol className="flex flex-col gap-4">
          {rows.map((row, index) => (
            <li key={row.key} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
              <TextField
                id={`challenge-${index}-title`}
                label={t('recidivism.challenges.title', { position: index + 1 })}
                required
                value={row.title}
                error={fieldErrors.get(`items.${index}.title`)}
                onChange={(event) => {
                  const title = event.currentTarget.value;
                  setRows((current) => current.map((r, i) => (i === index ? { ...r, title } : r)));
                }}
              />
              <div className="flex flex-wrap gap-4">
                <Button variant="text" size="sm" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t('recidivism.challenges.moveUp', { position: index + 1 })}
                </Button>
                <Button
                  variant="text"
                  size="sm"
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                >
                  {t('recidivism.challenges.moveDown', { position: index + 1 })}
                </Button>
                {rows.length > 1 ? (
                  <Button
                    variant="text"
                    size="sm"
                    onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                  >
                    {t('recidivism.challenges.remove', { position: index + 1 })}
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
        <div>
          <Button
            variant="outline"
            onClick={() => setRows((current) => [...current, { key: `new-${++unsavedRows}`, title: '' }])}
          >
            {t('recidivism.challenges.add')}
          </Button>
        </div>
        <div className="flex flex-wrap items-center gap-6">
          <SubmitButton busy={update.isPending}>{t('recidivism.challenges.save')}</SubmitButton>
          <Button variant="text" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
