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
};
