import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { resourceKinds, resourceNeeds } from '../../../../../src/domain/resources/codes.ts';
import { FilterSelectField, Options } from '../../../components/ui/select-field.tsx';
import '../../../lib/i18n/resources.bundle.ts';

/** The needs a 社会資源 meets, as options named in the chosen language. */
export function ResourceNeedOptions() {
  const { t } = useTranslation();
  return (
    <Options items={resourceNeeds} value={(n) => n.code} label={(n) => t(`resources.needs.${n.code}`)} />
  );
}

/** The kinds of 社会資源, as options named in the chosen language. */
export function ResourceKindOptions() {
  const { t } = useTranslation();
  return (
    <Options items={resourceKinds} value={(k) => k.code} label={(k) => t(`resources.kinds.${k.code}`)} />
  );
}

/**
 * The need and kind filters of a directory search, in that order: each a select of its code list,
 * wired by the search form (`select`, e.g. `useResourceSearchForm`'s `filterSelect`).
 */
export function ResourceNeedKindFilters({
  select,
}: {
  select: (name: 'need' | 'kind') => Omit<ComponentProps<typeof FilterSelectField>, 'children'>;
}) {
  return (
    <>
      <FilterSelectField {...select('need')}>
        <ResourceNeedOptions />
      </FilterSelectField>
      <FilterSelectField {...select('kind')}>
        <ResourceKindOptions />
      </FilterSelectField>
    </>
  );
}
