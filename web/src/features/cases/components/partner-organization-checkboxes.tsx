import type { UseFormRegisterReturn } from 'react-hook-form';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { Checkbox } from '../../../components/ui/checkbox.tsx';

/** The organisations a case's coordinating section may name as partners: every one but itself. */
export function partnerOrganizations<Organization extends { id: string }>(
  organizations: readonly Organization[] | undefined,
  kase: CaseDetail,
): Organization[] {
  return (organizations ?? []).filter((organization) => organization.id !== kase.coordinatingOrganization.id);
}

/**
 * One checkbox per partner organisation, in two columns on wide screens (a consent's 提供先, a
 * meeting's 招集先); each box's id is `<idPrefix>-<organisation id>`.
 */
export function PartnerOrganizationCheckboxes({
  organizations,
  idPrefix,
  field,
}: {
  organizations: readonly { id: string; name: string }[];
  idPrefix: string;
  field: UseFormRegisterReturn;
}) {
  return (
    <div className="grid grid-cols-1 gap-x-6 sm:grid-cols-2">
      {organizations.map((organization) => (
        <Checkbox
          key={organization.id}
          id={`${idPrefix}-${organization.id}`}
          value={organization.id}
          label={organization.name}
          {...field}
        />
      ))}
    </div>
  );
}
