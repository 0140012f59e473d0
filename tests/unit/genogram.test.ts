import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ecomapSvg, escapeXml, genogramSvg } from '../../src/domain/household/diagramSvg.ts';
import { layoutEcomap, wrapLabel } from '../../src/domain/household/ecomap.ts';
import { layoutGenogram } from '../../src/domain/household/genogram.ts';
import {
  type DiagramMember,
  type DiagramRelation,
  relationProblems,
  relationsImpliedBy,
} from '../../src/domain/household/model.ts';

function member(id: string, overrides: Partial<DiagramMember>): DiagramMember {
  return {
    id,
    sex: 'unknown',
    age: null,
    deceased: false,
    supported: false,
    livingTogether: false,
    relation: 'other',
    label: id,
    name: '',
    birthDate: null,
    ...overrides,
  };
}

/** A three-generation household: deceased grandfather, grandmother, divorced parents, the person. */
const household: DiagramMember[] = [
  member('grandfather', { sex: 'male', age: 78, deceased: true, relation: 'grandparent', label: '祖父' }),
  member('grandmother', {
    sex: 'female',
    age: 80,
    relation: 'grandparent',
    label: '祖母',
    livingTogether: true,
  }),
  member('father', { sex: 'male', age: 52, relation: 'father', label: '父', birthDate: '1974-05-01' }),
  member('mother', { sex: 'female', age: 50, relation: 'mother', label: '母', livingTogether: true }),
  member('person', {
    sex: 'male',
    age: 24,
    supported: true,
    relation: 'self',
    label: '本人',
    livingTogether: true,
    birthDate: '2002-01-01',
  }),
  member('sister', { sex: 'female', age: 21, relation: 'sibling', label: '妹', birthDate: '2005-03-03' }),
];
const relations: DiagramRelation[] = [
  { from: 'grandfather', to: 'grandmother', kind: 'spouse' },
  { from: 'grandfather', to: 'father', kind: 'parentChild' },
  { from: 'grandmother', to: 'father', kind: 'parentChild' },
  { from: 'father', to: 'mother', kind: 'exSpouse' },
  { from: 'father', to: 'person', kind: 'parentChild' },
  { from: 'mother', to: 'person', kind: 'parentChild' },
  { from: 'father', to: 'sister', kind: 'parentChild' },
  { from: 'mother', to: 'sister', kind: 'parentChild' },
];

function parse(svg: string) {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  return doc;
}

describe('genogram layout', () => {
  const layout = layoutGenogram(household, relations);
  const node = (id: string) => {
    const found = layout.nodes.find((n) => n.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('puts three generations on three rows: grandparents, parents, the person and sister', () => {
    expect(layout.generations).toBe(3);
    expect(node('grandfather').generation).toBe(0);
    expect(node('grandmother').generation).toBe(0);
    expect(node('father').generation).toBe(1);
    expect(node('mother').generation).toBe(1);
    expect(node('person').generation).toBe(2);
    expect(node('sister').generation).toBe(2);
    expect(node('grandfather').cy).toBeLessThan(node('father').cy);
    expect(node('father').cy).toBeLessThan(node('person').cy);
  });

  it('draws partners side by side with the man on the left, the eldest child first', () => {
    expect(node('grandfather').cx).toBeLessThan(node('grandmother').cx);
    expect(node('father').cx).toBeLessThan(node('mother').cx);
    expect(node('person').cx).toBeLessThan(node('sister').cx);
    // the children hang under their parents' middle
    const parentsMiddle = (node('father').cx + node('mother').cx) / 2;
    const childrenMiddle = (node('person').cx + node('sister').cx) / 2;
    expect(Math.abs(parentsMiddle - childrenMiddle)).toBeLessThan(1);
  });

  it('gives each sex its symbol and marks the person, the dead and ages', () => {
    expect(node('grandfather')).toMatchObject({ shape: 'square', deceased: true, ageText: '78' });
    expect(node('mother')).toMatchObject({ shape: 'circle', deceased: false });
    expect(node('person')).toMatchObject({ shape: 'square', supported: true, ageText: '24' });
    expect(layoutGenogram([member('x', { sex: 'unknown' })], []).nodes[0]?.shape).toBe('triangle');
  });

  it('draws a marriage, a divorce with its double slash, and descent from each couple', () => {
    const partner = layout.lines.filter((l) => l.kind === 'partner');
    expect(partner.map((l) => [l.relation, ...l.members])).toEqual(
      expect.arrayContaining([
        ['spouse', 'grandfather', 'grandmother'],
        ['exSpouse', 'father', 'mother'],
      ]),
    );
    expect(layout.lines.filter((l) => l.kind === 'divorceMark').map((l) => l.members)).toEqual([
      ['father', 'mother'],
    ]);
    const descent = layout.lines.filter((l) => l.kind === 'descent').map((l) => l.members);
    expect(descent).toEqual(
      expect.arrayContaining([
        ['grandfather', 'grandmother', 'father'],
        ['father', 'mother', 'person', 'sister'],
      ]),
    );
    expect(descent).toHaveLength(2);
  });

  it('draws the 同居 line around those living together, by row when one box would take in others', () => {
    const inside = layout.enclosures.flatMap((e) => e.members).sort();
    expect(inside).toEqual(['grandmother', 'mother', 'person']);
    for (const enclosure of layout.enclosures) {
      for (const n of layout.nodes.filter((m) => !enclosure.members.includes(m.id))) {
        const within =
          n.cx > enclosure.x &&
          n.cx < enclosure.x + enclosure.width &&
          n.cy > enclosure.y &&
          n.cy < enclosure.y + enclosure.height;
        expect(within, `${n.id} inside the 同居 line`).toBe(false);
      }
    }
  });

  it('places members without edges by their 続柄 to the person', () => {
    const loose = layoutGenogram(
      [
        member('p', { relation: 'self', supported: true }),
        member('gm', { relation: 'grandparent' }),
        member('child', { relation: 'son' }),
      ],
      [],
    );
    const gen = Object.fromEntries(loose.nodes.map((n) => [n.id, n.generation]));
    expect(gen).toEqual({ gm: 0, p: 2, child: 3 });
  });
});

describe('genogram SVG', () => {
  const svg = genogramSvg(layoutGenogram(household, relations), { title: 'ジェノグラム（試験）' });
  const doc = parse(svg);

  it('has one symbol per member with the shape and marks the layout gave it', () => {
    const groups = [...doc.querySelectorAll('g[data-member]')];
    expect(groups).toHaveLength(6);
    const grandfather = doc.querySelector('g[data-member="grandfather"]');
    expect(grandfather?.getAttribute('data-shape')).toBe('square');
    expect(grandfather?.querySelector('rect[data-outline="outer"]')).not.toBeNull();
    expect(grandfather?.querySelector('path[data-mark="deceased"]')).not.toBeNull();
    expect(grandfather?.querySelector('text[data-age]')?.textContent).toBe('78');
    const mother = doc.querySelector('g[data-member="mother"]');
    expect(mother?.querySelectorAll('circle[data-outline]')).toHaveLength(1);
    // the person: a double outline (two squares)
    const person = doc.querySelector('g[data-member="person"]');
    expect(person?.querySelectorAll('rect[data-outline]')).toHaveLength(2);
    expect(person?.querySelector('rect[data-outline="inner"]')).not.toBeNull();
    expect(person?.getAttribute('data-supported')).toBe('true');
    expect(person?.textContent).toContain('本人');
  });

  it('has the partner, divorce, descent and 同居 lines', () => {
    expect(doc.querySelectorAll('path[data-line="partner"]')).toHaveLength(2);
    expect(
      doc.querySelector('path[data-line="partner"][data-relation="exSpouse"]')?.getAttribute('data-members'),
    ).toBe('father mother');
    expect(doc.querySelectorAll('path[data-line="divorceMark"]')).toHaveLength(1);
    expect(doc.querySelectorAll('path[data-line="descent"]')).toHaveLength(2);
    expect(doc.querySelectorAll('rect[data-enclosure="livingTogether"]').length).toBeGreaterThan(0);
    expect(doc.querySelector('title')?.textContent).toBe('ジェノグラム（試験）');
  });

  it('escapes names, so a name cannot inject markup', () => {
    const hostile = genogramSvg(
      layoutGenogram([member('a', { label: '<script>alert(1)</script>', name: '"&' })], []),
      { title: 't' },
    );
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain(escapeXml('<script>alert(1)</script>'));
  });
});

describe('ecomap', () => {
  const layout = layoutEcomap(household, [
    {
      id: 't1',
      kind: 'organization',
      label: '地域包括支援センター',
      strength: 'strong',
      stressful: false,
      memberId: null,
    },
    { id: 't2', kind: 'neighbour', label: '隣人', strength: 'weak', stressful: false, memberId: null },
    {
      id: 't3',
      kind: 'employer',
      label: '元勤務先',
      strength: 'normal',
      stressful: true,
      memberId: 'father',
    },
  ]);

  it('puts the household in the centre and the ties on a ring around it', () => {
    expect(layout.centre.lines[0]).toBe('世帯');
    expect(layout.centre.lines[1]).toBe('◎本人（24）');
    for (const n of layout.nodes) {
      const distance = Math.hypot(n.cx - layout.centre.cx, n.cy - layout.centre.cy);
      expect(distance).toBeGreaterThan(layout.centre.rx);
    }
  });

  it('draws strong ties thick, weak ones dashed and stressful ones as a zigzag', () => {
    const svg = parse(ecomapSvg(layout));
    const tie = (id: string) => svg.querySelector(`path[data-tie="${id}"]`);
    expect(tie('t1')?.getAttribute('stroke-width')).toBe('4');
    expect(tie('t1')?.getAttribute('stroke-dasharray')).toBeNull();
    expect(tie('t2')?.getAttribute('stroke-dasharray')).toBe('6 5');
    expect(tie('t3')?.getAttribute('data-stressful')).toBe('true');
    expect((tie('t3')?.getAttribute('d')?.match(/L/g) ?? []).length).toBeGreaterThan(3);
    expect(svg.querySelectorAll('g[data-node]')).toHaveLength(3);
  });

  it('wraps long labels into two lines, cut with …', () => {
    expect(wrapLabel('鹿児島県地域生活定着支援センター', 8, 2)).toEqual([
      '鹿児島県地域生活',
      '定着支援センター',
    ]);
    expect(wrapLabel('あいうえおかきくけこさしすせそたちつ', 8, 2)).toEqual([
      'あいうえおかきく',
      'けこさしすせそ…',
    ]);
  });
});

describe('household relations', () => {
  it('derives the edges a consultation’s 続柄 imply', () => {
    const edges = relationsImpliedBy([
      { id: 'p', relation: 'self' },
      { id: 'f', relation: 'father' },
      { id: 'm', relation: 'mother' },
      { id: 's', relation: 'sibling' },
      { id: 'c', relation: 'daughter' },
      { id: 'g', relation: 'grandparent' },
    ]);
    expect(edges).toEqual([
      { from: 'f', to: 'p', kind: 'parentChild' },
      { from: 'm', to: 'p', kind: 'parentChild' },
      { from: 'p', to: 's', kind: 'sibling' },
      { from: 'p', to: 'c', kind: 'parentChild' },
      { from: 'f', to: 'm', kind: 'spouse' },
    ]);
  });

  it('refuses unknown members, self-edges, duplicates, a third parent and a cycle', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(relationProblems(ids, [{ from: 'a', to: 'x', kind: 'spouse' }])[0]?.message).toContain('世帯員');
    expect(relationProblems(ids, [{ from: 'a', to: 'a', kind: 'sibling' }])).toHaveLength(1);
    expect(
      relationProblems(ids, [
        { from: 'a', to: 'b', kind: 'spouse' },
        { from: 'b', to: 'a', kind: 'spouse' },
      ]),
    ).toEqual([{ index: 1, message: '同じ関係が重複しています' }]);
    expect(
      relationProblems(ids, [
        { from: 'a', to: 'd', kind: 'parentChild' },
        { from: 'b', to: 'd', kind: 'parentChild' },
        { from: 'c', to: 'd', kind: 'parentChild' },
      ]),
    ).toEqual([{ index: 2, message: '親は2人までです' }]);
    expect(
      relationProblems(ids, [
        { from: 'a', to: 'b', kind: 'parentChild' },
        { from: 'b', to: 'a', kind: 'parentChild' },
      ]).map((p) => p.message),
    ).toContain('親子関係が循環しています');
    expect(relationProblems(ids, [{ from: 'a', to: 'b', kind: 'parentChild' }])).toEqual([]);
  });
});
