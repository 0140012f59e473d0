/**
 * The household as the genogram and ecomap see it (docs/forms.md): members with sex, age,
 * death, whether they live together and whether the support is for them, the kinship edges
 * between them, and the ties to organisations and informal supports around them.
 */

import {
  type CodeOf,
  codesOf,
  householdRelationLabels,
  type relations,
  type sexes,
  tieKindLabels,
  tieStrengthLabels,
} from '../codeLists.ts';

// The codes of the household's code lists (codeLists.ts), which also label them.
export const householdRelationKinds = codesOf(householdRelationLabels);
export type HouseholdRelationKind = (typeof householdRelationKinds)[number];

export const tieStrengths = codesOf(tieStrengthLabels);
export type TieStrength = (typeof tieStrengths)[number];

/** What an ecomap tie reaches: an organisation taking part, or someone informal around the household. */
export const tieKinds = codesOf(tieKindLabels);
export type TieKind = (typeof tieKinds)[number];

export type Sex = CodeOf<typeof sexes>;

export interface DiagramMember {
  id: string;
  sex: Sex;
  /** 満年齢 (at death for the deceased, when known), or null. */
  age: number | null;
  deceased: boolean;
  supported: boolean;
  livingTogether: boolean;
  /** 続柄 to the person as a code of codeLists.relations ('self', 'father' …). */
  relation: string;
  /** Short label under the symbol, e.g. 「本人」「母」. */
  label: string;
  /** Name under the label (may be empty). */
  name: string;
  /** Birth date 'YYYY-MM-DD' for ordering siblings (older on the left), or null. */
  birthDate: string | null;
}

export interface DiagramRelation {
  /** For parentChild: the parent. */
  from: string;
  /** For parentChild: the child. */
  to: string;
  kind: HouseholdRelationKind;
}

export interface DiagramTie {
  id: string;
  kind: TieKind;
  /** What the ecomap writes in the circle: an organisation's name or e.g. 「隣人（山田さん）」. */
  label: string;
  strength: TieStrength;
  stressful: boolean;
  /** The member the tie is with, or null for the household as a whole. */
  memberId: string | null;
}

export interface HouseholdDiagramInput {
  members: DiagramMember[];
  relations: DiagramRelation[];
  ties: DiagramTie[];
}

/** Generation of a 続柄 relative to the person (0), for members no kinship edge places. */
export function generationOfRelation(relation: string): number {
  switch (relation) {
    case 'grandparent':
      return -2;
    case 'father':
    case 'mother':
      return -1;
    case 'son':
    case 'daughter':
      return 1;
    case 'grandchild':
      return 2;
    default:
      return 0;
  }
}

/**
 * The kinship edges a 続柄 to the person implies (what a consultation records): a father or
 * mother is a parent of the person, a son or daughter a child, a spouse or sibling an edge of
 * its own; a father and a mother both present are taken as a couple. Grandparents and others
 * imply no direct edge (the coordinator draws them through the parents).
 */
export function relationsImpliedBy(members: readonly { id: string; relation: string }[]): DiagramRelation[] {
  const self = members.find((m) => m.relation === 'self');
  if (!self) return [];
  const edges: DiagramRelation[] = [];
  for (const member of members) {
    if (member.id === self.id) continue;
    switch (member.relation) {
      case 'father':
      case 'mother':
        edges.push({ from: member.id, to: self.id, kind: 'parentChild' });
        break;
      case 'son':
      case 'daughter':
        edges.push({ from: self.id, to: member.id, kind: 'parentChild' });
        break;
      case 'spouse':
        edges.push({ from: self.id, to: member.id, kind: 'spouse' });
        break;
      case 'sibling':
        edges.push({ from: self.id, to: member.id, kind: 'sibling' });
        break;
      default:
        break;
    }
  }
  const father = members.find((m) => m.relation === 'father');
  const mother = members.find((m) => m.relation === 'mother');
  if (father && mother) edges.push({ from: father.id, to: mother.id, kind: 'spouse' });
  return edges;
}

/** Problems of a set of kinship edges, as field-less messages; empty when it can be drawn. */
export function relationProblems(
  memberIds: readonly string[],
  relations: readonly DiagramRelation[],
): { index: number; message: string }[] {
  const known = new Set(memberIds);
  const problems: { index: number; message: string }[] = [];
  const seen = new Set<string>();
  const parents = new Map<string, number>();
  relations.forEach((relation, index) => {
    if (!known.has(relation.from) || !known.has(relation.to)) {
      problems.push({ index, message: '関係の相手は世帯員から選んでください' });
      return;
    }
    if (relation.from === relation.to) {
      problems.push({ index, message: '同じ人どうしの関係は登録できません' });
      return;
    }
    const symmetric = relation.kind !== 'parentChild';
    const key = symmetric
      ? `${relation.kind}:${[relation.from, relation.to].sort().join(':')}`
      : `${relation.kind}:${relation.from}:${relation.to}`;
    if (seen.has(key)) {
      problems.push({ index, message: '同じ関係が重複しています' });
      return;
    }
    seen.add(key);
    if (relation.kind === 'parentChild') {
      const count = (parents.get(relation.to) ?? 0) + 1;
      parents.set(relation.to, count);
      if (count > 2) problems.push({ index, message: '親は2人までです' });
    }
  });
  // A parent may not be their own descendant.
  const children = new Map<string, string[]>();
  for (const r of relations)
    if (r.kind === 'parentChild') children.set(r.from, [...(children.get(r.from) ?? []), r.to]);
  const reaches = (from: string, target: string, visited = new Set<string>()): boolean => {
    if (from === target) return true;
    if (visited.has(from)) return false;
    visited.add(from);
    return (children.get(from) ?? []).some((child) => reaches(child, target, visited));
  };
  relations.forEach((r, index) => {
    if (r.kind === 'parentChild' && (children.get(r.to) ?? []).some((c) => reaches(c, r.from))) {
      problems.push({ index, message: '親子関係が循環しています' });
    }
  });
  return problems;
}

/** A word that depends on the member's sex: for a man, for a woman, and when the sex is neither. */
interface WordBySex {
  male: string;
  female: string;
  neither: string;
}

/** The short word a genogram writes under a member, by 続柄 (codeLists.relations); 'other' is その他. */
const shortRelationLabels: Record<CodeOf<typeof relations>, string | WordBySex> = {
  self: '本人',
  spouse: { male: '夫', female: '妻', neither: '配偶者' },
  father: '父',
  mother: '母',
  son: '息子',
  daughter: '娘',
  sibling: { male: '兄弟', female: '姉妹', neither: 'きょうだい' },
  grandparent: { male: '祖父', female: '祖母', neither: '祖父母' },
  grandchild: '孫',
  otherRelative: '親族',
  other: 'その他',
};

/** The short word a genogram writes under a member: 本人, 父, 祖母 … */
export function shortRelationLabel(relation: string, sex: Sex): string {
  const word = Object.hasOwn(shortRelationLabels, relation)
    ? shortRelationLabels[relation as CodeOf<typeof relations>]
    : shortRelationLabels.other;
  if (typeof word === 'string') return word;
  return sex === 'male' ? word.male : sex === 'female' ? word.female : word.neither;
}
