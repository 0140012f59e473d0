import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Radio } from '../../../components/ui/radio.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useMe } from '../../../lib/me-context.tsx';
import { type ReferralTarget, useReferralTargets } from '../api/list-referral-targets.ts';
import { errorAt, fieldId, type OutcomeKind, useConsultationForm } from './consultation-form-values.ts';
import '../../../lib/i18n/casework.bundle.ts';

const kinds: readonly OutcomeKind[] = ['ownAgency', 'referral', 'handover'];

/** The つなぎ先 choices: other organisations; the coordinating section is reached by 引継ぎ instead. */
export function referralChoices(
  targets: readonly ReferralTarget[],
  ownOrganizationId: string,
): ReferralTarget[] {
  return targets.filter((target) => target.id !== ownOrganizationId && !target.isCoordinatingSection);
}

/** 対応: 自機関で対応 / 他機関へつなぐ (+ つなぎ先, メモ) / 重層事業へ引継ぎ (+ 理由, 利用・検討した制度). */
export function OutcomeFields() {
  const { t } = useTranslation();
  const me = useMe();
  const { register, control, errors, fieldProps } = useConsultationForm();
  const kind = useWatch({ control, name: 'outcome.kind' });
  const consent = useWatch({ control, name: 'consentToShare' });
  const targets = useReferralTargets({ enabled: kind === 'referral' });

  return (
    <div className="flex flex-col gap-6">
      <RadioGroup
        legend={t('consultations.form.outcome.legend')}
        required
        error={errorAt(errors, 'outcome.kind') ?? errorAt(errors, 'outcome')}
      >
        {kinds.map((option, index) => (
          <Radio
            key={option}
            id={index === 0 ? fieldId('outcome.kind') : `${fieldId('outcome.kind')}-${option}`}
            value={option}
            label={t(`consultations.outcome.${option}`)}
            description={t(`consultations.form.outcome.${option}Description`)}
            {...register('outcome.kind')}
          />
        ))}
      </RadioGroup>

      {kind === 'referral' ? (
        <div className="flex flex-col gap-6 border-l-4 border-blue-900 pl-4 sm:pl-6">
          {consent === 'false' ? (
            <Alert tone="warning" title={t('consultations.form.outcome.referralNeedsConsent')} live={false} />
          ) : null}
          <SelectField
            id={fieldId('outcome.toOrganizationId')}
            label={t('consultations.form.outcome.toOrganization')}
            required
            error={
              errorAt(errors, 'outcome.toOrganizationId') ??
              (targets.isError ? t('consultations.form.outcome.targetsUnavailable') : undefined)
            }
            {...register('outcome.toOrganizationId')}
          >
            <option value="">
              {targets.isPending ? t('common.loading') : t('consultations.form.choose')}
            </option>
            {referralChoices(targets.data ?? [], me.organization.id).map((target) => (
              <option key={target.id} value={target.id}>
                {target.name}
              </option>
            ))}
          </SelectField>
          <TextareaField
            label={t('consultations.form.outcome.note')}
            supportText={t('consultations.form.outcome.noteSupport')}
            rows={3}
            {...fieldProps('outcome.note')}
          />
        </div>
      ) : null}

      {kind === 'handover' ? (
        <div className="flex flex-col gap-6 border-l-4 border-blue-900 pl-4 sm:pl-6">
          <TextareaField
            label={t('consultations.handoverReason')}
            supportText={t('consultations.form.outcome.reasonSupport')}
            required
            {...fieldProps('outcome.reason')}
          />
          <TextareaField
            label={t('consultations.servicesTried')}
            supportText={t('consultations.form.outcome.servicesTriedSupport')}
            required
            {...fieldProps('outcome.servicesTried')}
          />
        </div>
      ) : null}
    </div>
  );
}
