import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApiClient } from './testServer.ts';

/** A binary download through a signed-in client (ApiClient reads bodies as text). */
export async function download(
  client: ApiClient,
  url: string,
): Promise<{ status: number; type: string; disposition: string; body: Buffer }> {
  const response = await fetch(new URL(url, client.baseUrl), {
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  };
}

function withFile<T>(pdf: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'kasane-pdf-'));
  try {
    const file = path.join(dir, 'form.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as poppler's pdftotext lays it out (-layout keeps each table row on a line). */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8'),
  );
}

/** The pages' text, split at form feeds. */
export function pdfPages(pdf: Buffer): string[] {
  return pdfText(pdf)
    .split('\f')
    .filter((page) => page.trim() !== '');
}

/**
 * How much of page 1 is ink: pdftoppm renders it in grey at 40 dpi, and the share of pixels darker
 * than mid-grey is returned (a blank page is 0).
 */
export function firstPageInk(pdf: Buffer): number {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-gray', file, path.join(dir, 'page')]);
    const name =
      execFileSync('ls', [dir])
        .toString()
        .split('\n')
        .find((f) => f.endsWith('.pgm')) ?? '';
    const image = readFileSync(path.join(dir, name));
    // P5 header: magic, width, height, maxval, each separated by whitespace, then the bytes
    const header = image
      .subarray(0, 64)
      .toString('latin1')
      .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    if (!header) throw new Error('not a PGM image');
    const [whole, width, height] = header;
    const pixels = image.subarray(whole.length, whole.length + Number(width) * Number(height));
    let dark = 0;
    for (const value of pixels) if (value < 128) dark++;
    return dark / pixels.length;
  });
}

/** The line index of the first line containing `needle` (−1 if none). */
export function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle));
}
