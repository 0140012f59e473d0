import { i18n } from '../../lib/i18n/i18n.ts';
import { retentionJa } from '../../lib/i18n/retention.ja.ts';

/*
 * The Japanese of the retention screens comes with their chunk, not with the first load
 * (docs/performance.md): every component of this feature imports this module before it renders.
 * English ships these messages in en.ts, which is fetched as a whole when English is chosen.
 */
i18n.addResourceBundle('ja', 'translation', { retention: retentionJa }, true, false);
