import type { DiagramMember, DiagramTie, TieKind, TieStrength } from './model.ts';

/**
 * Ecomap layout (docs/forms.md), pure: the household in the centre with its members listed
 * (the person first), the organisations and informal supports on a ring around it, evenly spaced
 * from the top clockwise, each joined to the centre by a line whose style says the tie: thick for
 * strong, thin for normal, dashed for weak, a zigzag when the tie is stressful.
 */

const WIDTH = 680;
const HEIGHT = 500;
const CX = WIDTH / 2;
const CY = HEIGHT / 2 - 10;
const CENTRE_RX = 96;
const CENTRE_RY = 64;
const RING_RX = 250;
const RING_RY = 180;
export const ECOMAP_NODE_WIDTH = 132;
export const ECOMAP_NODE_HEIGHT = 46;

export interface EcomapNode {
  id: string;
  kind: TieKind;
  label: string;
  /** The label broken into at most two lines that fit the box. */
  lines: string[];
  cx: number;
  cy: number;
  strength: TieStrength;
  stressful: boolean;
  memberId: string | null;
}

export interface EcomapEdge {
  tieId: string;
  strength: TieStrength;
  stressful: boolean;
  d: string;
  strokeWidth: number;
  dashed: boolean;
}

export interface EcomapLayout {
  width: number;
  height: number;
  centre: { cx: number; cy: number; rx: number; ry: number; lines: string[] };
  nodes: EcomapNode[];
  edges: EcomapEdge[];
}

/** Break a label into lines of at most `perLine` characters, at most `maxLines` (the last one cut with …). */
export function wrapLabel(label: string, perLine: number, maxLines: number): string[] {
  const chars = [...label];
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < maxLines; i += perLine) {
    lines.push(chars.slice(i, i + perLine).join(''));
  }
  if (chars.length > perLine * maxLines) {
    const last = [...(lines.at(-1) ?? '')];
    lines[lines.length - 1] = `${last.slice(0, perLine - 1).join('')}…`;
  }
  return lines;
}

/** Where the ray from the centre of an ellipse towards (x, y) leaves it. */
function ellipseExit(cx: number, cy: number, rx: number, ry: number, x: number, y: number) {
  const dx = x - cx;
  const dy = y - cy;
  const t = 1 / Math.sqrt((dx * dx) / (rx * rx) + (dy * dy) / (ry * ry));
  return { x: cx + dx * t, y: cy + dy * t };
}

/** Where the ray from a box's centre towards (x, y) leaves the box. */
function boxExit(cx: number, cy: number, w: number, h: number, x: number, y: number) {
  const dx = x - cx;
  const dy = y - cy;
  const t = Math.min(Math.abs(w / 2 / (dx || 1e-9)), Math.abs(h / 2 / (dy || 1e-9)));
  return { x: cx + dx * t, y: cy + dy * t };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A zigzag from a to b: the stressful tie. */
function zigzag(a: { x: number; y: number }, b: { x: number; y: number }): string {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const steps = Math.max(4, Math.floor(length / 10));
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  const parts = [`M${round(a.x)},${round(a.y)}`];
  for (let i = 1; i < steps; i++) {
    const side = i % 2 === 0 ? 5 : -5;
    const px = a.x + ((b.x - a.x) * i) / steps - uy * side;
    const py = a.y + ((b.y - a.y) * i) / steps + ux * side;
    parts.push(`L${round(px)},${round(py)}`);
  }
  parts.push(`L${round(b.x)},${round(b.y)}`);
  return parts.join(' ');
}

export function layoutEcomap(members: readonly DiagramMember[], ties: readonly DiagramTie[]): EcomapLayout {
  const ordered = [...members].sort((a, b) => Number(b.supported) - Number(a.supported));
  const centreLines = ordered
    .filter((m) => !m.deceased)
    .slice(0, 5)
    .map((m) => `${m.supported ? '◎' : ''}${m.label}${m.age === null ? '' : `（${m.age}）`}`);
  const living = ordered.filter((m) => !m.deceased).length;
  if (living > 5) centreLines.push(`ほか${living - 5}人`);
  const nodes: EcomapNode[] = ties.map((tie, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(ties.length, 1);
    return {
      id: tie.id,
      kind: tie.kind,
      label: tie.label,
      lines: wrapLabel(tie.label, 8, 2),
      cx: round(CX + RING_RX * Math.cos(angle)),
      cy: round(CY + RING_RY * Math.sin(angle)),
      strength: tie.strength,
      stressful: tie.stressful,
      memberId: tie.memberId,
    };
  });
  const edges: EcomapEdge[] = nodes.map((n) => {
    const from = ellipseExit(CX, CY, CENTRE_RX, CENTRE_RY, n.cx, n.cy);
    const to = boxExit(n.cx, n.cy, ECOMAP_NODE_WIDTH, ECOMAP_NODE_HEIGHT, CX, CY);
    return {
      tieId: n.id,
      strength: n.strength,
      stressful: n.stressful,
      d: n.stressful ? zigzag(from, to) : `M${round(from.x)},${round(from.y)} L${round(to.x)},${round(to.y)}`,
      strokeWidth: n.strength === 'strong' ? 4 : 1.5,
      dashed: n.strength === 'weak',
    };
  });
  return {
    width: WIDTH,
    height: HEIGHT,
    centre: { cx: CX, cy: CY, rx: CENTRE_RX, ry: CENTRE_RY, lines: ['世帯', ...centreLines] },
    nodes,
    edges,
  };
}
