import type { Content } from 'pdfmake/interfaces';
import type { EasyReadPlan } from '../../contract/forms.ts';
import type { EasyReadDocument } from '../../domain/easyRead/easyReadPlan.ts';
import { type RubySegment, rubySegments } from '../../domain/easyRead/furigana.ts';
import { escapeXml } from '../../domain/household/diagramSvg.ts';
import { a4Page, renderPdfDefinition } from '../documents.ts';
import type { ReadingDictionary } from './readings.ts';

type Segments = RubySegment[];

/** Put ふりがな on every heading and sentence of an easy-read document. */
export async function withRuby(
  doc: EasyReadDocument,
  dictionary: ReadingDictionary,
  ids: { planId: string; caseId: string; version: number },
): Promise<EasyReadPlan> {
  const ruby = async (text: string) => rubySegments(await dictionary.tokenize(text));
  return {
    ...ids,
    title: await ruby(doc.title),
    sections: await Promise.all(
      doc.sections.map(async (section) => ({
        heading: await ruby(section.heading),
        blocks: await Promise.all(
          section.blocks.map(async (block) => ({
            heading: block.heading ? await ruby(block.heading) : null,
            sentences: await Promise.all(block.sentences.map(ruby)),
          })),
        ),
      })),
    ),
  };
}

function htmlOf(segments: Segments): string {
  return segments
    .map((s) =>
      s.ruby
        ? `<ruby>${escapeXml(s.text)}<rp>（</rp><rt>${escapeXml(s.ruby)}</rt><rp>）</rp></ruby>`
        : escapeXml(s.text),
    )
    .join('');
}

/** A standalone HTML page (no script, no inline style): headings, lists and <ruby>. */
export function easyReadHtml(plan: EasyReadPlan): string {
  const sections = plan.sections
    .map(
      (section) =>
        `<section><h2>${htmlOf(section.heading)}</h2>${section.blocks
          .map(
            (block) =>
              `${block.heading ? `<h3>${htmlOf(block.heading)}</h3>` : ''}<ul>${block.sentences.map((s) => `<li>${htmlOf(s)}</li>`).join('')}</ul>`,
          )
          .join('')}</section>`,
    )
    .join('');
  const title = plan.title.map((s) => s.text).join('');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body><main><h1>${htmlOf(plan.title)}</h1>${sections}</main></body></html>`;
}

const BASE = 14;
const RUBY = 7;
const WIDTH = 495;

/** Rough width of text at a size: full-width characters one em, others about half. */
function widthOf(text: string, size: number): number {
  // generous for half-width glyphs (digits are about 0.57 em in Noto Sans JP): a column must never
  // be narrower than its text, or pdfmake wraps inside it
  return [...text].reduce(
    (sum, ch) => sum + (ch === ' ' ? 0.3 : (ch.codePointAt(0) ?? 0) < 0x100 ? 0.62 : 1) * size,
    0,
  );
}

/**
 * pdfmake has no ruby: each line is a row of small stacks, the reading in small type above its
 * kanji and nothing above bare text. Lines are broken by us (at segment and, in bare text,
 * character boundaries), since columns never wrap.
 */
function rubyLines(segments: Segments, size = BASE, width = WIDTH): Content[] {
  const cells: { text: string; ruby: string | null; w: number }[] = [];
  for (const s of segments) {
    if (s.ruby)
      cells.push({
        text: s.text,
        ruby: s.ruby,
        w: Math.max(widthOf(s.text, size), widthOf(s.ruby, size / 2)),
      });
    else for (const ch of s.text) cells.push({ text: ch, ruby: null, w: widthOf(ch, size) });
  }
  const lines: (typeof cells)[] = [[]];
  let used = 0;
  for (const cell of cells) {
    // never start a line with closing punctuation
    if (used + cell.w > width && (lines.at(-1)?.length ?? 0) > 0 && !/^[、。）」』！？]/.test(cell.text)) {
      lines.push([]);
      used = 0;
    }
    lines.at(-1)?.push(cell);
    used += cell.w;
  }
  return lines.map((line) => {
    // join neighbouring bare characters back into one text run
    const runs: { text: string; ruby: string | null; w: number }[] = [];
    for (const cell of line) {
      const last = runs.at(-1);
      if (last && !last.ruby && !cell.ruby) {
        last.text += cell.text;
        last.w += cell.w;
      } else runs.push({ ...cell });
    }
    return {
      // fixed widths as measured for the line breaks above; spaces kept (pdfmake trims plain ones)
      columns: runs.map((run) => ({
        width: run.w + 0.5,
        stack: [
          { text: run.ruby ?? ' ', fontSize: size / 2, alignment: 'center', lineHeight: 1 },
          {
            text: run.text.replaceAll(' ', '\u00a0'),
            fontSize: size,
            alignment: run.ruby ? 'center' : 'left',
            lineHeight: 1.1,
          },
        ],
      })),
      columnGap: 0,
      margin: [0, 0, 0, 2],
    } as Content;
  });
}

export async function easyReadPdf(plan: EasyReadPlan, cityName: string): Promise<Buffer> {
  const content: Content[] = [...rubyLines(plan.title, 20), { text: ' ', margin: [0, 0, 0, 6] }];
  for (const section of plan.sections) {
    content.push({
      stack: rubyLines(section.heading, 16),
      margin: [0, 10, 0, 4],
      unbreakable: true,
    });
    for (const block of section.blocks) {
      if (block.heading)
        content.push({ stack: rubyLines(block.heading, 15), margin: [8, 4, 0, 2], unbreakable: true });
      for (const sentence of block.sentences) {
        content.push({
          columns: [
            { width: 16, text: '・', fontSize: BASE, margin: [0, RUBY, 0, 0] },
            { width: '*', stack: rubyLines(sentence, BASE, WIDTH - 24) },
          ],
          margin: [8, 0, 0, 4],
          unbreakable: true,
        });
      }
    }
  }
  return renderPdfDefinition({
    ...a4Page(plan.title.map((s) => s.text).join(''), 'portrait', [44, 48, 44, 44], { fontSize: BASE }),
    header: () => ({
      text: `${cityName}　わかりやすい 支援の 計画（第${plan.version}版）`,
      fontSize: 8,
      margin: [44, 20, 44, 0],
    }),
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 9,
    }),
    content,
  });
}
