/**
 * What a dialog that carries out one action is told to do when it ends: `onCancel` when it is
 * closed without acting, `onDone` with the sentence that reports the action once it succeeded.
 */
export type ActionDialogProps = {
  onCancel: () => void;
  onDone: (message: string) => void;
};
