import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type GrantInput,
  grantInputSchema,
  type RevealedSensitiveFact,
  revealInputSchema,
  type SensitiveFact,
  type SensitiveFactInput,
  sensitiveFactInputSchema,
} from '../../../../../src/contract/sensitiveFacts.ts';
import { offenceSubtypes, sensitiveFactKinds } from '../../../../../src/domain/codeLists.ts';
import { ActionForButton } from '../../../components/action-for-button.tsx';
import { MutationFormDialog } from '../../../components/mutation-form-dialog.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { ReasonDialog } from '../../../components/ui/reason-dialog.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { CodeOptions, NamedOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCodeName } from '../../../lib/code-names.ts';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useOrganizationOptions } from '../../cases/api/list-organization-options.ts';
import { useCreateSensitiveFact } from '../api/create-sensitive-fact.ts';
import { useGrantSensitiveFact } from '../api/grant-sensitive-fact.ts';
import { type SensitiveFactsOf, useSensitiveFacts } from '../api/list-sensitive-facts.ts';
import { useRevealSensitiveFact } from '../api/reveal-sensitive-fact.ts';
import { useRevokeSensitiveFactGrant } from '../api/revoke-sensitive-fact-grant.ts';
import '../../../lib/i18n/casework.bundle.ts';

type Person = { id: string; name: string };

export type SensitiveFactsPanelProps = {
  /** The case page (its persons may be chosen) or the person page. */
  of: { caseId: string; persons: Person[] } | { personId: string; personName: string };
};

/**
 * 要配慮個人情報: the facts granted to my organisation (kind only), 「内容を表示」 asking a reason,
 * a form to record one, and grants. Nothing here is cached beyond the list of kinds.
 */
export function SensitiveFactsPanel({ of }: SensitiveFactsPanelProps) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const kindName = (fact: { kind: string; subtype: string | null }) =>
    `${codeName('sensitiveFactKind', fact.kind)}${fact.subtype ? `（${codeName('offenceSubtype', fact.subtype)}）` : ''}`;
  const target: SensitiveFactsOf = 'caseId' in of ? { caseId: of.caseId } : { personId: of.personId };
  const list = useSensitiveFacts(target);
  const reveal = useRevealSensitiveFact();
  const revoke = useRevokeSensitiveFactGrant();
  const [revealing, setRevealing] = useState<SensitiveFact | null>(null);
  const [shown, setShown] = useState<RevealedSensitiveFact | null>(null);
  const [granting, setGranting] = useState<SensitiveFact | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const persons: Person[] = 'caseId' in of ? of.persons : [{ id: of.personId, name: of.personName }];
  const personName = (id: string) => persons.find((p) => p.id === id)?.name ?? '';
  /** Which fact a row's buttons act on, for screen readers: its kind and whose it is. */
  const factName = (fact: SensitiveFact) =>
    `${codeName('sensitiveFactKind', fact.kind)}（${personName(fact.personId)}）`;

  if (list.isPending) return <Loading />;
  if (list.isError) {
    // no permission or not visible: the panel says nothing more than that there is nothing to show
    if (list.error instanceof ApiError && list.error.status === 404) return null;
    return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  }
  const facts = list.data.items;
  return (
    <Section
      id="sensitive-facts-heading"
      title={t('sensitiveFacts.heading')}
      lead={t('sensitiveFacts.lead')}
      className="flex flex-col gap-6"
    >
      {notice ? <Alert tone="success" title={notice} /> : null}
      <ProblemAlert error={revoke.error} />
      <DataTable
        caption={t('sensitiveFacts.listCaption')}
        captionDetail={t('common.itemCount', { count: facts.length })}
        columns={textsUnder(t, 'sensitiveFacts', [
          'kind',
          'person',
          'recordedBy',
          'recordedAt',
          'grants',
          'actions',
        ])}
        rows={facts}
        empty={t('sensitiveFacts.empty')}
      >
        {(fact) => (
          <tr key={fact.id}>
            <Th scope="row">
              <span className="flex flex-col gap-1">
                <span>{kindName(fact)}</span>
                {fact.kind === 'offence' && fact.caseId ? (
                  <span>
                    <Badge tone="warning">{t('sensitiveFacts.caseMarker')}</Badge>
                  </span>
                ) : null}
              </span>
            </Th>
            <Td>{personName(fact.personId)}</Td>
            <Td>
              {fact.recordedBy.organization.name}
              <span className="block text-solid-gray-700">{fact.recordedBy.user.name}</span>
            </Td>
            <DateCell value={fact.recordedAt.slice(0, 10)} />
            <Td>
              <ul className="flex flex-col gap-1">
                {fact.grants.map((grant) => (
                  <li key={grant.id}>
                    {grant.organization.name}（{codeName('grantLegalBasis', grant.legalBasis)}）
                    {grant.abilities.revoke ? (
                      <ActionForButton
                        variant="text"
                        disabled={revoke.isPending}
                        action={t('sensitiveFacts.revoke')}
                        name={grant.organization.name}
                        onClick={() => {
                          setNotice(null);
                          revoke
                            .mutateAsync({ factId: fact.id, grantId: grant.id })
                            .then(() => setNotice(t('sensitiveFacts.revoked')))
                            .catch(() => undefined);
                        }}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            </Td>
            <Td>
              <span className="flex flex-col items-start gap-2 print:hidden">
                {fact.abilities.reveal ? (
                  <ActionForButton
                    action={t('sensitiveFacts.reveal')}
                    name={factName(fact)}
                    onClick={() => {
                      reveal.reset();
                      setRevealing(fact);
                    }}
                  />
                ) : null}
                {fact.abilities.grant ? (
                  <ActionForButton
                    action={t('sensitiveFacts.grantHeading')}
                    name={factName(fact)}
                    onClick={() => {
                      setNotice(null);
                      setGranting(fact);
                    }}
                  />
                ) : null}
              </span>
            </Td>
          </tr>
        )}
      </DataTable>

      {shown ? (
        <section
          aria-labelledby="sensitive-fact-content"
          className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4"
        >
          <h3 id="sensitive-fact-content" className="text-std-20B-150 text-solid-gray-900">
            {t('sensitiveFacts.revealed', {
              kind: kindName(shown),
            })}
          </h3>
          <dl className="flex flex-col gap-2">
            <dt className="text-std-16B-170">{t('sensitiveFacts.summary')}</dt>
            <dd>{shown.summary}</dd>
            <dt className="text-std-16B-170">{t('sensitiveFacts.details')}</dt>
            <dd className="whitespace-pre-wrap">{shown.details ?? t('sensitiveFacts.noDetails')}</dd>
          </dl>
          <div>
            <Button variant="outline" size="sm" onClick={() => setShown(null)}>
              {t('sensitiveFacts.hide')}
            </Button>
          </div>
        </section>
      ) : null}

      <ReasonDialog
        open={revealing !== null}
        title={t('sensitiveFacts.revealTitle')}
        reasonLabel={t('sensitiveFacts.revealReason')}
        reasonSupport={t('sensitiveFacts.revealReasonSupport')}
        schema={revealInputSchema}
        confirmLabel={t('sensitiveFacts.revealConfirm')}
        action={reveal}
        onConfirm={(reason) => {
          if (!revealing) return;
          reveal
            .mutateAsync({ factId: revealing.id, reason })
            .then((content) => {
              setRevealing(null);
              setShown(content);
            })
            .catch(() => undefined);
        }}
        onCancel={() => setRevealing(null)}
      >
        <p>{t('sensitiveFacts.revealLead')}</p>
      </ReasonDialog>

      <GrantDialog
        fact={granting}
        onClose={() => setGranting(null)}
        onGranted={() => {
          setGranting(null);
          setNotice(t('sensitiveFacts.granted'));
        }}
      />

      {list.data.abilities.create ? (
        <SensitiveFactForm
          persons={persons}
          caseId={'caseId' in of ? of.caseId : undefined}
          onSaved={() => setNotice(t('sensitiveFacts.saved'))}
        />
      ) : null}
    </Section>
  );
}

type GrantValues = z.input<typeof grantInputSchema>;

function GrantDialog({
  fact,
  onClose,
  onGranted,
}: {
  fact: SensitiveFact | null;
  onClose: () => void;
  onGranted: () => void;
}) {
  const { t } = useTranslation();
  const grant = useGrantSensitiveFact();
  const organizations = useOrganizationOptions();
  const form = useServerCheckedForm<GrantValues, GrantInput>({
    resolver: zodResolver(grantInputSchema),
    defaultValues: { organizationId: '', reason: '' },
    serverError: grant.error,
    serverFields: ['organizationId', 'reason'],
  });
  const { reset } = form;
  const field = useFieldWiring(form.registerField, { idPrefix: 'sensitive', textPrefix: 'sensitiveFacts' });
  const factId = fact?.id;
  useEffect(() => {
    if (factId) reset({ organizationId: '', reason: '' });
  }, [factId, reset]);
  const granted = new Set(fact?.grants.map((g) => g.organization.id) ?? []);
  const submit = form.handleSubmit((input) => {
    if (!fact || grant.isPending) return;
    grant
      .mutateAsync({ factId: fact.id, input })
      .then(() => {
        grant.reset();
        onGranted();
      })
      .catch(() => undefined);
  });
  return (
    <MutationFormDialog
      mutation={grant}
      open={fact !== null}
      title={t('sensitiveFacts.grantHeading')}
      description={t('sensitiveFacts.formLead')}
      submitLabel={t('sensitiveFacts.grantSubmit')}
      onSubmit={(event) => void submit(event)}
      onCancel={() => {
        grant.reset();
        onClose();
      }}
    >
      <SelectField {...field('organizationId', { text: 'grantOrganization' })} required>
        <option value="">{t('sensitiveFacts.chooseOrganization')}</option>
        {(organizations.data ?? [])
          .filter((o) => !granted.has(o.id))
          .map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
      </SelectField>
      <TextareaField
        {...field('reason', { text: 'grantReason', support: 'grantReasonSupport' })}
        required
        rows={3}
      />
    </MutationFormDialog>
  );
}

type FactValues = {
  personId: string;
  kind: string;
  subtype: string;
  summary: string;
  details: string;
  attachToCase: boolean;
};
const factFields: readonly FieldPath<FactValues>[] = ['personId', 'kind', 'subtype', 'summary', 'details'];

function SensitiveFactForm({
  persons,
  caseId,
  onSaved,
}: {
  persons: Person[];
  caseId: string | undefined;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSensitiveFact();
  const defaults: FactValues = {
    personId: persons[0]?.id ?? '',
    kind: '',
    subtype: '',
    summary: '',
    details: '',
    attachToCase: Boolean(caseId),
  };
  const form = useServerCheckedForm<FactValues>({
    defaultValues: defaults,
    serverError: create.error,
    serverFields: factFields,
    // The contract schema validates the body the form becomes (empty optional fields left out).
    resolver: async (values, context, options) => {
      const body = toInput(values, caseId);
      const result = await zodResolver(sensitiveFactInputSchema)(body as SensitiveFactInput, context, {
        ...options,
        names: undefined,
        fields: {},
      });
      return Object.keys(result.errors).length > 0
        ? { values: {}, errors: result.errors }
        : { values, errors: {} };
    },
  });
  const { reset } = form;
  const field = useFieldWiring(form.registerField, {
    idPrefix: 'sensitive-fact',
    textPrefix: 'sensitiveFacts',
  });
  const kind = form.watch('kind');
  const submit = form.handleSubmit((values) => {
    if (create.isPending) return;
    create
      .mutateAsync(toInput(values, caseId) as SensitiveFactInput)
      .then(() => {
        reset(defaults);
        onSaved();
      })
      .catch(() => undefined);
  });
  return (
    <Section
      id="sensitive-fact-form"
      title={t('sensitiveFacts.formHeading')}
      level={3}
      className="flex flex-col gap-4 print:hidden"
    >
      <p>{t('sensitiveFacts.formLead')}</p>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[48rem] flex-col gap-6">
        <ProblemAlert error={create.error} />
        {persons.length > 1 ? (
          <SelectField {...field('personId', { text: 'person' })} required>
            <NamedOptions items={persons} />
          </SelectField>
        ) : null}
        <SelectField {...field('kind')} required>
          <option value="">{t('sensitiveFacts.chooseKind')}</option>
          <CodeOptions codes={sensitiveFactKinds} />
        </SelectField>
        {kind === 'offence' ? (
          <SelectField {...field('subtype', { support: 'subtypeSupport' })} required>
            <option value="">{t('sensitiveFacts.chooseSubtype')}</option>
            <CodeOptions codes={offenceSubtypes} />
          </SelectField>
        ) : null}
        <TextField {...field('summary', { support: 'summarySupport' })} required />
        <TextareaField {...field('details', { support: 'detailsSupport' })} rows={4} />
        {caseId ? (
          <Checkbox label={t('sensitiveFacts.attachToCase')} {...form.register('attachToCase')} />
        ) : null}
        <div>
          <Button type="submit" aria-disabled={create.isPending || undefined}>
            {t('sensitiveFacts.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

/** The request body of a filled form: empty optional fields are left out. */
function toInput(values: FactValues, caseId: string | undefined): Record<string, unknown> {
  return {
    personId: values.personId,
    ...(caseId && values.attachToCase ? { caseId } : {}),
    kind: values.kind,
    ...(values.kind === 'offence' && values.subtype ? { subtype: values.subtype } : {}),
    summary: values.summary,
    ...(values.details.trim() ? { details: values.details } : {}),
  };
}
