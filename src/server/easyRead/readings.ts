import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';
import type { ReadToken } from '../../domain/easyRead/furigana.ts';

/**
 * Readings of Japanese text from kuromoji's IPADIC dictionary, which ships inside the package
 * (nothing is fetched). Building the tokenizer takes a few seconds and some 300 MB, so it is built
 * on the first easy-read request only, once per app instance (the reader lives in the app, not in
 * this module).
 */
export interface ReadingDictionary {
  tokenize(text: string): Promise<ReadToken[]>;
}

const require = createRequire(import.meta.url);

export function createReadingDictionary(): ReadingDictionary {
  let tokenizer: Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> | undefined;
  const load = () => {
    tokenizer ??= new Promise((resolve, reject) => {
      const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
      kuromoji.builder({ dicPath }).build((error, built) => (error ? reject(error) : resolve(built)));
    });
    return tokenizer;
  };
  return {
    async tokenize(text) {
      const built = await load();
      return built.tokenize(text).map((t) => ({
        surface: t.surface_form,
        reading: t.reading && t.reading !== '*' ? t.reading : null,
      }));
    },
  };
}
