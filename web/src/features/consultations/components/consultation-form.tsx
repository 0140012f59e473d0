import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { type FieldErrors, type FieldPath, FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ConsultationInput } from '../../../../../src/contract/consultations.ts';
import { consultationChannels, consultationTopics } from '../../../../../src/domain/codeLists.ts';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { type LinkedError, LinkedErrorSummary } from '../../../components/ui/linked-error-summary.tsx';
import { Radio } from '../../../components/ui/radio.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { CodeOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { WarekiDateField } from '../../../components/ui/wareki-date-field.tsx';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import {
  type ConsultationFormValues,
  consultationResolver,
  emptyConsultationValues,
  errorAt,
  fieldId,
  fieldPropsOf,
  useConsultationForm,
} from './consultation-form-values.ts';
import { HouseholdFields, otherRelations } from './household-fields.tsx';
import { OutcomeFields } from './outcome-fields.tsx';
import { PersonPicker } from './person-picker.tsx';
import '../../../lib/i18n/casework.bundle.ts';

function FormSection({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-6 border-t border-solid-gray-420 pt-8">
      <div className="flex flex-col gap-2">
        <h2 id={id} className="text-std-24B-150 text-solid-gray-900">
          {title}
        </h2>
        {lead ? <p className="text-std-16N-170 text-solid-gray-700">{lead}</p> : null}
      </div>
      {children}
    </section>
  );
}

const personFields = [
  'personId',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'birthDate',
  'sex',
  'postalCode',
  'address',
  'addresseeNumber',
] as const;

/** Every field path the server may name in a 400, for the form as it is now (members and phones included). */
function serverFieldPaths(values: ConsultationFormValues): FieldPath<ConsultationFormValues>[] {
  const personPaths = (prefix: string, phones: number) => [
    ...personFields.map((field) => `${prefix}.${field}`),
    ...Array.from({ length: phones }, (_, i) => [
      `${prefix}.phones.${i}.label`,
      `${prefix}.phones.${i}.number`,
    ]).flat(),
  ];
  return [
    'receivedOn',
    'channel',
    ...personPaths('person', values.person.phones.length),
    ...values.householdMembers.flatMap((member, index) => [
      ...personPaths(`householdMembers.${index}.person`, member.person.phones.length),
      `householdMembers.${index}.relation`,
      `householdMembers.${index}.livingTogether`,
    ]),
    'visitor.name',
    'visitor.relation',
    'visitor.phone',
    'topics',
    'mainTopic',
    'content',
    'wishes',
    'consentToShare',
    'outcome.toOrganizationId',
    'outcome.note',
    'outcome.reason',
    'outcome.servicesTried',
    'outcome.kind',
  ] as FieldPath<ConsultationFormValues>[];
}

/** 「本人の氏」「世帯員2の続柄」: how the error summary names a field. */
function fieldName(path: string, t: TFunction): string {
  const member = /^householdMembers\.(\d+)\.(.+)$/.exec(path);
  if (member) {
    const who = t('consultations.form.household.member', { n: Number(member[1]) + 1 });
    return t('consultations.form.fieldOf', { who, field: fieldName(member[2] ?? '', t) });
  }
  if (path.startsWith('person.') && path !== 'person.personId') {
    return t('consultations.form.fieldOf', {
      who: t('consultations.form.personSection'),
      field: fieldName(path.slice('person.'.length), t),
    });
  }
  const phone = /^phones\.(\d+)\.(label|number)$/.exec(path);
  if (phone) {
    const n = Number(phone[1]) + 1;
    return phone[2] === 'label'
      ? t('consultations.form.person.phoneLabel', { n })
      : t('consultations.form.person.phoneNumber', { n });
  }
  const names: Record<string, string> = {
    receivedOn: t('consultations.receivedOn'),
    channel: t('consultations.channel'),
    'person.personId': t('consultations.form.personSection'),
    personId: t('consultations.form.person.searchShort'),
    familyName: t('consultations.form.person.familyName'),
    givenName: t('consultations.form.person.givenName'),
    familyNameKana: t('consultations.form.person.familyNameKana'),
    givenNameKana: t('consultations.form.person.givenNameKana'),
    birthDate: t('consultations.form.person.birthDate'),
    sex: t('consultations.form.person.sex'),
    postalCode: t('consultations.form.person.postalCode'),
    address: t('consultations.form.person.address'),
    addresseeNumber: t('consultations.form.person.addresseeNumber'),
    phones: t('consultations.form.person.phones'),
    relation: t('consultations.form.household.relation'),
    livingTogether: t('consultations.form.household.livingTogether'),
    'visitor.name': t('consultations.form.visitor.name'),
    'visitor.relation': t('consultations.form.visitor.relation'),
    'visitor.phone': t('consultations.form.visitor.phone'),
    topics: t('consultations.topics'),
    mainTopic: t('consultations.mainTopic'),
    content: t('consultations.content'),
    wishes: t('consultations.wishes'),
    consentToShare: t('consultations.consentToShare'),
    'outcome.kind': t('consultations.outcomeLabel'),
    'outcome.toOrganizationId': t('consultations.form.outcome.toOrganization'),
    'outcome.note': t('consultations.form.outcome.note'),
    'outcome.reason': t('consultations.handoverReason'),
    'outcome.servicesTried': t('consultations.servicesTried'),
  };
  return names[path] ?? path;
}

/** Flattens the form's nested errors to `[path, message]`, in the order the fields appear. */
function flattenErrors(errors: FieldErrors<ConsultationFormValues>, prefix = ''): [string, string][] {
  const found: [string, string][] = [];
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === 'ref' || !value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ('message' in value && typeof value.message === 'string' && value.message)
      found.push([path, value.message]);
    else found.push(...flattenErrors(value as FieldErrors<ConsultationFormValues>, path));
  }
  return found;
}

/** The sections of the form, top to bottom, by the first part of a field path. */
const sectionOrder = [
  'receivedOn',
  'channel',
  'person',
  'householdMembers',
  'visitor',
  'topics',
  'mainTopic',
  'content',
  'wishes',
  'consentToShare',
  'outcome',
] as const;

/** Where an error sits on the page, so the summary lists errors in reading order (the sort is stable). */
function orderOf(path: string): number {
  const [head = '', second = ''] = path.split('.');
  const rank = (sectionOrder as readonly string[]).indexOf(head);
  const member = head === 'householdMembers' ? Number(second) / 100 : 0;
  return (rank === -1 ? sectionOrder.length : rank) + member;
}

/** The control an error sends focus to: for a radio group or checkbox list, its first option. */
function targetOf(path: string): string {
  if (path === 'outcome') return fieldId('outcome.kind');
  if (path === 'topics') return fieldId('topics');
  return fieldId(path);
}

function TopicFields() {
  const { t } = useTranslation();
  const { register, control, setValue, errors } = useConsultationForm();
  const topics = useWatch({ control, name: 'topics' }) ?? [];
  const mainTopic = useWatch({ control, name: 'mainTopic' });

  // ◎ must stay one of the ticked topics; with a single topic ticked, it is the main one.
  useEffect(() => {
    if (mainTopic && !topics.includes(mainTopic)) setValue('mainTopic', '');
    else if (!mainTopic && topics.length === 1) setValue('mainTopic', topics[0] ?? '');
  }, [topics, mainTopic, setValue]);

  const checked = consultationTopics.filter((topic) => topics.includes(topic.code));
  return (
    <>
      <CheckboxGroup
        legend={t('consultations.topics')}
        supportText={t('consultations.form.topicsSupport')}
        required
        error={errorAt(errors, 'topics')}
      >
        <div className="grid gap-x-8 sm:grid-cols-2">
          {consultationTopics.map((topic, index) => (
            <Checkbox
              key={topic.code}
              id={index === 0 ? fieldId('topics') : `${fieldId('topics')}-${topic.code}`}
              value={topic.code}
              label={topic.label}
              {...register('topics')}
            />
          ))}
        </div>
      </CheckboxGroup>
      <RadioGroup
        legend={t('consultations.mainTopic')}
        supportText={
          checked.length === 0
            ? t('consultations.form.mainTopicEmpty')
            : t('consultations.form.mainTopicSupport')
        }
        required
        error={errorAt(errors, 'mainTopic')}
      >
        {checked.map((topic, index) => (
          <Radio
            key={topic.code}
            id={index === 0 ? fieldId('mainTopic') : `${fieldId('mainTopic')}-${topic.code}`}
            value={topic.code}
            label={`◎ ${topic.label}`}
            {...register('mainTopic')}
          />
        ))}
      </RadioGroup>
    </>
  );
}

function VisitorFields() {
  const { t } = useTranslation();
  const { register, control, fieldProps } = useConsultationForm();
  const visitorIsPerson = useWatch({ control, name: 'visitorIsPerson' });
  return (
    <>
      <RadioGroup legend={t('consultations.form.visitor.legend')} inline>
        <Radio
          id={fieldId('visitorIsPerson')}
          value="true"
          label={t('consultations.form.visitor.person')}
          {...register('visitorIsPerson')}
        />
        <Radio
          id={`${fieldId('visitorIsPerson')}-false`}
          value="false"
          label={t('consultations.form.visitor.other')}
          {...register('visitorIsPerson')}
        />
      </RadioGroup>
      {visitorIsPerson === 'false' ? (
        <div className="flex flex-col gap-6 border-l-4 border-blue-900 pl-4 sm:pl-6">
          <TextField
            label={t('consultations.form.visitor.name')}
            required
            autoComplete="off"
            {...fieldProps('visitor.name')}
          />
          <SelectField
            label={t('consultations.form.visitor.relation')}
            required
            {...fieldProps('visitor.relation')}
          >
            <option value="">{t('consultations.form.choose')}</option>
            <CodeOptions codes={otherRelations} />
          </SelectField>
          <TextField
            type="tel"
            label={t('consultations.form.visitor.phone')}
            supportText={t('consultations.form.person.phoneNumberSupport')}
            autoComplete="off"
            {...fieldProps('visitor.phone')}
          />
        </div>
      ) : null}
    </>
  );
}

export type ConsultationFormProps = {
  submitting: boolean;
  /** The last failed save: field errors go onto the fields, the rest into the summary. */
  error: unknown;
  onSubmit: (input: ConsultationInput) => void;
  cancel: ReactNode;
};

/**
 * 相談受付・申込票 as a form. Validated in the browser with the contract's own schema (after the
 * 和暦 dates are read), so the server's answer and the browser's agree.
 */
export function ConsultationForm({ submitting, error, onSubmit, cancel }: ConsultationFormProps) {
  const { t } = useTranslation();
  const resolver = useMemo(() => consultationResolver(t), [t]);
  const form = useForm<ConsultationFormValues, unknown, ConsultationInput>({
    resolver,
    defaultValues: emptyConsultationValues(),
    shouldFocusError: false,
  });
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    control,
    formState: { errors, submitCount },
  } = form;
  const fieldProps = fieldPropsOf(form);
  const receivedOn = useWatch({ control, name: 'receivedOn' });
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [summaryFocus, setSummaryFocus] = useState(0);

  useEffect(() => {
    if (!error) {
      setUnplaced([]);
      return;
    }
    const left = applyServerFieldErrors(error, serverFieldPaths(getValues()), setError);
    setUnplaced(left.map((item) => item.message));
    setSummaryFocus((n) => n + 1);
  }, [error, setError, getValues]);

  const submit = handleSubmit(
    (input) => {
      if (!submitting) onSubmit(input);
    },
    () => setSummaryFocus((n) => n + 1),
  );

  const linked: LinkedError[] = flattenErrors(errors)
    .sort(([a], [b]) => orderOf(a) - orderOf(b))
    .map(([path, message]) => ({
      targetId: targetOf(path),
      text: t('consultations.form.errorItem', { field: fieldName(path, t), message }),
    }));
  const showSummary = Boolean(error) || (submitCount > 0 && linked.length > 0);

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={submit} className="flex max-w-[56rem] flex-col gap-10">
        {showSummary ? (
          <LinkedErrorSummary
            title={error ? problemMessage(error, t) : t('form.errorSummaryTitle')}
            errors={linked}
            focusKey={summaryFocus}
          >
            {unplaced.length > 0 ? (
              <ul className="list-disc pl-6">
                {unplaced.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </LinkedErrorSummary>
        ) : null}

        <FormSection id="section-reception" title={t('consultations.form.receptionSection')}>
          <WarekiDateField
            label={t('consultations.receivedOn')}
            typed={receivedOn ?? ''}
            {...fieldProps('receivedOn')}
          />
          <SelectField label={t('consultations.channel')} required {...fieldProps('channel')}>
            <option value="">{t('consultations.form.choose')}</option>
            <CodeOptions codes={consultationChannels} />
          </SelectField>
        </FormSection>

        <FormSection
          id="section-person"
          title={t('consultations.form.personSection')}
          lead={t('consultations.form.personLead')}
        >
          <PersonPicker prefix="person" label={t('consultations.form.personSection')} />
        </FormSection>

        <FormSection
          id="section-household"
          title={t('consultations.household')}
          lead={t('consultations.form.household.lead')}
        >
          <HouseholdFields />
        </FormSection>

        <FormSection id="section-visitor" title={t('consultations.visitor')}>
          <VisitorFields />
        </FormSection>

        <FormSection id="section-topics" title={t('consultations.form.topicsSection')}>
          <TopicFields />
          <TextareaField
            label={t('consultations.content')}
            supportText={t('consultations.form.contentSupport')}
            required
            rows={8}
            {...fieldProps('content')}
          />
          <TextareaField
            label={t('consultations.wishes')}
            supportText={t('consultations.form.wishesSupport')}
            rows={4}
            {...fieldProps('wishes')}
          />
        </FormSection>

        <FormSection
          id="section-consent"
          title={t('consultations.consentToShare')}
          lead={t('consultations.form.consentLead')}
        >
          <RadioGroup
            legend={t('consultations.form.consentLegend')}
            required
            error={errorAt(errors, 'consentToShare')}
          >
            <Radio
              id={fieldId('consentToShare')}
              value="true"
              label={t('consultations.consent.yes')}
              description={t('consultations.form.consentYesDescription')}
              {...register('consentToShare')}
            />
            <Radio
              id={`${fieldId('consentToShare')}-false`}
              value="false"
              label={t('consultations.consent.no')}
              description={t('consultations.form.consentNoDescription')}
              {...register('consentToShare')}
            />
          </RadioGroup>
        </FormSection>

        <FormSection id="section-outcome" title={t('consultations.outcomeLabel')}>
          <OutcomeFields />
        </FormSection>

        <FormActions className="lg:border-t lg:border-solid-gray-420 lg:pt-8">
          <SubmitButton busy={submitting}>{t('consultations.form.submit')}</SubmitButton>
          {cancel}
        </FormActions>
      </form>
    </FormProvider>
  );
}
