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
  reveal: {
    meeting: 'Plan a meeting',
    consent: 'Add a consent',
  },
  next: {
    heading: 'Next steps',
    accepted: 'Handover accepted: case {{caseNumber}} created.',
    step: {
      assign: 'Set the caseworker',
      assess: 'Start the assessment',
      meeting: 'Plan a meeting',
      plan: 'Draft the support plan',
      monitor: 'Monitor the case',
    },
  },
  catalogue: {
    noProgrammes: 'No programmes under this challenge',
  },
};
