import { useTranslation } from 'react-i18next';
import type { ResourceSummary } from '../../../../../src/contract/resources.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import '../../../lib/i18n/resources.bundle.ts';

/** Where a 社会資源 is (its school districts and districts) and, when searched near a person, how near. */
export function ResourceArea({
  resource,
}: {
  resource: Pick<ResourceSummary, 'schoolDistricts' | 'districts' | 'nearness'>;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-1">
      <span>{[...resource.schoolDistricts, ...resource.districts].join('・')}</span>
      {resource.nearness !== 'none' ? (
        <span>
          <Badge tone="success">{t(`resources.nearness.${resource.nearness}`)}</Badge>
        </span>
      ) : null}
    </div>
  );
}
