import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { Options } from '../../../components/ui/select-field.tsx';
import '../../../lib/i18n/codes.bundle.ts';

/** The case's persons as options: each by name, with its 続柄 to the 本人 when it has one. */
export function CasePersonOptions({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Options
      items={kase.persons}
      value={(person) => person.id}
      label={(person) =>
        `${person.name}${person.relation ? `（${t(`codes.relation.${person.relation}`)}）` : ''}`
      }
    />
  );
}
