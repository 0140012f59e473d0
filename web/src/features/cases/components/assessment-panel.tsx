import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { type FieldPath, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type AssessmentInput,
  assessmentInputSchema,
  relationKinds,
} from '../../../../../src/contract/assessments.ts';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { householdFlags, issueAreas } from '../../../../../src/domain/codeLists.ts';
import { RowFieldset } from '../../../components/row-fieldset.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { MessageCheckboxes } from '../../../components/ui/message-checkboxes.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { CodeOptions, NamedOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { HouseholdSection } from '../../forms/components/household-section.tsx';
import { type OrganizationOption, useOrganizationOptions } from '../api/list-organization-options.ts';
import { useSaveAssessment } from '../api/save-assessment.ts';
import { CasePersonOptions } from './case-person-options.tsx';
import { RelationsView } from './relations-view.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/codes.bundle.ts';

type Values = z.input<typeof assessmentInputSchema>;

const fields: readonly FieldPath<Values>[] = [
  'issues',
  'householdFlags',
  'summary',
  'wishes',
  'strengths',
  'relations',
];

/** 課題整理: the latest version as recorded, and (for the coordinator) the form to record a new one. */
export function AssessmentPanel({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const organizations = useOrganizationOptions();
  const assessment = kase.assessment;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const personNames = new Map(kase.persons.map((p) => [p.id, p.name]));
  const organizationNames = new Map([
    ...kase.participants.map((p) => [p.organization.id, p.organization.name] as const),
    ...(organizations.data ?? []).map((o) => [o.id, o.name] as const),
  ]);
  const nameOf = (id: string) =>
    personNames.get(id) ?? organizationNames.get(id) ?? t('assessment.unknownTarget');
  const showForm = kase.abilities.assess && (editing || !assessment);

  return (
    <div className="flex flex-col gap-8">
      <h2 className="text-std-24B-150 text-solid-gray-900">{t('assessment.heading')}</h2>
      {saved ? <Alert tone="success" title={saved} /> : null}
      <HouseholdSection kase={kase} />
      {assessment ? (
        <section aria-labelledby="assessment-current" className="flex flex-col gap-6">
          <h3 id="assessment-current" className="text-std-20B-150 text-solid-gray-900">
            {t('assessment.version', {
              version: assessment.version,
              date: formatDateTime(assessment.recordedAt, language),
              name: assessment.recordedBy.name,
            })}
          </h3>
          <DescriptionList
            empty={t('common.none')}
            items={[
              {
                term: t('assessment.issues'),
                value: (
                  <ul className="flex flex-col gap-1">
                    {issueAreas
                      .map((area) => ({
                        area,
                        issues: assessment.issues.filter((issue) => issue.area === area.code),
                      }))
                      .filter((group) => group.issues.length > 0)
                      .map(({ area, issues }) => (
                        <li key={area.code}>
                          <span className="font-bold">{t(`codes.issueArea.${area.code}`)}</span>：
                          {issues
                            .map((issue) => t(`codes.issue.${issue.code}`))
                            .join(t('common.listSeparator'))}
                        </li>
                      ))}
                  </ul>
                ),
              },
              {
                term: t('assessment.householdFlags'),
                value:
                  assessment.householdFlags.length > 0 ? (
                    <span className="flex flex-wrap gap-2">
                      {assessment.householdFlags.map((flag) => (
                        <Badge key={flag}>{t(`codes.householdFlag.${flag}`)}</Badge>
                      ))}
                    </span>
                  ) : null,
              },
              { term: t('assessment.summary'), value: assessment.summary },
              { term: t('assessment.wishes'), value: assessment.wishes },
              { term: t('assessment.strengths'), value: assessment.strengths },
            ]}
          />
          <Section id="assessment-relations" title={t('assessment.relations')} level={3}>
            <RelationsView relations={assessment.relations} nameOf={nameOf} />
          </Section>
          {kase.abilities.assess && !editing ? (
            <div className="print:hidden">
              <Button
                variant="outline"
                onClick={() => {
                  setSaved(null);
                  setEditing(true);
                }}
              >
                {t('assessment.editHeading')}
              </Button>
            </div>
          ) : null}
        </section>
      ) : (
        <p>{t('assessment.none')}</p>
      )}
      {showForm ? (
        <AssessmentForm
          kase={kase}
          organizations={organizations.data ?? []}
          onCancel={assessment ? () => setEditing(false) : undefined}
          onSaved={(version) => {
            setEditing(false);
            setSaved(t('assessment.saved', { version }));
          }}
        />
      ) : null}
    </div>
  );
}

function defaultsOf(kase: CaseDetail): Values {
  const current = kase.assessment;
  return {
    issues: (current?.issues.map((issue) => issue.code) ?? []) as Values['issues'],
    householdFlags: (current?.householdFlags ?? []) as Values['householdFlags'],
    summary: current?.summary ?? '',
    wishes: current?.wishes ?? '',
    strengths: current?.strengths ?? '',
    relations: (current?.relations ?? []).map((relation) => ({
      from: relation.from,
      to: relation.to,
      kind: relation.kind,
      note: relation.note ?? '',
    })),
  };
}

function AssessmentForm({
  kase,
  organizations,
  onCancel,
  onSaved,
}: {
  kase: CaseDetail;
  organizations: readonly OrganizationOption[];
  onCancel: (() => void) | undefined;
  onSaved: (version: number) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAssessment();
  const form = useServerCheckedForm<Values, AssessmentInput>({
    resolver: zodResolver(assessmentInputSchema),
    defaultValues: defaultsOf(kase),
    serverError: save.error,
    serverFields: fields,
  });
  const { register, control, handleSubmit, errors, unplaced, invalid, registerField } = form;
  const relations = useFieldArray({ control, name: 'relations' });
  const field = useFieldWiring(registerField, { idPrefix: 'assessment', textPrefix: 'assessment' });

  const submit = handleSubmit((input) => {
    if (save.isPending) return;
    // mutateAsync: the callback must run even though saving unmounts this form.
    save
      .mutateAsync({ caseId: kase.id, input })
      .then((saved) => onSaved(saved.version))
      .catch(() => undefined); // the error is shown from the mutation's state
  });
  const relationError = (index: number) => errors.relations?.[index];

  return (
    <Section
      id="assessment-form-heading"
      title={t('assessment.editHeading')}
      level={3}
      className="flex flex-col gap-6 print:hidden"
    >
      <p>{t('assessment.editLead')}</p>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[56rem] flex-col gap-8">
        <FormErrorSummary error={save.error} unplaced={unplaced} invalid={invalid} />

        <fieldset className="flex flex-col gap-6">
          <legend className="mb-2 text-std-20B-150 text-solid-gray-900">
            {t('assessment.issuesLegend')}
          </legend>
          <p className="text-std-16N-170 text-solid-gray-700">{t('assessment.issuesSupport')}</p>
          {errors.issues?.message ? (
            <p id="assessment-issues-error" className="text-dns-16N-130 text-error-2">
              {errors.issues.message}
            </p>
          ) : null}
          <div className="grid grid-cols-1 gap-x-8 gap-y-4 md:grid-cols-2">
            {issueAreas.map((area) => (
              <CheckboxGroup key={area.code} legend={t(`codes.issueArea.${area.code}`)} error={undefined}>
                {area.issues.map((issue) => (
                  <Checkbox
                    key={issue.code}
                    id={`assessment-issue-${issue.code}`}
                    value={issue.code}
                    label={t(`codes.issue.${issue.code}`)}
                    aria-invalid={errors.issues ? true : undefined}
                    aria-describedby={errors.issues ? 'assessment-issues-error' : undefined}
                    {...register('issues')}
                  />
                ))}
              </CheckboxGroup>
            ))}
          </div>
        </fieldset>

        <CheckboxGroup
          legend={t('assessment.householdFlags')}
          supportText={t('assessment.householdFlagsSupport')}
          error={errors.householdFlags?.message}
        >
          <div className="flex flex-wrap gap-x-6">
            <MessageCheckboxes
              codes={householdFlags.map((flag) => flag.code)}
              textPrefix="codes.householdFlag"
              idPrefix="assessment-flag"
              registration={register('householdFlags')}
            />
          </div>
        </CheckboxGroup>

        <TextareaField {...field('summary', { support: 'summarySupport' })} rows={5} />
        <TextareaField {...field('wishes')} rows={3} />
        <TextareaField {...field('strengths', { support: 'strengthsSupport' })} rows={3} />

        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-std-20B-150 text-solid-gray-900">{t('assessment.relations')}</legend>
          <p className="text-std-16N-170 text-solid-gray-700">{t('assessment.relationsSupport')}</p>
          {relations.fields.map((field, index) => (
            <RowFieldset key={field.id} legend={t('assessment.relation', { index: index + 1 })}>
              <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
                <SelectField
                  id={`assessment-relation-${index}-from`}
                  label={t('assessment.from')}
                  required
                  error={relationError(index)?.from?.message}
                  {...register(`relations.${index}.from`)}
                >
                  <option value="">{t('assessment.choose')}</option>
                  <CasePersonOptions kase={kase} />
                </SelectField>
                <SelectField
                  id={`assessment-relation-${index}-kind`}
                  label={t('assessment.kind')}
                  required
                  error={relationError(index)?.kind?.message}
                  {...register(`relations.${index}.kind`)}
                >
                  <option value="">{t('assessment.choose')}</option>
                  <CodeOptions codes={relationKinds} />
                </SelectField>
                <SelectField
                  id={`assessment-relation-${index}-to`}
                  label={t('assessment.to')}
                  required
                  error={relationError(index)?.to?.message}
                  {...register(`relations.${index}.to`)}
                >
                  <option value="">{t('assessment.choose')}</option>
                  <optgroup label={t('assessment.toPersons')}>
                    <CasePersonOptions kase={kase} />
                  </optgroup>
                  <optgroup label={t('assessment.toOrganizations')}>
                    <NamedOptions items={organizations} />
                  </optgroup>
                </SelectField>
              </div>
              <TextField
                id={`assessment-relation-${index}-note`}
                label={t('assessment.note')}
                error={relationError(index)?.note?.message}
                {...register(`relations.${index}.note`)}
              />
              <div>
                <Button variant="text" size="sm" onClick={() => relations.remove(index)}>
                  {t('assessment.removeRelation', { index: index + 1 })}
                </Button>
              </div>
            </RowFieldset>
          ))}
          <div>
            <Button
              variant="outline"
              onClick={() => relations.append({ from: '', to: '', kind: '' as never, note: '' })}
            >
              {t('assessment.addRelation')}
            </Button>
          </div>
        </fieldset>

        <FormActions>
          <SubmitButton busy={save.isPending}>{t('assessment.save')}</SubmitButton>
          {onCancel ? (
            <Button variant="text" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </FormActions>
      </form>
    </Section>
  );
}
