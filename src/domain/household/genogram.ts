import {
  type DiagramMember,
  type DiagramRelation,
  generationOfRelation,
  type HouseholdRelationKind,
} from './model.ts';

/**
 * Genogram layout (docs/forms.md), pure: generations from the kinship edges (parents one
 * row above their children, partners and siblings on the same row, the person's row when no edge
 * says otherwise), partners side by side (male on the left), siblings eldest first under their
 * parents, the 同居 line around those living together. A bespoke layered layout rather than a
 * general graph layout (dagre, elk): those know nothing of couples and sibships, which are what
 * a genogram is made of, and a household is a dozen people at most.
 */

export const SYMBOL = 36;
const PARTNER_GAP = 56;
const UNIT_GAP = 36;
const ROW_HEIGHT = 118;
const MARGIN = 24;
const LABEL_SPACE = 34;
const SIBSHIP_RISE = 20;

export type GenogramShape = 'square' | 'circle' | 'triangle';

export interface GenogramNode {
  id: string;
  /** Centre of the symbol. */
  cx: number;
  cy: number;
  shape: GenogramShape;
  supported: boolean;
  deceased: boolean;
  ageText: string;
  label: string;
  name: string;
  livingTogether: boolean;
  generation: number;
}

export type GenogramLineKind = 'partner' | 'divorceMark' | 'descent' | 'sibling';

export interface GenogramLine {
  kind: GenogramLineKind;
  /** The kinship edge drawn (partner lines), or parentChild for descent. */
  relation: HouseholdRelationKind;
  /** The members the line joins (partners; parents then children; siblings). */
  members: string[];
  /** SVG path data. */
  d: string;
  dashed: boolean;
}

export interface GenogramEnclosure {
  members: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GenogramLayout {
  width: number;
  height: number;
  generations: number;
  nodes: GenogramNode[];
  lines: GenogramLine[];
  enclosures: GenogramEnclosure[];
}

const partnerKinds: HouseholdRelationKind[] = ['spouse', 'exSpouse', 'cohabiting'];

function shapeOf(sex: DiagramMember['sex']): GenogramShape {
  return sex === 'male' ? 'square' : sex === 'female' ? 'circle' : 'triangle';
}

/** Rows: 0 for the top generation drawn. */
function generations(
  members: readonly DiagramMember[],
  relations: readonly DiagramRelation[],
): Map<string, number> {
  const gen = new Map<string, number>();
  const ids = new Set(members.map((m) => m.id));
  const edges = relations.filter((r) => ids.has(r.from) && ids.has(r.to));
  const start =
    members.find((m) => m.supported && m.relation === 'self') ??
    members.find((m) => m.supported) ??
    members[0];
  const pending = new Set(members.map((m) => m.id));
  const spread = (root: string, at: number) => {
    gen.set(root, at);
    pending.delete(root);
    const queue = [root];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      const g = gen.get(id) as number;
      for (const edge of edges) {
        let other: string | undefined;
        let og = g;
        if (edge.from === id) {
          other = edge.to;
          og = edge.kind === 'parentChild' ? g + 1 : g;
        } else if (edge.to === id) {
          other = edge.from;
          og = edge.kind === 'parentChild' ? g - 1 : g;
        }
        if (other !== undefined && !gen.has(other)) {
          gen.set(other, og);
          pending.delete(other);
          queue.push(other);
        }
      }
    }
  };
  if (start) spread(start.id, 0);
  // Members no edge reaches: placed by their 続柄 to the person, with whoever they connect to.
  for (const member of members) {
    if (pending.has(member.id)) spread(member.id, generationOfRelation(member.relation));
  }
  const min = Math.min(...gen.values());
  return new Map([...gen].map(([id, g]) => [id, g - min]));
}

interface Unit {
  members: string[];
  width: number;
  left: number;
}

function unitWidth(count: number): number {
  return count * SYMBOL + (count - 1) * PARTNER_GAP;
}

/** Lay out a household's genogram. */
export function layoutGenogram(
  members: readonly DiagramMember[],
  relations: readonly DiagramRelation[],
): GenogramLayout {
  if (members.length === 0)
    return { width: 0, height: 0, generations: 0, nodes: [], lines: [], enclosures: [] };
  const byId = new Map(members.map((m) => [m.id, m]));
  const valid = relations.filter((r) => byId.has(r.from) && byId.has(r.to) && r.from !== r.to);
  const gen = generations(members, valid);
  const rowsCount = Math.max(...gen.values()) + 1;
  const parentsOf = new Map<string, string[]>();
  for (const r of valid)
    if (r.kind === 'parentChild') parentsOf.set(r.to, [...(parentsOf.get(r.to) ?? []), r.from]);
  const partnerEdges = valid.filter(
    (r) => partnerKinds.includes(r.kind) && gen.get(r.from) === gen.get(r.to),
  );
  const older = (a: string, b: string) => {
    const da = byId.get(a)?.birthDate ?? '9999';
    const db = byId.get(b)?.birthDate ?? '9999';
    return da < db ? -1 : da > db ? 1 : a < b ? -1 : 1;
  };

  const x = new Map<string, number>();
  const rows: Unit[][] = [];
  for (let row = 0; row < rowsCount; row++) {
    const inRow = members.filter((m) => gen.get(m.id) === row).map((m) => m.id);
    // Units: members joined by partner edges (a couple; three for a remarriage).
    const unitOf = new Map<string, string[]>();
    for (const id of inRow) unitOf.set(id, [id]);
    for (const edge of partnerEdges) {
      const a = unitOf.get(edge.from);
      const b = unitOf.get(edge.to);
      if (!a || !b || a === b) continue;
      const merged = [...a, ...b];
      for (const id of merged) unitOf.set(id, merged);
    }
    const units = [...new Set(unitOf.values())].map((ids) => {
      const degree = (id: string) => partnerEdges.filter((e) => e.from === id || e.to === id).length;
      let ordered: string[];
      if (ids.length === 2) {
        const [a, b] = ids as [string, string];
        ordered = byId.get(b)?.sex === 'male' && byId.get(a)?.sex !== 'male' ? [b, a] : [a, b];
      } else {
        const centre = [...ids].sort((a, b) => degree(b) - degree(a) || older(a, b))[0] as string;
        const rest = ids.filter((id) => id !== centre).sort(older);
        const half = Math.ceil(rest.length / 2);
        ordered = [...rest.slice(0, half), centre, ...rest.slice(half)];
      }
      return { members: ordered, width: unitWidth(ordered.length), left: 0 };
    });
    // Order: under the parents' centre (units without parents drawn go last), eldest first.
    const parentCentre = (unit: Unit) => {
      const centres = unit.members.flatMap((id) => {
        const ps = (parentsOf.get(id) ?? []).filter((p) => x.has(p));
        if (ps.length === 0) return [];
        return [ps.reduce((sum, p) => sum + (x.get(p) as number), 0) / ps.length];
      });
      return centres.length ? (centres[0] as number) : Number.POSITIVE_INFINITY;
    };
    const eldest = (unit: Unit) => [...unit.members].sort(older)[0] as string;
    units.sort((a, b) => {
      const pa = parentCentre(a);
      const pb = parentCentre(b);
      if (pa !== pb) return pa - pb;
      return older(eldest(a), eldest(b));
    });
    let cursor = MARGIN;
    for (const unit of units) {
      const desired = parentCentre(unit);
      const left = Number.isFinite(desired) ? Math.max(cursor, desired - unit.width / 2) : cursor;
      unit.left = left;
      unit.members.forEach((id, i) => {
        x.set(id, left + SYMBOL / 2 + i * (SYMBOL + PARTNER_GAP));
      });
      cursor = left + unit.width + UNIT_GAP;
    }
    rows.push(units);
  }

  // Bottom-up: centre parents above their children where the row leaves room.
  for (let row = rowsCount - 2; row >= 0; row--) {
    const units = rows[row] as Unit[];
    let floor = MARGIN;
    for (const unit of units) {
      const children = members
        .filter((m) => (parentsOf.get(m.id) ?? []).some((p) => unit.members.includes(p)))
        .map((m) => x.get(m.id) as number);
      let left = unit.left;
      if (children.length > 0) {
        const childCentre = (Math.min(...children) + Math.max(...children)) / 2;
        left = childCentre - unit.width / 2;
      }
      left = Math.max(left, floor);
      unit.left = left;
      unit.members.forEach((id, i) => {
        x.set(id, left + SYMBOL / 2 + i * (SYMBOL + PARTNER_GAP));
      });
      floor = left + unit.width + UNIT_GAP;
    }
  }

  const rowTop = (row: number) => MARGIN + 14 + row * ROW_HEIGHT;
  const nodes: GenogramNode[] = members.map((m) => {
    const row = gen.get(m.id) as number;
    return {
      id: m.id,
      cx: x.get(m.id) as number,
      cy: rowTop(row) + SYMBOL / 2,
      shape: shapeOf(m.sex),
      supported: m.supported,
      deceased: m.deceased,
      ageText: m.age === null ? '' : String(m.age),
      label: m.label,
      name: m.name,
      livingTogether: m.livingTogether,
      generation: row,
    };
  });
  const node = new Map(nodes.map((n) => [n.id, n]));
  const bottom = (id: string) => (node.get(id)?.cy ?? 0) + SYMBOL / 2;
  const top = (id: string) => (node.get(id)?.cy ?? 0) - SYMBOL / 2;
  const cx = (id: string) => node.get(id)?.cx ?? 0;

  const lines: GenogramLine[] = [];
  // Partners: a horizontal line between the sides of the two symbols, at their middle height.
  const half = SYMBOL / 2;
  for (const edge of partnerEdges) {
    const [a, b] = cx(edge.from) <= cx(edge.to) ? [edge.from, edge.to] : [edge.to, edge.from];
    const y = node.get(a)?.cy ?? 0;
    lines.push({
      kind: 'partner',
      relation: edge.kind,
      members: [a, b],
      d: `M${cx(a) + half},${y} H${cx(b) - half}`,
      dashed: edge.kind === 'cohabiting',
    });
    if (edge.kind === 'exSpouse') {
      const mid = (cx(a) + cx(b)) / 2;
      lines.push({
        kind: 'divorceMark',
        relation: 'exSpouse',
        members: [a, b],
        d: `M${mid - 7},${y + 7} L${mid - 1},${y - 7} M${mid + 1},${y + 7} L${mid + 7},${y - 7}`,
        dashed: false,
      });
    }
  }

  // Descent: children grouped by their parents; the line drops from the couple line's middle.
  const sibships = new Map<string, { parents: string[]; children: string[] }>();
  for (const m of members) {
    const ps = [...(parentsOf.get(m.id) ?? [])].sort();
    if (ps.length === 0) continue;
    const key = ps.join('+');
    const group = sibships.get(key) ?? { parents: ps, children: [] };
    group.children.push(m.id);
    sibships.set(key, group);
  }
  for (const { parents, children } of sibships.values()) {
    const sorted = [...parents].sort((a, b) => cx(a) - cx(b));
    const dropX = sorted.reduce((sum, p) => sum + cx(p), 0) / sorted.length;
    const dropY = sorted.length > 1 ? (node.get(sorted[0] as string)?.cy ?? 0) : bottom(sorted[0] as string);
    const barY = Math.min(...children.map(top)) - SIBSHIP_RISE;
    const xs = [...children.map(cx), dropX];
    const parts = [`M${dropX},${dropY} V${barY}`, `M${Math.min(...xs)},${barY} H${Math.max(...xs)}`];
    for (const child of [...children].sort((a, b) => cx(a) - cx(b)))
      parts.push(`M${cx(child)},${barY} V${top(child)}`);
    lines.push({
      kind: 'descent',
      relation: 'parentChild',
      members: [...sorted, ...children],
      d: parts.join(' '),
      dashed: false,
    });
  }

  // Siblings with no parents drawn: a bar above them.
  const siblingGroups = new Map<string, Set<string>>();
  for (const edge of valid) {
    if (edge.kind !== 'sibling') continue;
    if ((parentsOf.get(edge.from) ?? []).length > 0 && (parentsOf.get(edge.to) ?? []).length > 0) continue;
    const a = siblingGroups.get(edge.from) ?? new Set([edge.from]);
    const b = siblingGroups.get(edge.to) ?? new Set([edge.to]);
    const merged = new Set([...a, ...b]);
    for (const id of merged) siblingGroups.set(id, merged);
  }
  for (const group of new Set(siblingGroups.values())) {
    const ids = [...group].sort((a, b) => cx(a) - cx(b));
    const barY = Math.min(...ids.map(top)) - SIBSHIP_RISE;
    const parts = [`M${cx(ids[0] as string)},${barY} H${cx(ids.at(-1) as string)}`];
    for (const id of ids) parts.push(`M${cx(id)},${barY} V${top(id)}`);
    lines.push({ kind: 'sibling', relation: 'sibling', members: ids, d: parts.join(' '), dashed: false });
  }

  // 同居: one line around everyone living together, or one per row-run when that would take in others.
  const together = nodes.filter((n) => n.livingTogether);
  const box = (group: GenogramNode[]): GenogramEnclosure => {
    const pad = 12;
    const left = Math.min(...group.map((n) => n.cx)) - SYMBOL / 2 - pad;
    const right = Math.max(...group.map((n) => n.cx)) + SYMBOL / 2 + pad;
    const upper = Math.min(...group.map((n) => n.cy)) - SYMBOL / 2 - pad;
    const lower = Math.max(...group.map((n) => n.cy)) + SYMBOL / 2 + LABEL_SPACE;
    return { members: group.map((n) => n.id), x: left, y: upper, width: right - left, height: lower - upper };
  };
  const enclosures: GenogramEnclosure[] = [];
  if (together.length > 0) {
    const whole = box(together);
    const intruder = nodes.some(
      (n) =>
        !n.livingTogether &&
        n.cx > whole.x &&
        n.cx < whole.x + whole.width &&
        n.cy > whole.y &&
        n.cy < whole.y + whole.height,
    );
    if (!intruder) enclosures.push(whole);
    else {
      for (let row = 0; row < rowsCount; row++) {
        const inRow = nodes.filter((n) => n.generation === row).sort((a, b) => a.cx - b.cx);
        let run: GenogramNode[] = [];
        for (const n of [...inRow, null]) {
          if (n?.livingTogether) run.push(n);
          else {
            if (run.length) enclosures.push(box(run));
            run = [];
          }
        }
      }
    }
  }

  const width = Math.max(...nodes.map((n) => n.cx)) + SYMBOL / 2 + MARGIN + 12;
  const height = rowTop(rowsCount - 1) + SYMBOL + LABEL_SPACE + MARGIN;
  return { width, height, generations: rowsCount, nodes, lines, enclosures };
}
