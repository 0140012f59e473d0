import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import type { FieldPath, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import {
  type ConsentInput,
  consentCategories,
  consentInputSchema,
  consentMethods,
} from '../../../../../src/contract/consents.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { CodeRadios } from '../../../components/code-radios.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { FormDateField, FormDoneOnField } from '../../../components/ui/form-date-field.tsx';
import { FormReveal } from '../../../components/ui/form-reveal.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { Td } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useCreateConsent } from '../api/create-consent.ts';
import { useOrganizationOptions } from '../api/list-organization-options.ts';
import { CasePersonOptions } from './case-person-options.tsx';
import { ConsentScan } from './consent-scan.tsx';
import { ConsentWithdrawDialog } from './consent-withdraw-dialog.tsx';
import { PartnerOrganizationCheckboxes, partnerOrganizations } from './partner-organization-checkboxes.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/codes.bundle.ts';

/** 同意: the consents recorded for the case's persons, and the form to record one. */
export function ConsentsPanel({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<CaseDetail['consents'][number] | null>(null);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h2 className="text-std-24B-150 text-solid-gray-900">{t('caseConsents.heading')}</h2>
        <p>{t('caseConsents.lead')}</p>
      </div>
      {saved ? <Alert tone="success" title={saved} /> : null}
      <DataTable
        caption={t('caseConsents.listCaption')}
        captionDetail={t('common.itemCount', { count: kase.consents.length })}
        columns={[
          ...textsUnder(t, 'caseConsents', [
            'givenOn',
            'person',
            'organizations',
            'categories',
            'method',
            'expiresOn',
            'status',
          ]),
          t('consentWithdrawal.scanColumn'),
        ]}
        rows={kase.consents}
        empty={t('caseConsents.empty')}
      >
        {(consent) => (
          <tr key={consent.id}>
            <DateCell value={consent.givenOn} rowHeader />
            <Td className="break-keep sm:whitespace-nowrap">{consent.person.name}</Td>
            <Td>
              <ul>
                {consent.organizations.map((organization) => (
                  <li key={organization.id}>{organization.name}</li>
                ))}
              </ul>
            </Td>
            <Td>
              <ul>
                {consent.categories.map((category) => (
                  <li key={category.code}>{category.label}</li>
                ))}
              </ul>
            </Td>
            <Td>
              {t(`codes.consentMethod.${consent.method}`)}
              {consent.witness ? (
                <span className="block text-solid-gray-700">
                  {t('caseConsents.witness')}：{consent.witness}
                </span>
              ) : null}
            </Td>
            <Td className="whitespace-nowrap">
              {consent.expiresOn ? <DateText value={consent.expiresOn} /> : t('caseConsents.noExpiry')}
            </Td>
            <Td>
              {consent.withdrawal ? (
                <span className="flex flex-col gap-1">
                  <span>
                    <Badge tone="warning">{t('consentWithdrawal.badge')}</Badge>
                  </span>
                  <span>
                    {t('consentWithdrawal.withdrawnOn')}：
                    <DateText value={consent.withdrawal.withdrawnOn} />
                  </span>
                  <span>
                    {t('consentWithdrawal.reason')}：{consent.withdrawal.reason}
                  </span>
                </span>
              ) : consent.active ? (
                <Badge tone="success">{t('caseConsents.active')}</Badge>
              ) : (
                <Badge tone="muted">{t('caseConsents.inactive')}</Badge>
              )}
              {consent.abilities.withdraw ? (
                <span className="mt-2 block print:hidden">
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={() => {
                      setSaved(null);
                      setWithdrawing(consent);
                    }}
                  >
                    {t('consentWithdrawal.open')}
                    <span className="sr-only">（{consent.person.name}）</span>
                  </Button>
                </span>
              ) : null}
            </Td>
            <Td>
              <ConsentScan caseId={kase.id} consent={consent} />
            </Td>
          </tr>
        )}
      </DataTable>
      <ConsentWithdrawDialog
        caseId={kase.id}
        consent={withdrawing}
        onClose={() => setWithdrawing(null)}
        onWithdrawn={() => {
          setWithdrawing(null);
          setSaved(t('consentWithdrawal.done'));
        }}
      />
      {kase.abilities.recordConsent ? (
        <FormReveal label={t('ui.reveal.consent')} defaultOpen={kase.consents.length === 0}>
          {(close) => (
            <ConsentForm
              kase={kase}
              onSaved={() => {
                setSaved(t('caseConsents.saved'));
                close();
              }}
              onStart={() => setSaved(null)}
            />
          )}
        </FormReveal>
      ) : null}
    </div>
  );
}

type Values = z.input<typeof consentInputSchema>;
const fields: readonly FieldPath<Values>[] = [
  'personId',
  'organizationIds',
  'categories',
  'givenOn',
  'method',
  'witness',
  'expiresOn',
];

/** The 立会人 is asked for only with an oral consent; otherwise it is left out. */
const resolver: Resolver<Values, unknown, ConsentInput> = (values, context, options) => {
  const pruned: Values = { ...values };
  if (pruned.method !== 'oralWithWitness' || !pruned.witness) delete pruned.witness;
  if (!pruned.expiresOn) delete pruned.expiresOn;
  return zodResolver(consentInputSchema)(pruned, context, options);
};

const sensitive = new Set(['health', 'offence']);

function ConsentForm({
  kase,
  onSaved,
  onStart,
}: {
  kase: CaseDetail;
  onSaved: () => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateConsent(kase.id);
  const organizations = useOrganizationOptions();
  const primary = kase.persons.find((person) => person.isPrimary) ?? kase.persons[0];
  const today = clock.today();
  const defaults: Values = {
    personId: primary?.id ?? '',
    caseId: kase.id,
    organizationIds: [],
    categories: [],
    givenOn: today,
    method: 'signedForm',
    witness: '',
  };
  const { register, handleSubmit, watch, reset, errors, unplaced, invalid, registerField, bindField } =
    useServerCheckedForm<Values, ConsentInput>({
      resolver,
      defaultValues: defaults,
      serverError: create.error,
      serverFields: fields,
    });
  const field = useFieldWiring(registerField, { idPrefix: 'consent', textPrefix: 'caseConsents' });
  const dateField = useFieldWiring(bindField, { idPrefix: 'consent', textPrefix: 'caseConsents' });
  const method = watch('method');

  const submit = handleSubmit((input) => {
    if (create.isPending) return;
    onStart();
    create
      .mutateAsync(input)
      .then(() => {
        reset(defaults);
        onSaved();
      })
      .catch(() => undefined); // the error is shown from the mutation's state
  });
  const choices = partnerOrganizations(organizations.data, kase);
  const categoryBoxes = (which: 'ordinary' | 'sensitive') =>
    consentCategories
      .filter((category) => sensitive.has(category.code) === (which === 'sensitive'))
      .map((category) => (
        <Checkbox
          key={category.code}
          id={`consent-category-${category.code}`}
          value={category.code}
          label={category.label}
          {...register('categories')}
        />
      ));

  return (
    <Section
      id="consent-form-heading"
      title={t('caseConsents.formHeading')}
      level={3}
      className="flex flex-col gap-6 print:hidden"
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[48rem] flex-col gap-8">
        <FormErrorSummary error={create.error} unplaced={unplaced} invalid={invalid} />

        <SelectField {...field('personId', { id: 'consent-person', text: 'personLabel' })} required>
          <CasePersonOptions kase={kase} />
        </SelectField>

        {organizations.isError ? (
          <Alert tone="error" title={t('caseConsents.organizationsUnavailable')}>
            <p>{problemMessage(organizations.error, t)}</p>
          </Alert>
        ) : null}
        <CheckboxGroup
          legend={t('caseConsents.organizations')}
          supportText={t('caseConsents.organizationsSupport')}
          required
          error={errors.organizationIds?.message}
        >
          <PartnerOrganizationCheckboxes
            organizations={choices}
            idPrefix="consent-organization"
            field={register('organizationIds')}
          />
        </CheckboxGroup>

        <CheckboxGroup
          legend={t('caseConsents.categoriesLegend')}
          required
          error={errors.categories?.message}
        >
          {categoryBoxes('ordinary')}
        </CheckboxGroup>
        <CheckboxGroup
          legend={t('caseConsents.sensitiveLegend')}
          supportText={t('caseConsents.sensitiveSupport')}
        >
          {categoryBoxes('sensitive')}
        </CheckboxGroup>

        <FormDoneOnField {...dateField('givenOn')} />

        <RadioGroup legend={t('caseConsents.methodLegend')} required error={errors.method?.message}>
          <CodeRadios codes={consentMethods} idPrefix="consent-method" field={register('method')} />
        </RadioGroup>
        {method === 'oralWithWitness' ? (
          <TextField {...field('witness', { support: 'witnessSupport' })} required />
        ) : null}

        <FormDateField {...dateField('expiresOn', { support: 'expiresOnSupport' })} />

        <FormActions>
          <SubmitButton busy={create.isPending}>{t('caseConsents.submit')}</SubmitButton>
        </FormActions>
      </form>
    </Section>
  );
}
