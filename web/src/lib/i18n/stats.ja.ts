/**
 * Japanese messages of issue 10: 事例一覧の絞り込み, role homes (dashboards), 会議カレンダー,
 * 統計・実績 and the readable 監査ログ. Hung under `stats` in ja.ts.
 */
export const statsJa = {
  caseFilters: {
    legend: 'さらに絞り込む',
    householdFlag: '世帯類型',
    issueArea: '課題の分野',
    monitoring: 'モニタリング',
    monitoringOverdue: '期限超過',
    monitoringDueSoon: '7日以内に期限',
    assignee: '担当職員',
    assignedToMe: '自分が担当',
    unassigned: '担当職員なし',
    open: '対応中のみ（終結・中断を除く）',
    noContactDays: '記録のない日数',
    noContactOption: '{{days}}日以上記録なし',
    any: '指定しない',
    active: '絞り込み中：{{conditions}}',
  },
};
