/**
 * Japanese messages of issue 14: the responsive frame (menu button), tables as cards, the one
 * date rule for due dates, and the next-step hints after a state change. Hung under `ui` in ja.ts.
 */
export const uiJa = {
  menu: {
    open: 'メニュー',
    close: 'メニューを閉じる',
  },
  due: {
    nominalBefore: '〔本来は',
    nominalAfter: '・閉庁日のため前倒し〕',
    overdue: '期限超過 {{count}}日',
    today: '本日が期限',
    upcoming: 'あと{{count}}日',
  },
  reveal: {
    meeting: '会議を計画する',
    consent: '同意を追加する',
  },
  next: {
    heading: '次にすること',
    accepted: '引継ぎを受理し、事例 {{caseNumber}} を作成しました。',
    step: {
      assign: '担当職員を設定',
      assess: '課題整理を始める',
      meeting: '会議を計画する',
      plan: '支援プランを作成する',
      monitor: 'モニタリングを実施する',
    },
  },
  catalogue: {
    noProgrammes: '該当する取組はありません',
  },
};
