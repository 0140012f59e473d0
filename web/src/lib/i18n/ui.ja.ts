/**
 * Japanese messages of issue 14: the responsive frame (menu button), tables as cards, the one
 * date rule for due dates, and the next-step hints after a state change. Hung under `ui` in ja.ts.
 */
export const uiJa = {
  menu: {
    open: 'メニュー',
    close: 'メニューを閉じる',
  },
};
