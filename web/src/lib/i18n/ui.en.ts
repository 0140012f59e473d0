import type { uiJa } from './ui.ja.ts';

/** English messages of issue 14 (see ui.ja.ts). */
export const uiEn: typeof uiJa = {
  menu: {
    open: 'Menu',
    close: 'Close menu',
  },
  due: {
    nominalBefore: '(nominally ',
    nominalAfter: '; brought forward: office closed)',
    overdue: 'Overdue: {{count}} d',
    today: 'Due today',
    upcoming: 'Due in {{count}} d',
  },
};
