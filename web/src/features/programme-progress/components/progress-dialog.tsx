import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../../../src/contract/recidivismPlan.ts';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { problemAlertOf } from '../../../components/ui/problem-alert.tsx';
import { Options, SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { problemFieldMessages } from '../../../lib/problem-fields.ts';
import { useSaveProgress } from '../api/save-progress.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

type Values = {
  statusText: string;
  resultValue: string;
  resultUnit: string;
  evaluation: string;
  issuesDirection: string;
};

function valuesOf(progress: Progress | null): Values {
  return {
    statusText: progress?.statusText ?? '',
    resultValue:
      progress?.resultValue === null || progress?.resultValue === undefined
        ? ''
        : String(progress.resultValue),
    resultUnit: progress?.resultUnit ?? '',
    evaluation: progress?.evaluation?.code ?? '',
    issuesDirection: progress?.issuesDirection ?? '',
  };
}

/**
 * One programme's progress for the 年度, entered in a modal dialog (mounted afresh for each programme);
 * the server validates and answers field errors.
 */
export function ProgressDialog({
  open,
  programme,
  fiscalYear,
  fiscalYearLabel,
  progress,
  scale,
  onClose,
  onSaved,
}: {
  open: boolean;
  programme: { id: string; name: string };
  fiscalYear: number;
  fiscalYearLabel: string;
  progress: Progress | null;
  scale: readonly { code: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveProgress();
  const [values, setValues] = useState<Values>(() => valuesOf(progress));
  const [localError, setLocalError] = useState<string | null>(null);
  const serverErrors = problemFieldMessages(save.error);
  const set = (key: keyof Values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [key]: value }));
  };
  /** A field bound to its value, its change and the server's message for it. */
  const field = (key: keyof Values) => ({
    value: values[key],
    onChange: set(key),
    error: serverErrors.get(key),
  });
  const wire = useFieldWiring(field, { idPrefix: 'progress', textPrefix: 'recidivism.progress' });

  return (
    <FormDialog
      open={open}
      title={t('recidivism.progress.dialogTitle', { name: programme.name, year: fiscalYearLabel })}
      description={t('recidivism.progress.dialogLead')}
      submitLabel={save.isPending ? t('common.saving') : t('recidivism.progress.save')}
      cancelLabel={t('common.cancel')}
      busy={save.isPending}
      error={problemAlertOf(save.error)}
      onCancel={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        const raw = values.resultValue.normalize('NFKC').replaceAll(',', '').trim();
        const resultValue = raw === '' ? null : Number(raw);
        if (resultValue !== null && !Number.isFinite(resultValue)) {
          setLocalError(t('recidivism.progress.resultValueSupport'));
          return;
        }
        setLocalError(null);
        save.mutate(
          {
            programmeId: programme.id,
            fiscalYear,
            input: {
              statusText: values.statusText,
              resultValue,
              resultUnit: values.resultUnit.trim() || null,
              evaluation: values.evaluation || null,
              issuesDirection: values.issuesDirection,
            },
          },
          { onSuccess: onSaved },
        );
      }}
    >
      <div className="flex flex-col gap-6">
        <TextareaField {...wire('statusText', { id: 'progress-status' })} rows={4} />
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
          <TextField
            {...wire('resultValue', { support: 'resultValueSupport' })}
            inputMode="decimal"
            error={localError ?? serverErrors.get('resultValue')}
          />
          <TextField {...wire('resultUnit', { support: 'resultUnitSupport' })} />
        </div>
        <SelectField {...wire('evaluation')}>
          <option value="">{t('recidivism.progress.evaluationNone')}</option>
          <Options
            items={scale}
            value={(grade) => grade.code}
            label={(grade) =>
              t('recidivism.progress.evaluationOption', { code: grade.code, label: grade.label })
            }
          />
        </SelectField>
        <TextareaField {...wire('issuesDirection', { id: 'progress-issues' })} rows={3} />
      </div>
    </FormDialog>
  );
}
