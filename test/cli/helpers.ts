// Running the built command-line tool as a user would: a subprocess of `node`, from the repository
// root, with its stdout, stderr and exit code. The bundle (bin/imr-letters.js -> dist/cli.js) is
// preferred; tsc's output (out/server/src/cli.js) is used when there is no bundle yet or when the
// bundle is older than it, so a `tsc` without `npm run build` does not test stale code.

import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = 'test/fixtures/cli';

function mtime(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The script to run with node, and why it was chosen. */
export function cliEntry(): { script: string; kind: string } {
  const forced = process.env.IMR_LETTERS_CLI;
  if (forced) return { script: path.resolve(forced), kind: `IMR_LETTERS_CLI=${forced}` };
  const bin = path.join(ROOT, 'bin/imr-letters.js');
  const bundle = path.join(ROOT, 'dist/cli.js');
  const compiled = path.join(ROOT, 'out/server/src/cli.js');
  const b = mtime(bundle);
  const c = mtime(compiled);
  if (b !== undefined && mtime(bin) !== undefined && (c === undefined || b >= c))
    return { script: bin, kind: 'bin/imr-letters.js (bundle)' };
  return { script: compiled, kind: 'out/server/src/cli.js (tsc output)' };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** runCliAsync: kill a run that hangs after this long, so that the test fails instead of the whole run hanging. */
  killAfterMs?: number;
}

function childEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // A developer's own settings must not change what the tests see.
  const env = { ...process.env, ...extra };
  delete env.IMR_LETTERS_DEBUG;
  return env;
}

export function runCli(args: readonly string[], opts: RunOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [cliEntry().script, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: childEnv(opts.env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking mocha: for runs that take a while. */
export function runCliAsync(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry().script, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: childEnv(opts.env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const guard =
      opts.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system's temporary folder, removed when the test run ends. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `imr-letters-cli-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Stack trace lines as Node prints them: a user must never see one. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /^\s+at .+:\d+:\d+$/m.test(text);
}
