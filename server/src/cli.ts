// imr-letters: the command-line tool (bin/imr-letters.js -> dist/cli.js, or out/server/src/cli.js
// from tsc). The same file is the worker script of the thread pool: started as a pool worker it
// analyses files for the main thread instead of reading the command line.

import { isPoolWorker, runPoolWorker } from './cli/pool';

function debugging(): boolean {
  const v = process.env.IMR_LETTERS_DEBUG;
  return v !== undefined && v !== '' && v !== '0';
}

if (isPoolWorker()) {
  runPoolWorker();
} else {
  // A reader that stops early (`imr-letters check . | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  // Loaded only here: a worker needs the engine alone, not the editor features the commands use
  // (and the language server library they import), so each worker starts faster.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose (see above)
  const { main } = require('./cli/main') as typeof import('./cli/main');
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    script: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const err = e as Error;
      process.stderr.write(
        `imr-letters: internal error: ${err?.message ?? String(e)}${debugging() ? '\n' + err?.stack : ' (set IMR_LETTERS_DEBUG=1 for details)'}\n`,
      );
      process.exitCode = 2;
    },
  );
}
