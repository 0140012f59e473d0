import { type FormEvent, useState } from 'react';
import { filterBinder } from '../../lib/filter-binder.ts';
import { useFieldWiring } from '../../lib/form-fields.ts';
import type { ResourceSearch } from './api/list-resources.ts';

/**
 * A directory search filled in on a form (社会資源, 参加先を探す): `draft`, the search as the fields show
 * it (the `preset` until a field changes), and `search`, the one last submitted (the preset until the
 * first `submit`), to ask the directory for. `set` changes fields of the draft, `filterSelect` wires a
 * select narrowing by one field (its first choice `anyLabel`, its id and label by `idPrefix` and
 * `textPrefix`), and `clear` returns both to the preset.
 */
export function useResourceSearchForm<Prefix extends string>(
  preset: ResourceSearch,
  { anyLabel, idPrefix, textPrefix }: { anyLabel: string; idPrefix: string; textPrefix: Prefix },
) {
  const [changed, setChanged] = useState<ResourceSearch | null>(null);
  const [submitted, setSubmitted] = useState<ResourceSearch | null>(null);
  const draft = changed ?? preset;
  const set = (patch: ResourceSearch) => setChanged((current) => ({ ...(current ?? preset), ...patch }));
  const filterSelect = useFieldWiring(filterBinder(draft, set, anyLabel), { idPrefix, textPrefix });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(draft);
  };
  const clear = () => {
    setChanged(null);
    setSubmitted(null);
  };
  return { draft, search: submitted ?? preset, set, filterSelect, submit, clear };
}

/** The 校区 of the directory's 地区, each once, in Japanese order: the choices of a 校区 filter. */
export function schoolDistrictNames(districts: readonly { schoolDistricts: readonly string[] }[]): string[] {
  return [...new Set(districts.flatMap((d) => d.schoolDistricts))].sort((a, b) => a.localeCompare(b, 'ja'));
}
