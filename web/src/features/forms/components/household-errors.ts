import { ApiError } from '../../../lib/api-client.ts';

/**
 * The household editor's control for each field the server names when it refuses a save
 * (`newMembers.0.person.familyName` → `hh-new-0-family`), so the message stands beside the field
 * it is about (a checkbox's message goes to the select beside it: checkboxes carry no error text).
 * Fields with no control of their own (the household as a whole) stay in the summary only.
 */
const controls: Record<string, Record<string, string>> = {
  members: {
    personId: 'relation',
    relation: 'relation',
    livingTogether: 'relation',
    supported: 'relation',
    deceased: 'relation',
    diedOn: 'died-on',
  },
  newMembers: {
    'person.familyName': 'family',
    'person.givenName': 'given',
    'person.familyNameKana': 'family-kana',
    'person.givenNameKana': 'given-kana',
    'person.sex': 'sex',
    'person.birthDate': 'birth',
    'person.personId': 'family',
    relation: 'relation',
    livingTogether: 'relation',
    deceased: 'relation',
    diedOn: 'relation',
  },
  relations: { from: 'from', to: 'to', kind: 'kind', '': 'kind' },
  ties: {
    kind: 'kind',
    organizationId: 'org',
    name: 'name',
    memberId: 'member',
    strength: 'strength',
    stressful: 'strength',
    note: 'note',
  },
};
const prefixes: Record<string, string> = {
  members: 'hh-member',
  newMembers: 'hh-new',
  relations: 'hh-link',
  ties: 'hh-tie',
};

export function householdControlId(field: string): string | null {
  const match = /^(members|newMembers|relations|ties)\.(\d+)(?:\.(.+))?$/.exec(field);
  if (!match) return null;
  const [, list = '', index = '', rest = ''] = match;
  const control = controls[list]?.[rest];
  return control ? `${prefixes[list]}-${index}-${control}` : null;
}

/** The server's field errors, split into those shown at a control and those only in the summary. */
export function householdErrors(error: unknown): {
  byControl: Map<string, string>;
  unplaced: string[];
  all: string[];
} {
  const byControl = new Map<string, string>();
  const unplaced: string[] = [];
  const errors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  for (const e of errors) {
    const id = householdControlId(e.field);
    if (id && !byControl.has(id)) byControl.set(id, e.message);
    else if (!id) unplaced.push(e.message);
  }
  return { byControl, unplaced, all: errors.map((e) => e.message) };
}
