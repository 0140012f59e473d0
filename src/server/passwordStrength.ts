import type { PasswordEstimate } from '../domain/passwordRules.ts';

/**
 * The password strength estimator: zxcvbn-ts (pattern matching against keyboard walks, dates,
 * repeats, sequences, l33t, and dictionaries) with its offline dictionaries — the common package's
 * list of passwords seen in breaches and diceware words, English and Japanese (romaji) words and
 * names — and its Japanese feedback. The dictionaries are a few megabytes, so they are loaded on the
 * first estimate and kept for the process; the web app never loads them.
 */

type Estimator = (password: string, userInputs: string[]) => PasswordEstimate;

let estimator: Promise<Estimator> | undefined;

async function loadEstimator(): Promise<Estimator> {
  const [{ ZxcvbnFactory }, common, english, japanese] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('@zxcvbn-ts/language-ja'),
  ]);
  const zxcvbn = new ZxcvbnFactory({
    dictionary: {
      ...common.dictionary,
      ...english.dictionary,
      'commonWords-ja': japanese.dictionary.commonWords,
      'firstnames-ja': japanese.dictionary.firstnames,
      'lastnames-ja': japanese.dictionary.lastnames,
      'wikipedia-ja': japanese.dictionary.wikipedia,
    },
    graphs: common.adjacencyGraphs,
    translations: japanese.translations,
  });
  return (password, userInputs) => {
    const result = zxcvbn.check(password, userInputs);
    const sequence = result.sequence as { pattern: string; dictionaryName?: string; token: string }[];
    return {
      score: result.score,
      breached: sequence.some(
        (match) =>
          match.pattern === 'dictionary' &&
          match.dictionaryName === 'passwords-common' &&
          match.token.length === password.length,
      ),
      warning: result.feedback.warning || null,
      suggestions: result.feedback.suggestions,
    };
  };
}

/**
 * Estimate a new password's strength. `userInputs` are words the user's own details give away
 * (login id, display name, organisation, city): zxcvbn scores a password built on them as weak.
 */
export async function estimatePassword(
  password: string,
  userInputs: readonly string[] = [],
): Promise<PasswordEstimate> {
  estimator ??= loadEstimator();
  const estimate = await estimator;
  return estimate(
    password,
    userInputs.filter((input) => input.length > 0),
  );
}
