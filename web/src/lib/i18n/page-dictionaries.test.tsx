import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountJa } from './account.ja.ts';
import { adminJa } from './admin.ja.ts';
import { caseworkJa } from './casework.ja.ts';
import { codesJa } from './codes.ja.ts';
import { en } from './en.ts';
import { formsJa } from './forms.ja.ts';
import { ja } from './ja.ts';
import { participationJa } from './participation.ja.ts';
import { recidivismJa } from './recidivism.ja.ts';
import { resourcesJa } from './resources.ja.ts';
import { retentionJa } from './retention.ja.ts';
import { statsJa } from './stats.ja.ts';

/*
 * The Japanese a page needs beyond the first load arrives with its chunk (PageMessages in ja.ts):
 * a component that uses a page dictionary's key imports the module that adds that dictionary to
 * i18next. A forgotten import would show the key itself on a first visit straight to that page
 * (and only then: once another page loaded the dictionary, it is there), so it is checked here.
 */

const webSrc = path.resolve(import.meta.dirname, '../..');

/** Each bundle module (relative to web/src) with the top-level sections it adds. */
const bundles: Record<string, Record<string, object>> = {
  'lib/i18n/casework.bundle.ts': caseworkJa,
  'lib/i18n/admin.bundle.ts': adminJa,
  'lib/i18n/account.bundle.ts': accountJa,
  'lib/i18n/codes.bundle.ts': { codes: codesJa },
  'lib/i18n/recidivism.bundle.ts': { recidivism: recidivismJa },
  'lib/i18n/resources.bundle.ts': { resources: resourcesJa },
  'lib/i18n/participation.bundle.ts': { participation: participationJa },
  'lib/i18n/stats.bundle.ts': { stats: statsJa },
  'lib/i18n/forms.bundle.ts': { forms: formsJa },
  'features/retention/messages.ts': { retention: retentionJa },
};

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    )
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
}

/** The bundles whose keys `source` names: `'cases.heading'`, `` `codes.${list}` `` … */
function bundlesUsed(source: string): string[] {
  return Object.entries(bundles)
    .filter(([, sections]) =>
      Object.entries(sections).some(([section, messages]) =>
        [...source.matchAll(new RegExp(`[\`'"]${section}\\.(\\$\\{|\\w+)`, 'g'))].some(
          // `'audit.read'` is a permission, not a message: only real keys (or built ones) count.
          (match) => match[1] === '${' || Object.hasOwn(messages, match[1] ?? ''),
        ),
      ),
    )
    .map(([bundle]) => bundle);
}

function imports(file: string, source: string): string[] {
  return [...source.matchAll(/^import (?:[^'"]+ from )?'([^']+)';$/gm)].map((match) =>
    path.relative(webSrc, path.resolve(path.dirname(file), match[1] ?? '')),
  );
}

describe('page dictionaries', () => {
  it('are every section the first load leaves out, each in one bundle', () => {
    const sections = Object.values(bundles).flatMap((b) => Object.keys(b));
    expect(new Set(sections).size).toBe(sections.length);
    const leftOut = Object.keys(en).filter((section) => !Object.hasOwn(ja, section));
    expect(sections.sort()).toEqual(leftOut.sort());
  });

  it('are imported by every file of the web app that uses their keys', () => {
    const missing = sourceFiles(webSrc)
      .filter((file) => !file.includes(`${path.sep}lib${path.sep}i18n${path.sep}`))
      .flatMap((file) => {
        const source = fs.readFileSync(file, 'utf8');
        const imported = imports(file, source);
        return bundlesUsed(source)
          .filter((bundle) => !imported.includes(bundle))
          .map((bundle) => `${path.relative(webSrc, file)} needs import of ${bundle}`);
      });
    expect(missing).toEqual([]);
  });
});
