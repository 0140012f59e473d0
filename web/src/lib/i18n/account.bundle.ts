import { accountJa } from './account.ja.ts';
import { i18n } from './i18n.ts';

/*
 * The Japanese messages of the account screens come with the chunks of
 * the pages that use them, not with the first load (PageMessages in ja.ts, docs/performance.md):
 * every component using these keys imports this module, so they are in i18next before it renders.
 * English has them in en.ts, fetched as a whole.
 */
i18n.addResourceBundle('ja', 'translation', accountJa, true, false);
