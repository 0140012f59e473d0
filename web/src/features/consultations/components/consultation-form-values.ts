import { toNestErrors } from '@hookform/resolvers';
import type { TFunction } from 'i18next';
import {
  type FieldError,
  type FieldPath,
  type Resolver,
  type UseFormReturn,
  useFormContext,
} from 'react-hook-form';
import {
  type ConsultationInput,
  consultationInputSchema,
} from '../../../../../src/contract/consultations.ts';
import type { NewPersonInput } from '../../../../../src/contract/persons.ts';
import { now } from '../../../../../src/domain/clock.ts';
import { formatWareki, parseWareki, toIsoDate } from '../../../../../src/domain/wareki.ts';
import '../../../lib/i18n/casework.bundle.ts';

/** A person as the 本人 or a household member: someone already on record, or typed in here. */
export type PersonValues = {
  mode: 'existing' | 'new';
  /** The chosen existing person (shown back to the user); its id is what is sent. */
  selected: SelectedPerson | null;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  /** As typed: 和暦 or 西暦. */
  birthDate: string;
  sex: string;
  postalCode: string;
  address: string;
  phones: { label: string; number: string }[];
  addresseeNumber: string;
};

export type SelectedPerson = {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string | null;
  age: number | null;
};

export type MemberValues = { person: PersonValues; relation: string; livingTogether: '' | 'true' | 'false' };

export type OutcomeKind = 'ownAgency' | 'referral' | 'handover';

/**
 * The 相談受付・申込票 as the form holds it. It mirrors `ConsultationInput` path for path, so the
 * contract's errors (and the server's) land on the fields that caused them; `toConsultationInput`
 * turns it into the request body.
 */
export type ConsultationFormValues = {
  receivedOn: string;
  channel: string;
  person: PersonValues;
  householdMembers: MemberValues[];
  visitorIsPerson: 'true' | 'false';
  visitor: { name: string; relation: string; phone: string };
  topics: string[];
  mainTopic: string;
  content: string;
  wishes: string;
  consentToShare: '' | 'true' | 'false';
  outcome: {
    kind: '' | OutcomeKind;
    toOrganizationId: string;
    note: string;
    reason: string;
    servicesTried: string;
  };
};

/** An empty person; a full one (本人) starts with one phone row, a household member with none. */
export function emptyPerson(mode: PersonValues['mode'], full = false): PersonValues {
  return {
    mode,
    selected: null,
    familyName: '',
    givenName: '',
    familyNameKana: '',
    givenNameKana: '',
    birthDate: '',
    sex: '',
    postalCode: '',
    address: '',
    phones: full ? [{ label: '', number: '' }] : [],
    addresseeNumber: '',
  };
}

export function emptyMember(): MemberValues {
  return { person: emptyPerson('new'), relation: '', livingTogether: '' };
}

/** A new form: 受付日 today (in 和暦), the person to be searched or entered. */
export function emptyConsultationValues(today = now()): ConsultationFormValues {
  return {
    receivedOn: formatWareki(toIsoDate(today)),
    channel: '',
    person: emptyPerson('existing', true),
    householdMembers: [],
    visitorIsPerson: 'true',
    visitor: { name: '', relation: '', phone: '' },
    topics: [],
    mainTopic: '',
    content: '',
    wishes: '',
    consentToShare: '',
    outcome: { kind: '', toOrganizationId: '', note: '', reason: '', servicesTried: '' },
  };
}

type LocalProblem = { path: string; message: string };

function parsedDate(
  typed: string,
  path: string,
  problems: LocalProblem[],
): { ok: true; date: string | null } | { ok: false } {
  if (typed.trim() === '') return { ok: true, date: null };
  const parsed = parseWareki(typed);
  if (parsed.ok) return { ok: true, date: parsed.date };
  problems.push({ path, message: parsed.reason });
  return { ok: false };
}

function personInput(
  person: PersonValues,
  path: string,
  problems: LocalProblem[],
  t: TFunction,
): { personId: string } | NewPersonInput | undefined {
  if (person.mode === 'existing') {
    if (person.selected) return { personId: person.selected.id };
    problems.push({ path: `${path}.personId`, message: t('consultations.form.person.chooseExisting') });
    return undefined;
  }
  const birthDate = parsedDate(person.birthDate, `${path}.birthDate`, problems);
  const phones = person.phones.filter((phone) => phone.label.trim() !== '' || phone.number.trim() !== '');
  return {
    familyName: person.familyName,
    givenName: person.givenName,
    familyNameKana: person.familyNameKana,
    givenNameKana: person.givenNameKana,
    birthDate: birthDate.ok ? birthDate.date : null,
    ...(person.sex ? { sex: person.sex as NewPersonInput['sex'] } : {}),
    postalCode: person.postalCode,
    address: person.address,
    phones,
    addresseeNumber: person.addresseeNumber,
  };
}

function booleanOf(value: '' | 'true' | 'false'): boolean | undefined {
  return value === '' ? undefined : value === 'true';
}

/**
 * The request body for `consultations.create`, plus what could not be turned into one (a date the
 * 和暦 parser refuses, an existing person not yet chosen).
 */
export function toConsultationInput(
  values: ConsultationFormValues,
  t: TFunction,
): { input: ConsultationInput; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const receivedOn = parsedDate(values.receivedOn, 'receivedOn', problems);
  const { outcome } = values;
  const outcomeInput =
    outcome.kind === 'referral'
      ? { kind: 'referral' as const, toOrganizationId: outcome.toOrganizationId, note: outcome.note }
      : outcome.kind === 'handover'
        ? { kind: 'handover' as const, reason: outcome.reason, servicesTried: outcome.servicesTried }
        : outcome.kind === 'ownAgency'
          ? { kind: 'ownAgency' as const }
          : undefined;
  const input = {
    person: personInput(values.person, 'person', problems, t),
    householdMembers: values.householdMembers.map((member, index) => ({
      person: personInput(member.person, `householdMembers.${index}.person`, problems, t),
      relation: member.relation,
      livingTogether: booleanOf(member.livingTogether),
    })),
    visitor:
      values.visitorIsPerson === 'true'
        ? null
        : {
            name: values.visitor.name,
            relation: values.visitor.relation,
            ...(values.visitor.phone.trim() ? { phone: values.visitor.phone } : {}),
          },
    channel: values.channel,
    topics: values.topics,
    mainTopic: values.mainTopic,
    content: values.content,
    wishes: values.wishes,
    consentToShare: booleanOf(values.consentToShare),
    ...(receivedOn.ok && receivedOn.date ? { receivedOn: receivedOn.date } : {}),
    outcome: outcomeInput,
  };
  // The contract schema checks the rest; until it has, the body is only "shaped like" the input.
  return { input: input as unknown as ConsultationInput, problems };
}

/** Where an error of the contract lands in the form. */
function formPath(issuePath: readonly PropertyKey[], values: ConsultationFormValues): string | null {
  const path = issuePath.map(String).join('.');
  if (path === 'outcome') return 'outcome.kind';
  if (/^topics\.\d+$/.test(path)) return 'topics';
  // No topic ticked yet: "pick a main topic" would only repeat "pick a topic".
  if (path === 'mainTopic' && values.topics.length === 0) return null;
  // No option of the person union fits at all: put it on the first field of a new person.
  if (/^(person|householdMembers\.\d+\.person)$/.test(path)) return `${path}.familyName`;
  return path === '' ? 'root' : path;
}

/**
 * Validates with the contract's own `consultationInputSchema` — the schema the server uses —
 * after turning the form into the request body; adds the 和暦 and person-choice problems found
 * on the way.
 */
export function consultationResolver(
  t: TFunction,
): Resolver<ConsultationFormValues, unknown, ConsultationInput> {
  return async (values, _context, options) => {
    const { input, problems } = toConsultationInput(values, t);
    const result = consultationInputSchema.safeParse(input);
    const errors: Record<string, FieldError> = {};
    for (const problem of problems) errors[problem.path] ??= { type: 'input', message: problem.message };
    // A person left unchosen is reported once ("choose someone"), not as a cascade of missing fields.
    const unchosen = problems
      .filter((problem) => problem.path.endsWith('.personId'))
      .map((problem) => problem.path.replace(/\.personId$/, ''));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const raw = issue.path.map(String).join('.');
        if (unchosen.some((owner) => raw === owner || raw.startsWith(`${owner}.`))) continue;
        const path = formPath(issue.path, values);
        if (path) errors[path] ??= { type: issue.code, message: issue.message };
      }
    }
    if (Object.keys(errors).length === 0 && result.success) return { values: input, errors: {} };
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/** The DOM id of the control a form path belongs to, so the error summary can link to it. */
export function fieldId(path: string): string {
  return `consultation-${path.replaceAll('.', '-')}`;
}

/** The message of the error at a dotted form path, if any (paths with array indices built at run time). */
export function errorAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node && typeof node === 'object' && 'message' in node && typeof node.message === 'string') {
    return node.message;
  }
  return undefined;
}

/** A consultation form field's id, its error and its registration, for `{...fieldProps('visitor.name')}`. */
export function fieldPropsOf(form: Pick<UseFormReturn<ConsultationFormValues>, 'register' | 'formState'>) {
  return (path: FieldPath<ConsultationFormValues>) => ({
    id: fieldId(path),
    error: errorAt(form.formState.errors, path),
    ...form.register(path),
  });
}

/** The consultation form, from a part of it: the form's methods, its `errors` and `fieldProps`. */
export function useConsultationForm() {
  const form = useFormContext<ConsultationFormValues>();
  return { ...form, errors: form.formState.errors, fieldProps: fieldPropsOf(form) };
}
