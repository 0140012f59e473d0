import type { ComponentProps, ReactNode } from 'react';
import { type FieldPath, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../../../../../src/contract/resources.ts';
import { resourceKinds, resourceNeeds, resourceStatuses } from '../../../../../src/domain/resources/codes.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { MessageCheckboxes } from '../../../components/ui/message-checkboxes.tsx';
import { RepeatedEntries } from '../../../components/ui/repeated-entries.tsx';
import { Options, SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { type FieldWiring, useFieldWiring } from '../../../lib/form-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import type { KeysUnder } from '../../../lib/section-texts.ts';
import type { ResourceBody } from '../api/save-resource.ts';
import '../../../lib/i18n/resources.bundle.ts';

/** The form holds text as typed; numbers and day lists are made on submit (the server validates). */
export interface ResourceFormValues {
  name: string;
  alternateName: string;
  description: string;
  status: string;
  kinds: string[];
  needs: string[];
  organization: { name: string; description: string; website: string };
  eligibilityDescription: string;
  minimumAge: string;
  maximumAge: string;
  feesDescription: string;
  applicationProcess: string;
  url: string;
  email: string;
  phone: string;
  assuredOn: string;
  locations: {
    name: string;
    postalCode: string;
    address: string;
    schoolDistrict: string;
    district: string;
    transportation: string;
  }[];
  schedules: { freq: string; byday: string; opensAt: string; closesAt: string; notes: string }[];
  contacts: { name: string; title: string; department: string; email: string; phone: string }[];
}

const emptyLocation = {
  name: '',
  postalCode: '',
  address: '',
  schoolDistrict: '',
  district: '',
  transportation: '',
};
const emptySchedule = { freq: 'WEEKLY', byday: '', opensAt: '', closesAt: '', notes: '' };
const emptyContact = { name: '', title: '', department: '', email: '', phone: '' };

export const emptyResourceValues: ResourceFormValues = {
  name: '',
  alternateName: '',
  description: '',
  status: 'active',
  kinds: [],
  needs: [],
  organization: { name: '', description: '', website: '' },
  eligibilityDescription: '',
  minimumAge: '',
  maximumAge: '',
  feesDescription: '',
  applicationProcess: '',
  url: '',
  email: '',
  phone: '',
  assuredOn: '',
  locations: [emptyLocation],
  schedules: [],
  contacts: [],
};

export function resourceValuesOf(r: Resource): ResourceFormValues {
  return {
    name: r.name,
    alternateName: r.alternateName ?? '',
    description: r.description,
    status: r.status,
    kinds: r.kinds,
    needs: r.needs,
    organization: {
      name: r.organization.name,
      description: r.organization.description,
      website: r.organization.website ?? '',
    },
    eligibilityDescription: r.eligibilityDescription ?? '',
    minimumAge: r.minimumAge === null ? '' : String(r.minimumAge),
    maximumAge: r.maximumAge === null ? '' : String(r.maximumAge),
    feesDescription: r.feesDescription ?? '',
    applicationProcess: r.applicationProcess ?? '',
    url: r.url ?? '',
    email: r.email ?? '',
    phone: r.phone ?? '',
    assuredOn: r.assuredOn ?? '',
    locations: r.locations.map((l) => ({
      name: l.name ?? '',
      postalCode: l.postalCode ?? '',
      address: l.address ?? '',
      schoolDistrict: l.schoolDistrict ?? '',
      district: l.district ?? '',
      transportation: l.transportation ?? '',
    })),
    schedules: r.schedules.map((s) => ({
      freq: s.freq,
      byday: s.byday.join(','),
      opensAt: s.opensAt ?? '',
      closesAt: s.closesAt ?? '',
      notes: s.notes ?? '',
    })),
    contacts: r.contacts.map((c) => ({
      name: c.name ?? '',
      title: c.title ?? '',
      department: c.department ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
  };
}

const age = (text: string): number | null => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  return Number.isNaN(value) ? (trimmed as unknown as number) : value;
};

export function resourceBodyOf(values: ResourceFormValues): ResourceBody {
  return {
    ...values,
    status: values.status as ResourceBody['status'],
    kinds: values.kinds as ResourceBody['kinds'],
    needs: values.needs as ResourceBody['needs'],
    minimumAge: age(values.minimumAge),
    maximumAge: age(values.maximumAge),
    assuredOn: values.assuredOn || null,
    locations: values.locations.filter((l) => Object.values(l).some((v) => v.trim() !== '')),
    schedules: values.schedules.map((s) => ({
      ...s,
      freq: s.freq as 'WEEKLY' | 'MONTHLY',
      byday: s.byday
        .split(/[,、，\s]+/)
        .map((d) => d.trim().toUpperCase())
        .filter(Boolean),
    })),
  };
}

type Entries = Pick<ResourceFormValues, 'locations' | 'schedules' | 'contacts'>;

/** One text field of a location, schedule or contact: its key, its id's last part, its label and input kind. */
type EntryField<List extends keyof Entries> = {
  key: keyof Entries[List][number] & string;
  id: string;
  text: KeysUnder<'resources.form'>;
  input?: Pick<ComponentProps<'input'>, 'type' | 'inputMode' | 'autoComplete'>;
  support?: KeysUnder<'resources.form'>;
};

const locationFields: EntryField<'locations'>[] = [
  { key: 'name', id: 'name', text: 'locationName' },
  {
    key: 'postalCode',
    id: 'postal',
    text: 'postalCode',
    input: { inputMode: 'numeric', autoComplete: 'off' },
  },
  { key: 'address', id: 'address', text: 'address' },
  { key: 'transportation', id: 'transportation', text: 'transportation' },
  { key: 'schoolDistrict', id: 'school', text: 'schoolDistrict' },
  { key: 'district', id: 'district', text: 'district' },
];

const scheduleFields: EntryField<'schedules'>[] = [
  { key: 'byday', id: 'byday', text: 'byday', support: 'bydaySupport' },
  { key: 'opensAt', id: 'opens', text: 'opensAt', input: { type: 'time' } },
  { key: 'closesAt', id: 'closes', text: 'closesAt', input: { type: 'time' } },
  { key: 'notes', id: 'notes', text: 'notes' },
];

const contactFields: EntryField<'contacts'>[] = [
  { key: 'name', id: 'name', text: 'contactName' },
  { key: 'title', id: 'title', text: 'contactTitle' },
  { key: 'department', id: 'department', text: 'department' },
  { key: 'phone', id: 'phone', text: 'phone', input: { type: 'tel' } },
  { key: 'email', id: 'email', text: 'email', input: { type: 'email' } },
];

const entryIdPrefix: Record<keyof Entries, string> = {
  locations: 'resource-location',
  schedules: 'resource-schedule',
  contacts: 'resource-contact',
};

/** The text fields of the entry at `index` of a list, as its table of fields says. */
function EntryFields<List extends keyof Entries>({
  list,
  index,
  fields,
  field,
}: {
  list: List;
  index: number;
  fields: readonly EntryField<List>[];
  field: FieldWiring<FieldPath<ResourceFormValues>, object, 'resources.form'>;
}) {
  return fields.map(({ key, id, text, input, support }) => (
    <TextField
      key={key}
      {...field(`${list}.${index}.${key}` as FieldPath<ResourceFormValues>, {
        id: `${entryIdPrefix[list]}-${index}-${id}`,
        text,
        ...(support ? { support } : {}),
      })}
      {...input}
    />
  ));
}

/** 社会資源の登録・編集: one form for both; the server's field errors are placed on the fields. */
export function ResourceForm({
  defaultValues,
  submitting,
  error,
  onSubmit,
  cancel,
}: {
  defaultValues: ResourceFormValues;
  submitting: boolean;
  error: unknown;
  onSubmit: (body: ResourceBody) => void;
  cancel: ReactNode;
}) {
  const { t } = useTranslation();
  const { register, control, handleSubmit, errors, unplaced, registerField } =
    useServerCheckedForm<ResourceFormValues>({
      defaultValues,
      serverError: error,
      serverFields: (values) => {
        const fields = [
          'name',
          'alternateName',
          'description',
          'status',
          'kinds',
          'needs',
          'organization.name',
          'organization.description',
          'organization.website',
          'eligibilityDescription',
          'minimumAge',
          'maximumAge',
          'feesDescription',
          'applicationProcess',
          'url',
          'email',
          'phone',
          'assuredOn',
          ...values.locations.flatMap((_l, i) =>
            Object.keys(emptyLocation).map((key) => `locations.${i}.${key}`),
          ),
          ...values.schedules.flatMap((_s, i) =>
            Object.keys(emptySchedule).map((key) => `schedules.${i}.${key}`),
          ),
          ...values.contacts.flatMap((_c, i) =>
            Object.keys(emptyContact).map((key) => `contacts.${i}.${key}`),
          ),
        ] as FieldPath<ResourceFormValues>[];
        return fields;
      },
    });
  const locations = useFieldArray({ control, name: 'locations' });
  const schedules = useFieldArray({ control, name: 'schedules' });
  const contacts = useFieldArray({ control, name: 'contacts' });
  const field = useFieldWiring(registerField, { idPrefix: 'resource', textPrefix: 'resources.form' });

  const submit = handleSubmit((values) => {
    if (!submitting) onSubmit(resourceBodyOf(values));
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[56rem] flex-col gap-8">
      <p>{t('resources.form.lead')}</p>
      {error ? <ErrorSummary title={problemMessage(error, t)} messages={unplaced} /> : null}
      <TextField {...field('name')} required />
      <TextField {...field('alternateName')} />
      <TextareaField {...field('description')} rows={4} />
      <SelectField {...field('status')} required>
        <Options
          items={resourceStatuses}
          value={(s) => s.code}
          label={(s) => t(`resources.statuses.${s.code}`)}
        />
      </SelectField>
      <CheckboxGroup legend={t('resources.form.kindsLegend')} required error={errors.kinds?.message}>
        <div className="grid grid-cols-1 gap-x-6 md:grid-cols-3">
          <MessageCheckboxes
            codes={resourceKinds.map((k) => k.code)}
            textPrefix="resources.kinds"
            idPrefix="resource-kind"
            registration={register('kinds')}
          />
        </div>
      </CheckboxGroup>
      <CheckboxGroup legend={t('resources.form.needsLegend')} error={errors.needs?.message}>
        <div className="grid grid-cols-1 gap-x-6 md:grid-cols-3">
          <MessageCheckboxes
            codes={resourceNeeds.map((n) => n.code)}
            textPrefix="resources.needs"
            idPrefix="resource-need"
            registration={register('needs')}
          />
        </div>
      </CheckboxGroup>
      <fieldset className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4">
        <legend className="px-1 text-std-17B-170">{t('resources.form.organizationLegend')}</legend>
        <TextField
          {...field('organization.name', { text: 'organizationName', support: 'organizationNameSupport' })}
          required
        />
        <TextareaField {...field('organization.description', { text: 'organizationDescription' })} rows={2} />
        <TextField
          {...field('organization.website', { id: 'resource-organization-website', text: 'website' })}
          inputMode="url"
          autoComplete="off"
        />
      </fieldset>
      <TextareaField {...field('eligibilityDescription', { text: 'eligibility' })} rows={2} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField {...field('minimumAge')} inputMode="numeric" />
        <TextField {...field('maximumAge')} inputMode="numeric" />
      </div>
      <TextField {...field('feesDescription', { text: 'fees' })} />
      <TextareaField {...field('applicationProcess', { text: 'application' })} rows={2} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField {...field('phone')} type="tel" />
        <TextField {...field('email')} type="email" />
        <TextField {...field('url')} inputMode="url" autoComplete="off" />
        <TextField {...field('assuredOn')} type="date" />
      </div>
      <RepeatedEntries
        legend={t('resources.form.locationsLegend')}
        entries={locations.fields}
        title={(n) => t('resources.form.location', { n })}
        removeLabel={(n) => t('resources.form.removeLocation', { n })}
        addLabel={t('resources.form.addLocation')}
        onRemove={locations.remove}
        onAdd={() => locations.append(emptyLocation)}
      >
        {(index) => <EntryFields list="locations" index={index} fields={locationFields} field={field} />}
      </RepeatedEntries>
      <RepeatedEntries
        legend={t('resources.form.schedulesLegend')}
        entries={schedules.fields}
        title={(n) => t('resources.form.schedule', { n })}
        removeLabel={(n) => t('resources.form.removeSchedule', { n })}
        addLabel={t('resources.form.addSchedule')}
        onRemove={schedules.remove}
        onAdd={() => schedules.append(emptySchedule)}
      >
        {(index) => (
          <>
            <SelectField
              id={`resource-schedule-${index}-freq`}
              label={t('resources.form.freq')}
              {...registerField(`schedules.${index}.freq`)}
            >
              <option value="WEEKLY">{t('resources.form.freqWeekly')}</option>
              <option value="MONTHLY">{t('resources.form.freqMonthly')}</option>
            </SelectField>
            <EntryFields list="schedules" index={index} fields={scheduleFields} field={field} />
          </>
        )}
      </RepeatedEntries>
      <RepeatedEntries
        legend={t('resources.form.contactsLegend')}
        entries={contacts.fields}
        title={(n) => t('resources.form.contact', { n })}
        removeLabel={(n) => t('resources.form.removeContact', { n })}
        addLabel={t('resources.form.addContact')}
        onRemove={contacts.remove}
        onAdd={() => contacts.append(emptyContact)}
      >
        {(index) => <EntryFields list="contacts" index={index} fields={contactFields} field={field} />}
      </RepeatedEntries>
      <FormActions>
        <Button type="submit" variant="solid-fill" aria-disabled={submitting || undefined}>
          {submitting ? t('resources.form.saving') : t('resources.form.save')}
        </Button>
        {cancel}
      </FormActions>
    </form>
  );
}
