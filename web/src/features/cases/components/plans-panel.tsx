import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { type Plan, type PlanInput, planApproveSchema } from '../../../../../src/contract/plans.ts';
import { formatWareki } from '../../../../../src/domain/wareki.ts';
import { MutationFormDialog } from '../../../components/mutation-form-dialog.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { AuditedPrintButton } from '../../../components/ui/audited-print-button.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { currentLanguage, type Language } from '../../../lib/i18n/i18n.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDate } from '../../../lib/wareki.ts';
import { useResources } from '../../resources/api/list-resources.ts';
import { useApprovePlan } from '../api/approve-plan.ts';
import { usePlanComparison } from '../api/compare-plans.ts';
import { useCreatePlan } from '../api/create-plan.ts';
import { useOrganizationOptions } from '../api/list-organization-options.ts';
import { usePlans } from '../api/list-plans.ts';
import { useProgrammeOptions } from '../api/list-programme-options.ts';
import { useUpdatePlan } from '../api/update-plan.ts';
import { PlanComparisonView } from './plan-comparison.tsx';
import { PlanForm, planValuesOf } from './plan-form.tsx';
import { PlanView } from './plan-view.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/admin.bundle.ts';

/** 令和8年11月27日 in Japanese (an `<option>` holds text only); the Gregorian date otherwise. */
function optionDate(value: string, language: Language): string {
  if (language !== 'ja') return formatDate(value, language);
  try {
    return formatWareki(value);
  } catch {
    return '';
  }
}

function StatusBadge({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  if (plan.status === 'draft') return <Badge tone="warning">{t('plans.statusDraft')}</Badge>;
  if (plan.status === 'approved') return <Badge tone="success">{t('plans.statusApproved')}</Badge>;
  return <Badge tone="muted">{t('plans.statusSuperseded')}</Badge>;
}

/** 支援プラン: versions, the current plan and the draft, the draft form, approval and comparison. */
export function PlansPanel({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const plans = usePlans(kase.id);
  const organizations = useOrganizationOptions();
  const programmes = useProgrammeOptions();
  const resources = useResources({});
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const [mode, setMode] = useState<'view' | 'create' | 'edit'>('view');
  const [approving, setApproving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (plans.isPending) return <Loading />;
  if (plans.isError) return <QueryError error={plans.error} onRetry={() => void plans.refetch()} />;

  const list = plans.data;
  const draft = list.find((plan) => plan.status === 'draft');
  const current = list.find((plan) => plan.status === 'approved');
  const nextVersion = (list[0]?.version ?? 0) + 1;

  /** The plan being written: the next version (from the current one) or the draft, and how it is saved. */
  const editing =
    mode === 'create'
      ? {
          heading: t('plans.createHeading', { version: nextVersion }),
          from: current,
          mutation: create,
          save: (input: PlanInput) => create.mutateAsync({ caseId: kase.id, input }),
          savedNotice: (version: number) => t('plans.created', { version }),
        }
      : mode === 'edit' && draft
        ? {
            heading: t('plans.editHeading', { version: draft.version }),
            from: draft,
            mutation: update,
            save: (input: PlanInput) => update.mutateAsync({ planId: draft.id, caseId: kase.id, input }),
            savedNotice: (version: number) => t('plans.updated', { version }),
          }
        : null;

  const start = (next: 'create' | 'edit') => {
    setNotice(null);
    create.reset();
    update.reset();
    setMode(next);
  };

  return (
    <div className="flex flex-col gap-8">
      <h2 className="text-std-24B-150 text-solid-gray-900">{t('plans.heading')}</h2>
      {notice ? <Alert tone="success" title={notice} /> : null}

      {editing ? (
        <PlanForm
          heading={editing.heading}
          defaultValues={planValuesOf(editing.from)}
          organizations={organizations.data ?? []}
          programmes={programmes.data ?? []}
          resources={resources.data?.items ?? []}
          submitting={editing.mutation.isPending}
          error={editing.mutation.error}
          onCancel={() => setMode('view')}
          onSubmit={(input) =>
            editing
              .save(input)
              .then((plan) => {
                setMode('view');
                setNotice(editing.savedNotice(plan.version));
              })
              .catch(() => undefined)
          }
        />
      ) : null}

      {mode === 'view' && !draft && kase.abilities.createPlan ? (
        <div className="print:hidden">
          <Button onClick={() => start('create')}>
            {current ? t('plans.create') : t('plans.createFirst')}
          </Button>
        </div>
      ) : null}

      {list.length === 0 ? <p>{t('plans.none')}</p> : null}

      {draft && mode !== 'edit' ? (
        <Section
          id="plan-draft"
          title={t('plans.draft', { version: draft.version })}
          level={3}
          className="flex flex-col gap-4 rounded-12 border-2 border-dashed border-solid-gray-536 p-6"
        >
          <PlanView plan={draft} />
          <div className="flex flex-wrap gap-4 print:hidden">
            {draft.abilities.update ? (
              <Button variant="outline" onClick={() => start('edit')}>
                {t('plans.edit')}
              </Button>
            ) : null}
            {draft.abilities.approve ? (
              <Button
                onClick={() => {
                  setNotice(null);
                  setApproving(true);
                }}
              >
                {t('plans.approve')}
              </Button>
            ) : null}
          </div>
        </Section>
      ) : null}

      {current ? (
        <section aria-labelledby="plan-current" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-end justify-between gap-4">
            <h3 id="plan-current" className="text-std-20B-150 text-solid-gray-900">
              {t('plans.current', { version: current.version })}
            </h3>
            <AuditedPrintButton
              resource={{ resourceType: 'plan', resourceId: current.id }}
              label={t('audit.printPlan')}
            />
          </div>
          <PlanView plan={current} />
        </section>
      ) : null}

      {list.length > 0 ? <VersionsTable plans={list} /> : null}
      {list.length >= 2 ? <PlanCompare caseId={kase.id} plans={list} /> : null}

      {approving && draft ? (
        <ApproveDialog
          kase={kase}
          plan={draft}
          onCancel={() => setApproving(false)}
          onDone={(version) => {
            setApproving(false);
            setNotice(t('plans.approved', { version }));
          }}
        />
      ) : null}
    </div>
  );
}

function VersionsTable({ plans }: { plans: readonly Plan[] }) {
  const { t } = useTranslation();
  return (
    <Table
      caption={t('plans.versionsCaption')}
      captionDetail={t('common.itemCount', { count: plans.length })}
    >
      <TableHead
        columns={textsUnder(t, 'plans', ['version', 'status', 'decidedMeeting', 'approvedAt', 'createdBy'])}
      />
      <tbody>
        {plans.map((plan) => (
          <tr key={plan.id}>
            <Th scope="row">{t('plans.versionLabel', { version: plan.version })}</Th>
            <Td>
              <StatusBadge plan={plan} />
            </Td>
            <Td>{plan.decidedMeeting?.title ?? ''}</Td>
            <Td className="whitespace-nowrap">
              {plan.approvedAt ? <DateText value={plan.approvedAt} /> : ''}
            </Td>
            <Td className="break-keep sm:whitespace-nowrap">{plan.createdBy.displayName}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function PlanCompare({ caseId, plans }: { caseId: string; plans: readonly Plan[] }) {
  const { t } = useTranslation();
  const [older, setOlder] = useState(plans[1]?.id ?? '');
  const [newer, setNewer] = useState(plans[0]?.id ?? '');
  const [pair, setPair] = useState<{ a: string; b: string } | null>(null);
  const [same, setSame] = useState(false);
  const comparison = usePlanComparison(caseId, pair);
  const byId = new Map(plans.map((plan) => [plan.id, plan]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (older === newer) {
      setSame(true);
      return;
    }
    setSame(false);
    setPair({ a: older, b: newer });
  };
  const options = plans.map((plan) => (
    <option key={plan.id} value={plan.id}>
      {t('plans.versionLabel', { version: plan.version })}
    </option>
  ));
  const olderPlan = comparison.data ? byId.get(comparison.data.older.id) : undefined;
  const newerPlan = comparison.data ? byId.get(comparison.data.newer.id) : undefined;

  return (
    <Section id="plan-compare" title={t('plans.compareHeading')} level={3} className="flex flex-col gap-6">
      <form noValidate onSubmit={submit} className="flex flex-wrap items-end gap-x-8 gap-y-4 print:hidden">
        <div className="w-56">
          <SelectField
            id="plan-compare-older"
            label={t('plans.compareOlder')}
            value={older}
            error={same ? t('plans.compareSame') : undefined}
            onChange={(event) => setOlder(event.currentTarget.value)}
          >
            {options}
          </SelectField>
        </div>
        <div className="w-56">
          <SelectField
            id="plan-compare-newer"
            label={t('plans.compareNewer')}
            value={newer}
            onChange={(event) => setNewer(event.currentTarget.value)}
          >
            {options}
          </SelectField>
        </div>
        <Button type="submit" variant="outline">
          {t('plans.compare')}
        </Button>
      </form>
      {pair === null ? null : comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <QueryError error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : olderPlan && newerPlan ? (
        <PlanComparisonView comparison={comparison.data} older={olderPlan} newer={newerPlan} />
      ) : null}
    </Section>
  );
}

type ApproveValues = z.input<typeof planApproveSchema>;

function ApproveDialog({
  kase,
  plan,
  onCancel,
  onDone,
}: {
  kase: CaseDetail;
  plan: Plan;
  onCancel: () => void;
  onDone: (version: number) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const approve = useApprovePlan();
  const form = useServerCheckedForm<ApproveValues, z.output<typeof planApproveSchema>>({
    resolver: zodResolver(planApproveSchema),
    defaultValues: { meetingId: '' },
    serverError: approve.error,
    serverFields: ['meetingId'],
  });
  const { handleSubmit, registerField } = form;
  const field = useFieldWiring(registerField, { idPrefix: 'plan-approve', textPrefix: 'plans' });
  // The plan is decided at a 重層的支援会議 (consent-based); the server checks it was held.
  const meetings = kase.meetings.filter((meeting) => meeting.legalBasis === 'consent');
  const submit = handleSubmit(({ meetingId }) => {
    if (approve.isPending) return;
    // mutateAsync: once decided, the draft (and this dialog) is gone before a mutate callback would run.
    approve.mutateAsync({ planId: plan.id, caseId: kase.id, meetingId }).then(
      (approved) => onDone(approved.version),
      () => undefined, // the refusal is shown from the mutation's state
    );
  });
  return (
    <MutationFormDialog
      mutation={approve}
      open
      title={t('plans.approveTitle', { version: plan.version })}
      description={t('plans.approveBody')}
      submitLabel={t('plans.approve')}
      onSubmit={(event) => void submit(event)}
      onCancel={onCancel}
    >
      {meetings.length === 0 ? (
        <Alert tone="warning" title={t('plans.noConsentMeeting')} live={false} />
      ) : null}
      <SelectField {...field('meetingId', { text: 'meeting' })} required>
        <option value="">{t('plans.meetingPlaceholder')}</option>
        {meetings.map((meeting) => (
          <option key={meeting.id} value={meeting.id}>
            {meeting.status === 'held'
              ? t('plans.meetingHeld', {
                  title: meeting.title,
                  date: optionDate(meeting.heldAt ?? meeting.scheduledAt, language),
                })
              : t('plans.meetingNotHeld', {
                  title: meeting.title,
                  date: optionDate(meeting.scheduledAt, language),
                })}
          </option>
        ))}
      </SelectField>
    </MutationFormDialog>
  );
}
