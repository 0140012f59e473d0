import { useEffect, useState } from 'react';
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
import { SelectField } from '../../../components/ui/select-field.tsx';
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
  const [members, setMembers] = useState<MemberRow[]>(
    household.members.map((m) => ({
      personId: m.person.id,
      relation: m.relation,
      livingTogether: m.livingTogether,
      supported: m.supported,
      deceased: m.deceased,
      diedOn: m.diedOn,
    })),
  );
  const [newMembers, setNewMembers] = useState<NewMemberRow[]>([]);
  const [links, setLinks] = useState<RelationRow[]>(household.relations);
  const [ties, setTies] = useState<TieRow[]>(
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
    ...newMembers.map((m, i) => ({
      value: `new:${i}`,
      label: `${m.familyName} ${m.givenName}`.trim() || t('forms.household.newMember', { index: i + 1 }),
    })),
  ];
  const setMember = (index: number, patch: Partial<MemberRow>) =>
    setMembers((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const setNew = (index: number, patch: Partial<NewMemberRow>) =>
    setNewMembers((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const setLink = (index: number, patch: Partial<RelationRow>) =>
    setLinks((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const setTie = (index: number, patch: Partial<TieRow>) =>
    setTies((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const save = () => {
    if (update.isPending) return;
    const input = {
      members,
      newMembers: newMembers.map((m) => ({
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
      relations: links,
      ties: ties.map((tie) => ({
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
      <fieldset className="flex flex-col gap-4">
        <legend className="text-std-17B-170">{t('forms.household.members')}</legend>
        {members.map((row, index) => {
          const member = household.members[index];
          const label = member ? memberName(member) : '';
          return (
            <fieldset
              key={row.personId}
              className="flex flex-wrap items-end gap-4 border-t border-solid-gray-420 pt-4"
            >
              <legend className="text-std-16B-170">{label}</legend>
              <SelectField
                id={`hh-member-${index}-relation`}
                error={errors.byControl.get(`hh-member-${index}-relation`)}
                label={t('forms.household.relation')}
                value={row.relation}
                onChange={(e) => setMember(index, { relation: e.target.value as MemberRow['relation'] })}
              >
                {relationCodes.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.label}
                  </option>
                ))}
              </SelectField>
              <Checkbox
                id={`hh-member-${index}-together`}
                label={t('forms.household.livingTogether')}
                checked={row.livingTogether}
                onChange={(e) => setMember(index, { livingTogether: e.target.checked })}
              />
              <Checkbox
                id={`hh-member-${index}-supported`}
                label={t('forms.household.supported')}
                checked={row.supported}
                onChange={(e) => setMember(index, { supported: e.target.checked })}
              />
              <Checkbox
                id={`hh-member-${index}-deceased`}
                label={t('forms.household.deceased')}
                checked={row.deceased}
                onChange={(e) =>
                  setMember(index, {
                    deceased: e.target.checked,
                    diedOn: e.target.checked ? row.diedOn : null,
                  })
                }
              />
              {row.deceased ? (
                <CalendarDateField
                  id={`hh-member-${index}-died-on`}
                  error={errors.byControl.get(`hh-member-${index}-died-on`)}
                  label={t('forms.household.diedOn')}
                  value={row.diedOn ?? undefined}
                  onChange={(value) => setMember(index, { diedOn: value ?? null })}
                />
              ) : null}
            </fieldset>
          );
        })}
        {newMembers.map((row, index) => (
          <fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: new members have no id until saved
            key={`new-${index}`}
            className="flex flex-wrap items-end gap-4 border-t border-solid-gray-420 pt-4"
          >
            <legend className="text-std-16B-170">
              {t('forms.household.newMember', { index: index + 1 })}
            </legend>
            <TextField
              id={`hh-new-${index}-family`}
              error={errors.byControl.get(`hh-new-${index}-family`)}
              label={t('forms.household.familyName')}
              value={row.familyName}
              onChange={(e) => setNew(index, { familyName: e.target.value })}
            />
            <TextField
              id={`hh-new-${index}-given`}
              error={errors.byControl.get(`hh-new-${index}-given`)}
              label={t('forms.household.givenName')}
              value={row.givenName}
              onChange={(e) => setNew(index, { givenName: e.target.value })}
            />
            <TextField
              id={`hh-new-${index}-family-kana`}
              error={errors.byControl.get(`hh-new-${index}-family-kana`)}
              label={t('forms.household.familyNameKana')}
              value={row.familyNameKana}
              onChange={(e) => setNew(index, { familyNameKana: e.target.value })}
            />
            <TextField
              id={`hh-new-${index}-given-kana`}
              error={errors.byControl.get(`hh-new-${index}-given-kana`)}
              label={t('forms.household.givenNameKana')}
              value={row.givenNameKana}
              onChange={(e) => setNew(index, { givenNameKana: e.target.value })}
            />
            <SelectField
              id={`hh-new-${index}-sex`}
              error={errors.byControl.get(`hh-new-${index}-sex`)}
              label={t('forms.household.sex')}
              value={row.sex}
              onChange={(e) => setNew(index, { sex: e.target.value })}
            >
              {sexes.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <CalendarDateField
              id={`hh-new-${index}-birth`}
              error={errors.byControl.get(`hh-new-${index}-birth`)}
              label={t('forms.household.birthDate')}
              value={row.birthDate}
              onChange={(value) => setNew(index, { birthDate: value })}
            />
            <SelectField
              id={`hh-new-${index}-relation`}
              error={errors.byControl.get(`hh-new-${index}-relation`)}
              label={t('forms.household.relation')}
              value={row.relation}
              onChange={(e) => setNew(index, { relation: e.target.value })}
            >
              {relationCodes.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </SelectField>
            <Checkbox
              id={`hh-new-${index}-together`}
              label={t('forms.household.livingTogether')}
              checked={row.livingTogether}
              onChange={(e) => setNew(index, { livingTogether: e.target.checked })}
            />
            <Checkbox
              id={`hh-new-${index}-deceased`}
              label={t('forms.household.deceased')}
              checked={row.deceased}
              onChange={(e) => setNew(index, { deceased: e.target.checked })}
            />
            <Button
              variant="text"
              onClick={() => setNewMembers((rows) => rows.filter((_, i) => i !== index))}
            >
              {t('forms.household.remove')}
            </Button>
          </fieldset>
        ))}
        <div>
          <Button
            variant="outline"
            onClick={() =>
              setNewMembers((rows) => [
                ...rows,
                {
                  familyName: '',
                  givenName: '',
                  familyNameKana: '',
                  givenNameKana: '',
                  sex: 'unknown',
                  birthDate: undefined,
                  relation: 'otherRelative',
                  livingTogether: false,
                  deceased: false,
                },
              ])
            }
          >
            {t('forms.household.addMember')}
          </Button>
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="text-std-17B-170">{t('forms.household.relations')}</legend>
        {links.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          <div key={`link-${index}`} className="flex flex-wrap items-end gap-4">
            <SelectField
              id={`hh-link-${index}-from`}
              error={errors.byControl.get(`hh-link-${index}-from`)}
              label={t('forms.household.from')}
              value={row.from}
              onChange={(e) => setLink(index, { from: e.target.value })}
            >
              {people.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`hh-link-${index}-kind`}
              error={errors.byControl.get(`hh-link-${index}-kind`)}
              label={t('forms.household.kind')}
              value={row.kind}
              onChange={(e) => setLink(index, { kind: e.target.value as HouseholdRelationKind })}
            >
              {householdRelationLabels.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`hh-link-${index}-to`}
              error={errors.byControl.get(`hh-link-${index}-to`)}
              label={t('forms.household.to')}
              value={row.to}
              onChange={(e) => setLink(index, { to: e.target.value })}
            >
              {people.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </SelectField>
            <Button variant="text" onClick={() => setLinks((rows) => rows.filter((_, i) => i !== index))}>
              {t('forms.household.remove')}
            </Button>
          </div>
        ))}
        <div>
          <Button
            variant="outline"
            onClick={() =>
              setLinks((rows) => [
                ...rows,
                { from: people[0]?.value ?? '', to: people[1]?.value ?? '', kind: 'parentChild' },
              ])
            }
          >
            {t('forms.household.addRelation')}
          </Button>
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="text-std-17B-170">{t('forms.household.ties')}</legend>
        {ties.map((row, index) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            key={`tie-${index}`}
            className="flex flex-wrap items-end gap-4 border-t border-solid-gray-420 pt-4"
          >
            <SelectField
              id={`hh-tie-${index}-kind`}
              error={errors.byControl.get(`hh-tie-${index}-kind`)}
              label={t('forms.household.tieKind')}
              value={row.kind}
              onChange={(e) => setTie(index, { kind: e.target.value })}
            >
              {tieKindLabels.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.label}
                </option>
              ))}
            </SelectField>
            {row.kind === 'organization' ? (
              <SelectField
                id={`hh-tie-${index}-org`}
                error={errors.byControl.get(`hh-tie-${index}-org`)}
                label={t('forms.household.tieOrganization')}
                value={row.organizationId}
                onChange={(e) => setTie(index, { organizationId: e.target.value })}
              >
                <option value="">{t('forms.household.choose')}</option>
                {(organizations.data ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextField
              id={`hh-tie-${index}-name`}
              error={errors.byControl.get(`hh-tie-${index}-name`)}
              label={t('forms.household.tieName')}
              value={row.name}
              onChange={(e) => setTie(index, { name: e.target.value })}
            />
            <SelectField
              id={`hh-tie-${index}-strength`}
              error={errors.byControl.get(`hh-tie-${index}-strength`)}
              label={t('forms.household.tieStrength')}
              value={row.strength}
              onChange={(e) => setTie(index, { strength: e.target.value as TieStrength })}
            >
              {tieStrengthLabels.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <Checkbox
              id={`hh-tie-${index}-stressful`}
              label={t('forms.household.tieStressful')}
              checked={row.stressful}
              onChange={(e) => setTie(index, { stressful: e.target.checked })}
            />
            <SelectField
              id={`hh-tie-${index}-member`}
              error={errors.byControl.get(`hh-tie-${index}-member`)}
              label={t('forms.household.tieMember')}
              value={row.memberId}
              onChange={(e) => setTie(index, { memberId: e.target.value })}
            >
              <option value="">{t('forms.household.wholeHousehold')}</option>
              {household.members.map((m) => (
                <option key={m.person.id} value={m.person.id}>
                  {memberName(m)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`hh-tie-${index}-note`}
              error={errors.byControl.get(`hh-tie-${index}-note`)}
              label={t('forms.household.tieNote')}
              value={row.note}
              onChange={(e) => setTie(index, { note: e.target.value })}
            />
            <Button variant="text" onClick={() => setTies((rows) => rows.filter((_, i) => i !== index))}>
              {t('forms.household.remove')}
            </Button>
          </div>
        ))}
        <div>
          <Button
            variant="outline"
            onClick={() =>
              setTies((rows) => [
                ...rows,
                {
                  kind: 'neighbour',
                  organizationId: '',
                  name: '',
                  memberId: '',
                  strength: 'normal',
                  stressful: false,
                  note: '',
                },
              ])
            }
          >
            {t('forms.household.addTie')}
          </Button>
        </div>
      </fieldset>
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
