import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import type { Household } from '../../../../../src/contract/households.ts';
import {
  householdRelationLabels,
  labelOf,
  relations,
  tieKindLabels,
  tieStrengthLabels,
} from '../../../../../src/domain/codeLists.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { diagramUrl, useHousehold } from '../api/households.ts';
import { HouseholdEditor } from './household-editor.tsx';
import '../../../lib/i18n/forms.bundle.ts';

export const memberName = (m: Household['members'][number]) =>
  `${m.person.familyName} ${m.person.givenName}`.trim();

/** One of the household's diagrams (ジェノグラム, エコマップ) as the server draws it, with its caption. */
function DiagramFigure({
  kind,
  src,
  caption,
  alt,
}: {
  kind: 'genogram' | 'ecomap';
  src: string;
  caption: string;
  alt: string;
}) {
  return (
    <figure className="flex flex-col gap-2 break-inside-avoid">
      <figcaption className="text-std-17B-170">{caption}</figcaption>
      <img
        src={src}
        alt={alt}
        className="h-auto w-full max-w-[40rem] rounded-8 border border-solid-gray-420 bg-white"
        data-testid={kind}
      />
    </figure>
  );
}

/**
 * 世帯: the genogram and ecomap the server draws (the same SVG the assessment sheet prints), and
 * the same facts as tables — members, relations, ties — so that nothing depends on seeing the
 * picture. The coordinating section edits it here.
 */
export function HouseholdSection({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const household = useHousehold(kase.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState(0);
  if (household.isPending) return <Loading />;
  if (household.isError)
    return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  const data = household.data;
  const nameOf = (id: string | null) => {
    const member = data.members.find((m) => m.person.id === id);
    return member ? memberName(member) : t('forms.household.wholeHousehold');
  };
  return (
    <Section
      id="household-heading"
      title={t('forms.household.heading')}
      level={3}
      lead={t('forms.household.lead')}
      className="flex flex-col gap-6"
    >
      {saved ? <Alert tone="success" title={t('forms.household.saved')} /> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2 print:grid-cols-2">
        <DiagramFigure
          kind="genogram"
          src={diagramUrl(kase.id, 'genogram', version)}
          caption={t('forms.household.genogram')}
          alt={t('forms.household.genogramAlt', { count: data.members.length })}
        />
        <DiagramFigure
          kind="ecomap"
          src={diagramUrl(kase.id, 'ecomap', version)}
          caption={t('forms.household.ecomap')}
          alt={t('forms.household.ecomapAlt', { count: data.ties.length })}
        />
      </div>
      <Table caption={t('forms.household.members')}>
        <TableHead
          columns={textsUnder(t, 'forms.household', [
            'name',
            'relation',
            'age',
            'livingTogether',
            'supported',
            'deceased',
          ])}
        />
        <tbody>
          {data.members.map((m) => (
            <tr key={m.person.id}>
              <Th scope="row">{memberName(m)}</Th>
              <Td>{labelOf(relations, m.relation)}</Td>
              <Td>{m.deceased ? '' : (m.person.age ?? '')}</Td>
              <Td>{m.livingTogether ? t('forms.household.yes') : t('forms.household.no')}</Td>
              <Td>{m.supported ? t('forms.household.yes') : t('forms.household.no')}</Td>
              <Td>
                {m.deceased ? (
                  m.diedOn ? (
                    <DateText value={m.diedOn} />
                  ) : (
                    t('forms.household.yes')
                  )
                ) : (
                  t('forms.household.no')
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="flex flex-col gap-2">
        <h4 className="text-std-17B-170">{t('forms.household.relations')}</h4>
        {data.relations.length === 0 ? (
          <p>{t('forms.household.relationsEmpty')}</p>
        ) : (
          <ul className="list-disc pl-8">
            {data.relations.map((r) => (
              <li key={`${r.from}-${r.to}-${r.kind}`}>
                {nameOf(r.from)} — {labelOf(householdRelationLabels, r.kind)} — {nameOf(r.to)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <Table caption={t('forms.household.ties')}>
        <TableHead
          columns={textsUnder(t, 'forms.household', [
            'tieName',
            'tieKind',
            'tieStrength',
            'tieMember',
            'tieNote',
          ])}
        />
        <tbody>
          {data.ties.map((tie) => (
            <tr key={tie.id}>
              <Th scope="row">
                {tie.label}
                {tie.implicit ? t('forms.household.implicit') : ''}
              </Th>
              <Td>{labelOf(tieKindLabels, tie.kind)}</Td>
              <Td>
                {labelOf(tieStrengthLabels, tie.strength)}
                {tie.stressful ? `・${t('forms.household.tieStressful')}` : ''}
              </Td>
              <Td>{nameOf(tie.memberId)}</Td>
              <Td>{tie.note ?? ''}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {data.abilities.update && !editing ? (
        <div className="print:hidden">
          <Button
            variant="outline"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('forms.household.edit')}
          </Button>
        </div>
      ) : null}
      {editing ? (
        <HouseholdEditor
          caseId={kase.id}
          household={data}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
    </Section>
  );
}
