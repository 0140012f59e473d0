import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household, HouseholdUpdate } from '../../../../../src/contract/households.ts';
import {
  householdRelationLabels,
  relations as relationCodes,
  sexes,
  tieKindLabels,
  tieStrengthLabels,
} from '../../../../../src/domain/codeLists.ts';
import type { HouseholdRelationKind, TieStrength } from '../../../../../src/domain/household/model.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CalendarDateField } from '../../../components/ui/calendar-date-field.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { CodeOptions, NamedOptions, Options, SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useOrganizationOptions } from '../../cases/api/list-organization-options.ts';
import { useUpdateHousehold } from '../api/households.ts';
import { householdErrors } from './household-errors.ts';
import { memberName } from './household-section.tsx';
import '../../../lib/i18n/forms.bundle.ts';

type Input = HouseholdUpdate;
type MemberRow = Input['members'][number];
type NewMemberRow = {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  sex: string;
  birthDate: string | undefined;
  relation: string;
  livingTogether: boolean;
  deceased: boolean;
};
type RelationRow = { from: string; to: string; kind: HouseholdRelationKind };
type TieRow = {
  kind: string;
  organizationId: string;
  name: string;
  memberId: string;
  strength: TieStrength;
  stressful: boolean;
  note: string;
};

/** Rows a fieldset edits in place: change one, remove one, add one. */
function useRows<Row>(initial: () => Row[]) {
  const [rows, setRows] = useState(initial);
  return {
    rows,
    change: (index: number, patch: Partial<Row>) =>
      setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row))),
    remove: (index: number) => setRows((all) => all.filter((_, i) => i !== index)),
    add: (row: Row) => setRows((all) => [...all, row]),
  };
}

/** A fieldset of editable rows with its 追加 button under them. */
function RowsFieldset({
  legend,
  addLabel,
  onAdd,
  children,
}: {
  legend: string;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="text-std-17B-170">{legend}</legend>
      {children}
      <div>
        <Button variant="outline" onClick={onAdd}>
          {addLabel}
        </Button>
      </div>
    </fieldset>
  );
}

/** One member's fields in a row, under the member's name (or "new member n"). */
function MemberFieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-wrap items-end gap-4 border-t border-solid-gray-420 pt-4">
      <legend className="text-std-16B-170">{legend}</legend>
      {children}
    </fieldset>
  );
}

function RemoveRowButton({ onRemove }: { onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="text" onClick={onRemove}>
      {t('forms.household.remove')}
    </Button>
  );
}

const newMemberNames = [
  { control: 'family', field: 'familyName' },
  { control: 'given', field: 'givenName' },
  { control: 'family-kana', field: 'familyNameKana' },
  { control: 'given-kana', field: 'givenNameKana' },
] as const;

const emptyNewMember: NewMemberRow = {
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  sex: 'unknown',
  birthDate: undefined,
  relation: 'otherRelative',
  livingTogether: false,
  deceased: false,
};

const emptyTie: TieRow = {
  kind: 'neighbour',
  organizationId: '',
  name: '',
  memberId: '',
  strength: 'normal',
  stressful: false,
  note: '',
};

/**
 * The coordinating section's editor of a household: each member's 続柄, 同居, support and death;
 * new members; the kinship edges (genogram) and ties (ecomap). The server checks everything and
 * names the field it refuses; nothing is saved until it accepts the whole.
 */
export function HouseholdEditor({
  caseId,
  household,
  onCancel,
  onSaved,
}: {
  caseId: string;
  household: Household;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateHousehold(caseId);
  const organizations = useOrganizationOptions();
  const members = useRows<MemberRow>(() =>
    household.members.map((m) => ({
      personId: m.person.id,
      relation: m.relation,
      livingTogether: m.livingTogether,
      supported: m.supported,
      deceased: m.deceased,
      diedOn: m.diedOn,
    })),
  );
  const newMembers = useRows<NewMemberRow>(() => []);
  const links = useRows<RelationRow>(() => household.relations);
  const ties = useRows<TieRow>(() =>
    household.ties
      .filter((tie) => !tie.implicit)
      .map((tie) => ({
        kind: tie.kind,
        organizationId: tie.organization?.id ?? '',
        name: tie.name ?? '',
        memberId: tie.memberId ?? '',
        strength: tie.strength,
        stressful: tie.stressful,
        note: tie.note ?? '',
      })),
  );

  const people = [
    ...household.members.map((m) => ({ value: m.person.id, label: memberName(m) })),
    ...newMembers.rows.map((m, i) => ({
      value: `new:${i}`,
      label: `${m.familyName} ${m.givenName}`.trim() || t('forms.household.newMember', { index: i + 1 }),
    })),
  ];
  const personOptions = <Options items={people} value={(p) => p.value} label={(p) => p.label} />;

  const save = () => {
    if (update.isPending) return;
    const input = {
      members: members.rows,
      newMembers: newMembers.rows.map((m) => ({
        person: {
          familyName: m.familyName,
          givenName: m.givenName,
          familyNameKana: m.familyNameKana,
          givenNameKana: m.givenNameKana,
          sex: m.sex,
          birthDate: m.birthDate ?? null,
        },
        relation: m.relation,
        livingTogether: m.livingTogether,
        supported: false,
        deceased: m.deceased,
        diedOn: null,
      })),
      relations: links.rows,
      ties: ties.rows.map((tie) => ({
        kind: tie.kind,
        organizationId: tie.organizationId || null,
        name: tie.name || null,
        memberId: tie.memberId || null,
        strength: tie.strength,
        stressful: tie.stressful,
        note: tie.note || null,
      })),
    } as Input;
    update
      .mutateAsync(input)
      .then(onSaved)
      .catch(() => undefined);
  };
  const errors = householdErrors(update.error);
  /** A field's control id with the server's message about it. */
  const control = (id: string) => ({ id, error: errors.byControl.get(id) });
  // After a refusal, focus the first field the server named (or the summary's first message).
  useEffect(() => {
    const first = householdErrors(update.error).byControl.keys().next().value;
    if (first) document.getElementById(first)?.focus();
  }, [update.error]);

  return (
    <form
      noValidate
      aria-label={t('forms.household.edit')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      className="flex flex-col gap-8 rounded-8 border border-solid-gray-420 p-6 print:hidden"
    >
      {update.error ? <ErrorSummary title={problemMessage(update.error, t)} messages={errors.all} /> : null}
      <RowsFieldset
        legend={t('forms.household.members')}
        addLabel={t('forms.household.addMember')}
        onAdd={() => newMembers.add(emptyNewMember)}
      >
        {members.rows.map((row, index) => {
          const member = household.members[index];
          const label = member ? memberName(member) : '';
          return (
            <MemberFieldset key={row.personId} legend={label}>
              <SelectField
                {...control(`hh-member-${index}-relation`)}
                label={t('forms.household.relation')}
                value={row.relation}
                onChange={(e) => members.change(index, { relation: e.target.value as MemberRow['relation'] })}
              >
                <CodeOptions codes={relationCodes} />
              </SelectField>
              <Checkbox
                id={`hh-member-${index}-together`}
                label={t('forms.household.livingTogether')}
                checked={row.livingTogether}
                onChange={(e) => members.change(index, { livingTogether: e.target.checked })}
              />
              <Checkbox
                id={`hh-member-${index}-supported`}
                label={t('forms.household.supported')}
                checked={row.supported}
                onChange={(e) => members.change(index, { supported: e.target.checked })}
              />
              <Checkbox
                id={`hh-member-${index}-deceased`}
                label={t('forms.household.deceased')}
                checked={row.deceased}
                onChange={(e) =>
                  members.change(index, {
                    deceased: e.target.checked,
                    diedOn: e.target.checked ? row.diedOn : null,
                  })
                }
              />
              {row.deceased ? (
                <CalendarDateField
                  {...control(`hh-member-${index}-died-on`)}
                  label={t('forms.household.diedOn')}
                  value={row.diedOn ?? undefined}
                  onChange={(value) => members.change(index, { diedOn: value ?? null })}
                />
              ) : null}
            </MemberFieldset>
          );
        })}
        {newMembers.rows.map((row, index) => (
          <MemberFieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: new members have no id until saved
            key={`new-${index}`}
            legend={t('forms.household.newMember', { index: index + 1 })}
          >
            {newMemberNames.map(({ control: name, field }) => (
              <TextField
                key={name}
                {...control(`hh-new-${index}-${name}`)}
                label={t(`forms.household.${field}`)}
                value={row[field]}
                onChange={(e) => newMembers.change(index, { [field]: e.target.value })}
              />
            ))}
            <SelectField
              {...control(`hh-new-${index}-sex`)}
              label={t('forms.household.sex')}
              value={row.sex}
              onChange={(e) => newMembers.change(index, { sex: e.target.value })}
            >
              <CodeOptions codes={sexes} />
            </SelectField>
            <CalendarDateField
              {...control(`hh-new-${index}-birth`)}
              label={t('forms.household.birthDate')}
              value={row.birthDate}
              onChange={(value) => newMembers.change(index, { birthDate: value })}
            />
            <SelectField
              {...control(`hh-new-${index}-relation`)}
              label={t('forms.household.relation')}
              value={row.relation}
              onChange={(e) => newMembers.change(index, { relation: e.target.value })}
            >
              <CodeOptions codes={relationCodes} />
            </SelectField>
            <Checkbox
              id={`hh-new-${index}-together`}
              label={t('forms.household.livingTogether')}
              checked={row.livingTogether}
              onChange={(e) => newMembers.change(index, { livingTogether: e.target.checked })}
            />
            <Checkbox
              id={`hh-new-${index}-deceased`}
              label={t('forms.household.deceased')}
              checked={row.deceased}
              onChange={(e) => newMembers.change(index, { deceased: e.target.checked })}
            />
            <RemoveRowButton onRemove={() => newMembers.remove(index)} />
          </MemberFieldset>
        ))}
      </RowsFieldset>
      <RowsFieldset
        legend={t('forms.household.relations')}
        addLabel={t('forms.household.addRelation')}
        onAdd={() =>
          links.add({ from: people[0]?.value ?? '', to: people[1]?.value ?? '', kind: 'parentChild' })
        }
      >
        {links.rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          <div key={`link-${index}`} className="flex flex-wrap items-end gap-4">
            <SelectField
              {...control(`hh-link-${index}-from`)}
              label={t('forms.household.from')}
              value={row.from}
              onChange={(e) => links.change(index, { from: e.target.value })}
            >
              {personOptions}
            </SelectField>
            <SelectField
              {...control(`hh-link-${index}-kind`)}
              label={t('forms.household.kind')}
              value={row.kind}
              onChange={(e) => links.change(index, { kind: e.target.value as HouseholdRelationKind })}
            >
              <CodeOptions codes={householdRelationLabels} />
            </SelectField>
            <SelectField
              {...control(`hh-link-${index}-to`)}
              label={t('forms.household.to')}
              value={row.to}
              onChange={(e) => links.change(index, { to: e.target.value })}
            >
              {personOptions}
            </SelectField>
            <RemoveRowButton onRemove={() => links.remove(index)} />
          </div>
        ))}
      </RowsFieldset>
      <RowsFieldset
        legend={t('forms.household.ties')}
        addLabel={t('forms.household.addTie')}
        onAdd={() => ties.add(emptyTie)}
      >
        {ties.rows.map((row, index) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            key={`tie-${index}`}
            className="flex flex-wrap items-end gap-4 border-t border-solid-gray-420 pt-4"
          >
            <SelectField
              {...control(`hh-tie-${index}-kind`)}
              label={t('forms.household.tieKind')}
              value={row.kind}
              onChange={(e) => ties.change(index, { kind: e.target.value })}
            >
              <CodeOptions codes={tieKindLabels} />
            </SelectField>
            {row.kind === 'organization' ? (
              <SelectField
                {...control(`hh-tie-${index}-org`)}
                label={t('forms.household.tieOrganization')}
                value={row.organizationId}
                onChange={(e) => ties.change(index, { organizationId: e.target.value })}
              >
                <option value="">{t('forms.household.choose')}</option>
                <NamedOptions items={organizations.data ?? []} />
              </SelectField>
            ) : null}
            <TextField
              {...control(`hh-tie-${index}-name`)}
              label={t('forms.household.tieName')}
              value={row.name}
              onChange={(e) => ties.change(index, { name: e.target.value })}
            />
            <SelectField
              {...control(`hh-tie-${index}-strength`)}
              label={t('forms.household.tieStrength')}
              value={row.strength}
              onChange={(e) => ties.change(index, { strength: e.target.value as TieStrength })}
            >
              <CodeOptions codes={tieStrengthLabels} />
            </SelectField>
            <Checkbox
              id={`hh-tie-${index}-stressful`}
              label={t('forms.household.tieStressful')}
              checked={row.stressful}
              onChange={(e) => ties.change(index, { stressful: e.target.checked })}
            />
            <SelectField
              {...control(`hh-tie-${index}-member`)}
              label={t('forms.household.tieMember')}
              value={row.memberId}
              onChange={(e) => ties.change(index, { memberId: e.target.value })}
            >
              <option value="">{t('forms.household.wholeHousehold')}</option>
              <Options items={household.members} value={(m) => m.person.id} label={memberName} />
            </SelectField>
            <TextField
              {...control(`hh-tie-${index}-note`)}
              label={t('forms.household.tieNote')}
              value={row.note}
              onChange={(e) => ties.change(index, { note: e.target.value })}
            />
            <RemoveRowButton onRemove={() => ties.remove(index)} />
          </div>
        ))}
      </RowsFieldset>
      <div className="flex flex-wrap gap-4">
        <Button type="submit" aria-disabled={update.isPending || undefined}>
          {t('forms.household.save')}
        </Button>
        <Button variant="outline" onClick={onCancel}>
          {t('forms.household.cancel')}
        </Button>
      </div>
    </form>
  );
}
