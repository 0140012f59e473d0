/**
 * Read a password for a command-line tool without putting it on the command line (where `ps` and
 * the shell history would keep it): from the terminal with echo off, or, when there is no terminal
 * (a provisioning script, systemd), from the environment variable named by the caller.
 */
export async function readNewPassword(options: {
  envVariable: string;
  prompt: string;
  confirmPrompt: string;
}): Promise<string> {
  if (!process.stdin.isTTY) {
    const value = process.env[options.envVariable];
    if (!value)
      throw new Error(
        `端末がないため、パスワードを環境変数 ${options.envVariable} から読みますが、設定されていません。`,
      );
    return value;
  }
  const first = await readHidden(options.prompt);
  const second = await readHidden(options.confirmPrompt);
  if (first !== second) throw new Error('確認のため入力したパスワードが一致しません。');
  return first;
}

/** One line from the terminal with echo off (raw mode); Ctrl-C aborts. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let value = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new Error('中断しました。'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    input.on('data', onData);
  });
}
