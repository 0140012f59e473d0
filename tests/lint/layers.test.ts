import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run lint` keeps the layers (src/domain ← src/contract ← src/db ← src/server ← src/cli, and the
 * web app on domain and contract only) and the one clock. The fixtures under tests/lint/fixtures
 * mirror the repository's folders; each line that must be refused says so in a trailing
 * `// expect: <category>` comment. The fixtures are copied with the real biome.json and plugins into a
 * temporary directory, where the folder globs of biome.json apply to them as to the real code, and
 * Biome must report exactly the marked lines.
 */
const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const checked = new Set(['lint/style/noRestrictedImports', 'plugin']);

interface Diagnostic {
  category: string;
  severity: string;
  location: { path: string; start: { line: number } };
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** 'path:line category' for every line of the fixtures marked `// expect: category`. */
function expectedFindings(): string[] {
  const found: string[] = [];
  for (const file of filesUnder(fixtures)) {
    const lines = fs.readFileSync(path.join(fixtures, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      const mark = /\/\/ expect: (\S+)\s*$/.exec(line);
      if (mark) found.push(`${file}:${index + 1} ${mark[1]}`);
    });
  }
  return found.sort();
}

let workspace: string;
let lint: { status: number | null; diagnostics: Diagnostic[] };

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-lint-'));
  fs.cpSync(fixtures, workspace, { recursive: true });
  fs.copyFileSync(path.join(root, 'biome.json'), path.join(workspace, 'biome.json'));
  fs.copyFileSync(path.join(root, 'web/biome.json'), path.join(workspace, 'web/biome.json'));
  fs.cpSync(path.join(root, 'lint'), path.join(workspace, 'lint'), { recursive: true });
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/biome'),
    ['lint', '--vcs-enabled=false', '--reporter=json', '--max-diagnostics=none', '.'],
    { cwd: workspace, encoding: 'utf8' },
  );
  const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
  lint = { status: run.status, diagnostics: report.diagnostics };
});

afterAll(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
});

describe('the lint keeps the layers and the one clock', () => {
  it('fails the run', () => {
    expect(lint.status).not.toBe(0);
  });

  it('reports exactly the forbidden lines of the fixtures, and as errors', () => {
    const reported = lint.diagnostics
      .filter((d) => checked.has(d.category))
      .map((d) => `${d.location.path}:${d.location.start.line} ${d.category}`)
      .sort();
    expect(reported).toEqual(expectedFindings());
    expect(lint.diagnostics.filter((d) => checked.has(d.category)).every((d) => d.severity === 'error')).toBe(
      true,
    );
  });

  it('has a forbidden import for every layer that has one, and readings of the system clock', () => {
    const layers = expectedFindings()
      .filter((finding) => finding.endsWith('noRestrictedImports'))
      .map((finding) => finding.split('/').slice(0, 2).join('/'));
    expect(new Set(layers)).toEqual(
      new Set(['src/domain', 'src/contract', 'src/db', 'src/server', 'web/src']),
    );
    expect(expectedFindings().filter((finding) => finding.endsWith(' plugin')).length).toBeGreaterThan(0);
  });
});
