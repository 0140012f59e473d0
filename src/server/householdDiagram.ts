import { ageOn } from '../contract/persons.ts';
import type { HouseholdRecord } from '../db/households.ts';
import { labelOf, tieKindLabels } from '../domain/codeLists.ts';
import { ecomapSvg, genogramSvg } from '../domain/household/diagramSvg.ts';
import { layoutEcomap } from '../domain/household/ecomap.ts';
import { layoutGenogram } from '../domain/household/genogram.ts';
import {
  type DiagramMember,
  type DiagramTie,
  type HouseholdDiagramInput,
  type Sex,
  shortRelationLabel,
  type TieKind,
} from '../domain/household/model.ts';

/** What an ecomap tie is called: the organisation's name, or the name given with its kind. */
export function tieLabel(tie: {
  kind: string;
  organization_name: string | null;
  name: string | null;
}): string {
  if (tie.organization_name)
    return tie.name ? `${tie.organization_name}（${tie.name}）` : tie.organization_name;
  const kind = labelOf(tieKindLabels, tie.kind);
  return tie.name && tie.name !== kind ? `${kind}（${tie.name}）` : kind;
}

/**
 * The household as the diagrams take it: ages today (at death for the dead), short 続柄 labels,
 * and the ecomap's ties — those recorded, then every organisation taking part in the case that
 * has none, as a normal tie.
 */
export function householdDiagramInput(
  household: HouseholdRecord,
  participating: readonly { id: string; name: string }[],
  today: string,
): HouseholdDiagramInput & { implicitTieIds: Set<string> } {
  const members: DiagramMember[] = household.members.map((m) => {
    const sex = (['male', 'female', 'other'].includes(m.sex) ? m.sex : 'unknown') as Sex;
    const age = m.birth_date
      ? m.deceased
        ? m.died_on
          ? ageOn(m.birth_date, m.died_on)
          : null
        : ageOn(m.birth_date, today)
      : null;
    return {
      id: m.id,
      sex,
      age,
      deceased: m.deceased,
      supported: m.supported,
      livingTogether: m.living_together,
      relation: m.relation,
      label: shortRelationLabel(m.relation, sex),
      name: `${m.family_name}${m.given_name ? ` ${m.given_name}` : ''}`,
      birthDate: m.birth_date,
    };
  });
  const ties: DiagramTie[] = household.ties.map((t) => ({
    id: t.id,
    kind: t.kind as TieKind,
    label: tieLabel(t),
    strength: t.strength,
    stressful: t.stressful,
    memberId: t.person_id,
  }));
  const tied = new Set(household.ties.flatMap((t) => (t.organization_id ? [t.organization_id] : [])));
  const implicitTieIds = new Set<string>();
  for (const org of participating) {
    if (tied.has(org.id)) continue;
    implicitTieIds.add(org.id);
    ties.push({
      id: org.id,
      kind: 'organization',
      label: org.name,
      strength: 'normal',
      stressful: false,
      memberId: null,
    });
  }
  return { members, relations: household.relations, ties, implicitTieIds };
}

export function renderGenogram(input: HouseholdDiagramInput, title = 'ジェノグラム'): string {
  return genogramSvg(layoutGenogram(input.members, input.relations), { title });
}

export function renderEcomap(input: HouseholdDiagramInput, title = 'エコマップ'): string {
  return ecomapSvg(layoutEcomap(input.members, input.ties), { title });
}
