import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../../src/contract/assessments.ts';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/codes.bundle.ts';

export type NameOf = (id: string) => string;

/**
 * The genogram / ecomap data as text: a table of every tie, and the same ties grouped by person
 * (an ecomap read aloud), so nothing depends on seeing a diagram.
 */
export function RelationsView({ relations, nameOf }: { relations: Assessment['relations']; nameOf: NameOf }) {
  const { t } = useTranslation();
  if (relations.length === 0) return <p>{t('assessment.relationsEmpty')}</p>;
  const people = [...new Set(relations.flatMap((r) => (r.toKind === 'person' ? [r.from, r.to] : [r.from])))];
  return (
    <div className="flex flex-col gap-6">
      <Table caption={t('assessment.relationsCaption')}>
        <TableHead
          columns={[t('assessment.from'), t('assessment.kind'), t('assessment.to'), t('assessment.note')]}
        />
        <tbody>
          {relations.map((relation, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same tie may be recorded twice with different notes
            <tr key={`${relation.from}-${relation.to}-${relation.kind}-${index}`}>
              <Th scope="row">{nameOf(relation.from)}</Th>
              <Td>{t(`codes.relationKind.${relation.kind}`)}</Td>
              <Td>
                {nameOf(relation.to)}
                {relation.toKind === 'organization' ? `（${t('assessment.toOrganizations')}）` : ''}
              </Td>
              <Td>{relation.note ?? ''}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <section aria-labelledby="assessment-ecomap" className="flex flex-col gap-3">
        <h4 id="assessment-ecomap" className="text-std-17B-170 text-solid-gray-900">
          {t('assessment.ecomap')}
        </h4>
        <ul className="flex flex-col gap-3">
          {people.map((personId) => {
            const ties = relations.filter((r) => r.from === personId || r.to === personId);
            return (
              <li key={personId}>
                <span className="text-std-16B-170">{nameOf(personId)}</span>
                <ul className="mt-1 list-disc pl-8">
                  {ties.map((tie, index) => {
                    const other = tie.from === personId ? tie.to : tie.from;
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: ties are listed in recorded order
                      <li key={`${other}-${tie.kind}-${index}`}>
                        {t(`codes.relationKind.${tie.kind}`)}：{nameOf(other)}
                        {tie.note ? `（${tie.note}）` : ''}
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
