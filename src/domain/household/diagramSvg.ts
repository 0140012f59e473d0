import { ECOMAP_NODE_HEIGHT, ECOMAP_NODE_WIDTH, type EcomapLayout } from './ecomap.ts';
import { type GenogramLayout, type GenogramNode, SYMBOL } from './genogram.ts';

/**
 * The genogram and ecomap as SVG text, built here from the layouts so that the screen and the PDF
 * (pdfmake's svg node) draw the very same picture. Presentation attributes only (no style
 * attribute: the app's CSP forbids inline styles); every name is escaped. The `data-*` attributes
 * say what each shape means, for tests and for anyone reading the file.
 */

const FONT = "NotoSansJP, 'Noto Sans JP', sans-serif";
const INK = '#1a1a1a';

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function svgOpen(width: number, height: number, title: string, description: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="dg-title dg-desc" font-family="${FONT}">` +
    `<title id="dg-title">${escapeXml(title)}</title><desc id="dg-desc">${escapeXml(description)}</desc>` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`
  );
}

function text(x: number, y: number, content: string, size: number, extra = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}" text-anchor="middle" fill="${INK}"${extra}>${escapeXml(content)}</text>`;
}

/** Rough width of a label: full-width characters are one em, others half. */
function textWidth(content: string, size: number): number {
  return [...content].reduce(
    (sum, ch) => sum + ((ch.codePointAt(0) ?? 0) < 0x100 || /[\uff61-\uff9f]/.test(ch) ? 0.55 : 1) * size,
    0,
  );
}

function symbol(node: GenogramNode, deceasedStyle: 'cross' | 'filled'): string {
  const h = SYMBOL / 2;
  const fill = node.deceased && deceasedStyle === 'filled' ? '#555555' : '#ffffff';
  const outline = (inset: number) => {
    const r = h - inset;
    const which = `data-outline="${inset ? 'inner' : 'outer'}"`;
    switch (node.shape) {
      case 'square':
        return `<rect ${which} x="${node.cx - r}" y="${node.cy - r}" width="${2 * r}" height="${2 * r}" fill="${inset ? 'none' : fill}" stroke="${INK}" stroke-width="1.6"/>`;
      case 'circle':
        return `<circle ${which} cx="${node.cx}" cy="${node.cy}" r="${r}" fill="${inset ? 'none' : fill}" stroke="${INK}" stroke-width="1.6"/>`;
      case 'triangle':
        return `<polygon ${which} points="${node.cx},${node.cy - r} ${node.cx + r},${node.cy + r} ${node.cx - r},${node.cy + r}" fill="${inset ? 'none' : fill}" stroke="${INK}" stroke-width="1.6"/>`;
    }
  };
  const parts = [outline(0)];
  if (node.supported) parts.push(outline(4));
  if (node.deceased && deceasedStyle === 'cross') {
    const r = h - 2;
    parts.push(
      `<path data-mark="deceased" d="M${node.cx - r},${node.cy - r} L${node.cx + r},${node.cy + r} M${node.cx + r},${node.cy - r} L${node.cx - r},${node.cy + r}" stroke="${INK}" stroke-width="1.2"/>`,
    );
  }
  if (node.ageText) {
    parts.push(
      text(
        node.cx,
        node.cy + 5,
        node.ageText,
        13,
        ` font-weight="bold" data-age="${escapeXml(node.ageText)}"`,
      ),
    );
  }
  // Labels sit on a white ground, so that a descent line passing behind them does not cross the text.
  const ground = (y: number, content: string, size: number) =>
    `<rect x="${node.cx - (textWidth(content, size) + 4) / 2}" y="${y - size}" width="${textWidth(content, size) + 4}" height="${size + 3}" fill="#ffffff"/>`;
  parts.push(ground(node.cy + h + 15, node.label, 11), text(node.cx, node.cy + h + 15, node.label, 11));
  if (node.name)
    parts.push(ground(node.cy + h + 29, node.name, 10), text(node.cx, node.cy + h + 29, node.name, 10));
  return `<g data-member="${escapeXml(node.id)}" data-shape="${node.shape}" data-supported="${node.supported}" data-deceased="${node.deceased}" data-living-together="${node.livingTogether}">${parts.join('')}</g>`;
}

/** The genogram: symbols, partner and descent lines, the 同居 enclosure, and a one-line legend. */
export function genogramSvg(
  layout: GenogramLayout,
  options: { title: string; deceasedStyle?: 'cross' | 'filled' } = { title: 'ジェノグラム' },
): string {
  const legendHeight = 26;
  const width = Math.max(layout.width, 420);
  const height = layout.height + legendHeight;
  const description = `${layout.nodes.length}人、${layout.generations}世代。□男性 ○女性 △不明、二重線は本人、×は死亡、数字は年齢、点線の囲みは同居。`;
  const parts = [svgOpen(width, height, options.title, description)];
  for (const e of layout.enclosures) {
    parts.push(
      `<rect data-enclosure="livingTogether" data-members="${e.members.join(' ')}" x="${e.x}" y="${e.y}" width="${e.width}" height="${e.height}" rx="14" fill="none" stroke="#4a6fa5" stroke-width="1.4" stroke-dasharray="6 4"/>`,
    );
  }
  for (const line of layout.lines) {
    parts.push(
      `<path data-line="${line.kind}" data-relation="${line.relation}" data-members="${line.members.join(' ')}" d="${line.d}" fill="none" stroke="${INK}" stroke-width="1.4"${line.dashed ? ' stroke-dasharray="5 4"' : ''}/>`,
    );
  }
  for (const node of layout.nodes) parts.push(symbol(node, options.deceasedStyle ?? 'cross'));
  parts.push(
    text(
      width / 2,
      height - 9,
      '□男性 ○女性 △不明　二重線＝本人　×＝死亡　数字＝年齢　点線の囲み＝同居　／／＝離婚',
      10,
      ' data-legend="genogram"',
    ),
  );
  parts.push('</svg>');
  return parts.join('');
}

const strengthLabel = { strong: '強い', normal: '普通', weak: '弱い' } as const;

/** The ecomap: the household in the centre, ties around it, and a legend of the line styles. */
export function ecomapSvg(
  layout: EcomapLayout,
  options: { title: string } = { title: 'エコマップ' },
): string {
  const legendHeight = 30;
  const height = layout.height + legendHeight;
  const description = `世帯と${layout.nodes.length}の関係先。太線は強い関係、細線は普通、破線は弱い関係、波線はストレスのある関係。`;
  const parts = [svgOpen(layout.width, height, options.title, description)];
  for (const edge of layout.edges) {
    parts.push(
      `<path data-tie="${escapeXml(edge.tieId)}" data-strength="${edge.strength}" data-stressful="${edge.stressful}" d="${edge.d}" fill="none" stroke="${edge.stressful ? '#b3261e' : INK}" stroke-width="${edge.strokeWidth}"${edge.dashed ? ' stroke-dasharray="6 5"' : ''}/>`,
    );
  }
  const c = layout.centre;
  parts.push(
    `<g data-centre="household"><ellipse cx="${c.cx}" cy="${c.cy}" rx="${c.rx}" ry="${c.ry}" fill="#eef3fa" stroke="${INK}" stroke-width="2"/>`,
  );
  const lineHeight = 15;
  const firstY = c.cy - ((c.lines.length - 1) * lineHeight) / 2 + 4;
  c.lines.forEach((line, i) => {
    parts.push(
      text(c.cx, firstY + i * lineHeight, line, i === 0 ? 13 : 11, i === 0 ? ' font-weight="bold"' : ''),
    );
  });
  parts.push('</g>');
  for (const node of layout.nodes) {
    const x = node.cx - ECOMAP_NODE_WIDTH / 2;
    const y = node.cy - ECOMAP_NODE_HEIGHT / 2;
    parts.push(
      `<g data-node="${escapeXml(node.id)}" data-kind="${node.kind}"><rect x="${x}" y="${y}" width="${ECOMAP_NODE_WIDTH}" height="${ECOMAP_NODE_HEIGHT}" rx="10" fill="#ffffff" stroke="${INK}" stroke-width="1.2"/>`,
    );
    const top = node.cy - ((node.lines.length - 1) * 14) / 2 + 4;
    node.lines.forEach((line, i) => {
      parts.push(text(node.cx, top + i * 14, line, 11));
    });
    parts.push('</g>');
  }
  const y = height - 16;
  const legend: [string, string][] = [
    [`M20,${y} H60`, ` stroke-width="4"`],
    [`M150,${y} H190`, ` stroke-width="1.5"`],
    [`M280,${y} H320`, ` stroke-width="1.5" stroke-dasharray="6 5"`],
  ];
  for (const [d, attrs] of legend) parts.push(`<path d="${d}" stroke="${INK}" fill="none"${attrs}/>`);
  parts.push(
    `<path d="M410,${y} L415,${y - 5} L420,${y + 5} L425,${y - 5} L430,${y + 5} L435,${y - 5} L440,${y + 5} L445,${y}" stroke="#b3261e" fill="none" stroke-width="1.5"/>`,
  );
  parts.push(
    text(100, y + 4, strengthLabel.strong, 11),
    text(230, y + 4, strengthLabel.normal, 11),
    text(360, y + 4, strengthLabel.weak, 11),
    text(500, y + 4, 'ストレス・対立', 11),
  );
  parts.push('</svg>');
  return parts.join('');
}
