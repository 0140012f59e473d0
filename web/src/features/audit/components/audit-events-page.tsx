import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEvent, auditActions } from '../../../../../src/contract/auditEvents.ts';
import { parseWareki } from '../../../../../src/domain/wareki.ts';
import { CsvDownloadSection } from '../../../components/csv-download-section.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { SearchForm } from '../../../components/ui/search-form.tsx';
import { ShowMore } from '../../../components/ui/show-more.tsx';
import { Td } from '../../../components/ui/table.tsx';
import { WarekiDateField } from '../../../components/ui/wareki-date-field.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useExportAuditEvents } from '../api/export-audit-events.ts';
import { type AuditFilter, useAuditEvents } from '../api/list-audit-events.ts';
import { useAuditFilterOptions } from '../api/list-filter-options.ts';
import { useAuditSubjects } from '../api/search-audit-subjects.ts';
import { type Choice, TypeAhead } from './type-ahead.tsx';
import '../../../lib/i18n/admin.bundle.ts';

type Form = {
  user: Choice | null;
  organization: Choice | null;
  person: Choice | null;
  kase: Choice | null;
  actions: string[];
  from: string;
  to: string;
};
/** The period's two ends, typed in 和暦. */
const periodKeys = ['from', 'to'] as const;
type FormErrors = Partial<Record<(typeof periodKeys)[number], string>>;

const emptyForm: Form = {
  user: null,
  organization: null,
  person: null,
  kase: null,
  actions: [],
  from: '',
  to: '',
};

const knownBases = ['consent', 'article106_6', 'intake', 'coordination'];

function PurposeText({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const basis = event.legalBasis;
  const parts = [
    event.purpose,
    basis ? (knownBases.includes(basis) ? t(`audit.legalBasis.${basis as 'consent'}`) : basis) : null,
  ].filter(Boolean);
  return <>{parts.join('／')}</>;
}

/** What the event is about, by name: the kind of record, a user's or organisation's name, the person and the case. */
export function TargetText({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const operation =
    event.resourceType === 'route' && typeof event.details.operationId === 'string'
      ? event.details.operationId
      : null;
  return (
    <span className="flex flex-col">
      <span>
        {codeName('auditResourceType', event.resourceType)}
        {event.resourceName ? ` ${event.resourceName}` : null}
        {operation ? <span className="break-all text-solid-gray-700"> {operation}</span> : null}
      </span>
      {event.person ? (
        <span>
          {t('audit.person')}{' '}
          {event.personDisposed ? t('audit.disposed') : (event.person.name ?? t('audit.gone'))}
        </span>
      ) : null}
      {event.case ? (
        <span>
          {t('audit.case')} {event.case.caseNumber ?? t('audit.gone')}
        </span>
      ) : null}
    </span>
  );
}

const normalize = (value: string) => value.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Choices of a loaded list whose label contains what was typed (spaces and width ignored). */
function localChoices(list: Choice[] | undefined, text: string) {
  const wanted = normalize(text);
  return {
    choices: wanted ? (list ?? []).filter((c) => normalize(c.label).includes(wanted)).slice(0, 20) : [],
    pending: list === undefined,
  };
}

function useUserChoices(text: string) {
  const options = useAuditFilterOptions();
  return localChoices(
    options.data?.users.map((u) => ({ id: u.id, label: u.name })),
    text,
  );
}

function useOrganizationChoices(text: string) {
  const options = useAuditFilterOptions();
  return localChoices(
    options.data?.organizations.map((o) => ({ id: o.id, label: o.name })),
    text,
  );
}

function usePersonChoices(text: string) {
  const found = useAuditSubjects(text);
  return {
    choices: text ? (found.data?.persons ?? []).map((p) => ({ id: p.id, label: p.name })) : [],
    pending: found.isFetching,
  };
}

function useCaseChoices(text: string) {
  const found = useAuditSubjects(text);
  return {
    choices: text
      ? (found.data?.cases ?? []).map((c) => ({ id: c.id, label: c.caseNumber, detail: c.personName }))
      : [],
    pending: found.isFetching,
  };
}

/**
 * 監査ログ (`/audit`, optionally opened from the auditor's home with `?action=&from=`): the auditor filters the trail by user, organisation, person, case, actions
 * and a period typed in 和暦, reads it newest first and downloads the same selection as CSV.
 */
export function AuditEventsPage({ initial = {} }: { initial?: { action?: string; from?: string } }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const language = currentLanguage();
  const initialActions =
    initial.action && (auditActions as readonly string[]).includes(initial.action) ? [initial.action] : [];
  const [form, setForm] = useState<Form>({ ...emptyForm, actions: initialActions, from: initial.from ?? '' });
  const [errors, setErrors] = useState<FormErrors>({});
  const [filter, setFilter] = useState<AuditFilter>({
    actions: initialActions,
    ...(initial.from ? { from: initial.from } : {}),
  });
  const events = useAuditEvents(filter);
  const exporter = useExportAuditEvents(filter);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = () => {
    const next: FormErrors = {};
    const dates: { from?: string; to?: string } = {};
    for (const key of periodKeys) {
      if (form[key].trim() === '') continue;
      const parsed = parseWareki(form[key]);
      if (parsed.ok) dates[key] = parsed.date;
      else next[key] = parsed.reason;
    }
    if (dates.from && dates.to && dates.from > dates.to) next.to = t('audit.periodOrder');
    setErrors(next);
    const first = periodKeys.find((key) => next[key]);
    if (first) {
      document.getElementById(`audit-${first}`)?.focus();
      return;
    }
    setFilter({
      actions: form.actions,
      ...(form.user ? { userId: form.user.id } : {}),
      ...(form.organization ? { organizationId: form.organization.id } : {}),
      ...(form.person ? { personId: form.person.id } : {}),
      ...(form.kase ? { caseId: form.kase.id } : {}),
      ...dates,
    });
  };

  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <>
      <PageHeading lead={t('audit.lead')}>{t('audit.heading')}</PageHeading>
      <div className="flex flex-col gap-8">
        <SearchForm
          label={t('audit.filterLabel')}
          submitLabel={t('audit.search')}
          onSubmit={submit}
          className="flex max-w-[64rem] flex-col gap-6"
          invalid={hasErrors}
        >
          <div className="grid gap-6 md:grid-cols-2">
            <TypeAhead
              id="audit-user"
              label={t('audit.user')}
              supportText={t('audit.userSupport')}
              selected={form.user}
              onSelect={(choice) => set('user', choice)}
              useChoices={useUserChoices}
            />
            <TypeAhead
              id="audit-organization"
              label={t('audit.organization')}
              supportText={t('audit.organizationSupport')}
              selected={form.organization}
              onSelect={(choice) => set('organization', choice)}
              useChoices={useOrganizationChoices}
            />
            <TypeAhead
              id="audit-person"
              label={t('audit.personPicker')}
              supportText={t('audit.personSupport')}
              selected={form.person}
              onSelect={(choice) => set('person', choice)}
              useChoices={usePersonChoices}
            />
            <TypeAhead
              id="audit-case"
              label={t('audit.casePicker')}
              supportText={t('audit.caseSupport')}
              selected={form.kase}
              onSelect={(choice) => set('kase', choice)}
              useChoices={useCaseChoices}
            />
            {periodKeys.map((key) => (
              <WarekiDateField
                key={key}
                id={`audit-${key}`}
                label={t(`audit.${key}`)}
                supportText={t('audit.periodSupport')}
                typed={form[key]}
                value={form[key]}
                error={errors[key]}
                onChange={(event) => set(key, event.currentTarget.value)}
              />
            ))}
          </div>
          <CheckboxGroup legend={t('audit.actions')} supportText={t('audit.actionsSupport')}>
            <div className="grid max-h-72 gap-x-6 overflow-y-auto rounded-8 border border-solid-gray-420 px-4 sm:grid-cols-2 lg:grid-cols-3">
              {auditActions.map((action) => (
                <Checkbox
                  key={action}
                  label={codeName('auditAction', action)}
                  value={action}
                  checked={form.actions.includes(action)}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    set(
                      'actions',
                      checked ? [...form.actions, action] : form.actions.filter((a) => a !== action),
                    );
                  }}
                />
              ))}
            </div>
          </CheckboxGroup>
        </SearchForm>

        <CsvDownloadSection
          id="audit-export"
          text={(key, values) => t(`audit.${key}`, values)}
          exporter={exporter}
        />

        {events.isPending ? (
          <Loading />
        ) : events.isError && items.length === 0 ? (
          <QueryError error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <>
            {events.isError ? <QueryError error={events.error} /> : null}
            <DataTable
              caption={t('audit.resultsCaption')}
              captionDetail={t('audit.shownCount', { count: items.length })}
              columns={textsUnder(t, 'audit.columns', [
                'time',
                'user',
                'organization',
                'action',
                'target',
                'purpose',
                'ip',
              ])}
              rows={items}
              empty={t('audit.empty')}
            >
              {(event) => (
                <tr key={event.id}>
                  <Td className="whitespace-nowrap">
                    {formatDateTime(event.occurredAt, language, { seconds: true })}
                  </Td>
                  <Td>
                    {event.user ? (
                      <span className="flex flex-col">
                        <span>{event.user.displayName ?? ''}</span>
                        <span className="text-solid-gray-700">{event.user.loginId ?? ''}</span>
                      </span>
                    ) : (
                      ((event.details.loginId as string | undefined) ?? '')
                    )}
                  </Td>
                  <Td>{event.organization?.name ?? ''}</Td>
                  <Td>{codeName('auditAction', event.action)}</Td>
                  <Td>
                    <TargetText event={event} />
                  </Td>
                  <Td>
                    <PurposeText event={event} />
                  </Td>
                  <Td>{event.ip ?? ''}</Td>
                </tr>
              )}
            </DataTable>
            <ShowMore query={events} label={t('audit.showMore')} />
          </>
        )}
      </div>
    </>
  );
}
