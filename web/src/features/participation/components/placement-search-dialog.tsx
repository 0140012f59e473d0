import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../../../../src/contract/plans.ts';
import type { ResourceSummary } from '../../../../../src/contract/resources.ts';
import { type PlacementKind, placementKinds } from '../../../../../src/domain/resources/placement.ts';
import type { ActionDialogProps } from '../../../components/action-dialog-props.ts';
import { QueryDataTable } from '../../../components/query-data-table.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { MessageOptions } from '../../../components/ui/message-options.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { FilterSelectField, Options, SelectField } from '../../../components/ui/select-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { usePerson } from '../../persons/api/get-person.ts';
import { useResources } from '../../resources/api/list-resources.ts';
import { ResourceArea } from '../../resources/components/resource-area.tsx';
import { ResourceNeedKindFilters } from '../../resources/components/resource-options.tsx';
import { schoolDistrictNames, useResourceSearchForm } from '../../resources/resource-search-form.ts';
import { useCreatePlacement } from '../api/placements.ts';
import { schoolDistrictOf } from '../school-district.ts';
import '../../../lib/i18n/resources.bundle.ts';
import '../../../lib/i18n/participation.bundle.ts';

/** The placement kind a resource suggests by its tags (the coordinator may change it). */
function kindFor(resource: ResourceSummary): PlacementKind {
  if (resource.kinds.includes('ibasho') || resource.kinds.includes('salon')) return 'ibasho';
  if (resource.kinds.includes('workExperience')) return 'workExperience';
  if (resource.kinds.includes('cooperatingEmployer') || resource.kinds.includes('employment'))
    return 'employment';
  if (resource.kinds.includes('volunteering')) return 'volunteering';
  return 'other';
}

/**
 * 参加先を探す: from a plan item, search the directory by need, kind and the person's 校区 (preset from
 * the address), choose a resource, and register the placement linked to the item.
 */
export function PlacementSearchDialog({
  caseId,
  person,
  item,
  onCancel,
  onDone,
}: {
  caseId: string;
  person: { id: string; name: string };
  item: PlanItem;
} & ActionDialogProps) {
  const { t } = useTranslation();
  const personDetail = usePerson(person.id);
  const directory = useResources({});
  const schoolDistricts = schoolDistrictNames(directory.data?.areas.districts ?? []);
  const address = personDetail.data?.address ?? null;
  const preset = schoolDistrictOf(address, schoolDistricts);
  const {
    search,
    filterSelect,
    submit: submitSearch,
  } = useResourceSearchForm(
    { schoolDistrict: preset },
    {
      anyLabel: t('participation.search.any'),
      idPrefix: 'placement-search',
      textPrefix: 'participation.search',
    },
  );
  const results = useResources(search);
  const [chosen, setChosen] = useState<ResourceSummary | null>(null);
  const [kind, setKind] = useState<PlacementKind>('ibasho');
  const [note, setNote] = useState('');
  const create = useCreatePlacement();

  const register = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || create.isPending) return;
    create
      .mutateAsync({
        caseId,
        input: {
          personId: person.id,
          resourceId: chosen.id,
          planItemId: item.id,
          kind,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      })
      .then(
        (placement) => onDone(t('participation.search.created', { resource: placement.resource.name })),
        () => undefined, // shown from the mutation's state
      );
  };

  return (
    <ModalDialog
      open
      width="wide"
      title={t('participation.search.title')}
      description={t('participation.search.description', { content: item.content })}
      busy={create.isPending}
      onDismiss={onCancel}
    >
      <div className="mt-6 flex flex-col gap-6">
        {address ? <p>{t('participation.search.address', { address })}</p> : null}
        {chosen ? (
          <form noValidate onSubmit={register} className="flex flex-col gap-6">
            <ProblemAlert error={create.error} />
            <p className="text-std-17B-170">{t('participation.search.chosen', { name: chosen.name })}</p>
            <SelectField
              id="placement-kind"
              label={t('participation.placements.kind')}
              required
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as PlacementKind)}
            >
              <MessageOptions codes={placementKinds} textPrefix="participation.kinds" />
            </SelectField>
            <TextareaField
              id="placement-note"
              label={t('participation.placements.note')}
              rows={2}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            <div className="flex flex-wrap justify-end gap-4">
              <Button variant="outline" onClick={() => setChosen(null)} disabled={create.isPending}>
                {t('participation.search.changeChoice')}
              </Button>
              <SubmitButton busy={create.isPending}>{t('participation.search.create')}</SubmitButton>
            </div>
          </form>
        ) : (
          <>
            <form
              noValidate
              onSubmit={submitSearch}
              className="flex flex-col gap-4"
              aria-label={t('participation.search.title')}
            >
              <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
                <ResourceNeedKindFilters select={filterSelect} />
                <FilterSelectField
                  {...filterSelect('schoolDistrict', preset ? { support: 'schoolDistrictSupport' } : {})}
                >
                  <Options items={schoolDistricts} value={(name) => name} label={(name) => name} />
                </FilterSelectField>
              </div>
              <div className="flex flex-wrap gap-4">
                <Button type="submit">{t('participation.search.search')}</Button>
                <Button variant="outline" onClick={onCancel}>
                  {t('participation.placements.cancel')}
                </Button>
              </div>
            </form>
            <QueryDataTable
              query={results}
              caption={t('participation.search.resultsCaption')}
              columns={textsUnder(t, 'participation.search', ['name', 'area', 'choose'])}
              empty={t('participation.search.resultsEmpty')}
            >
              {(resource) => (
                <tr key={resource.id}>
                  <Th scope="row">
                    <span className="block">{resource.name}</span>
                    <span className="block text-dns-16N-130 font-normal text-solid-gray-700">
                      {resource.organization.name}
                    </span>
                  </Th>
                  <Td>
                    <ResourceArea resource={resource} />
                  </Td>
                  <Td>
                    <Button
                      variant="outline"
                      size="sm"
                      aria-label={t('participation.search.chooseNamed', { name: resource.name })}
                      onClick={() => {
                        setChosen(resource);
                        setKind(kindFor(resource));
                      }}
                    >
                      {t('participation.search.choose')}
                    </Button>
                  </Td>
                </tr>
              )}
            </QueryDataTable>
          </>
        )}
      </div>
    </ModalDialog>
  );
}
