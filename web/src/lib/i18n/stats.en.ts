import type { statsJa } from './stats.ja.ts';

/** English messages of issue 10 (case filters, role homes, meeting calendar, statistics, audit log). */
export const statsEn: typeof statsJa = {
  caseFilters: {
    legend: 'More filters',
    householdFlag: 'Household pattern',
    issueArea: 'Issue area',
    monitoring: 'Monitoring',
    monitoringOverdue: 'Overdue',
    monitoringDueSoon: 'Due within 7 days',
    assignee: 'Worker in charge',
    assignedToMe: 'Mine',
    unassigned: 'No worker in charge',
    open: 'Open only (not closed or suspended)',
    noContactDays: 'Days without a record',
    noContactOption: 'No record for {{days}} days or more',
    any: 'Any',
    active: 'Filtered: {{conditions}}',
  },
};
