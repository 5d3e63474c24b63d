#!/usr/bin/env node
// Runs the editor suite (out/test/editor/index.js) inside a real VS Code without downloading one:
// the VS Code server carried by the npm package code-server (installed by
// scripts/setup-editor-tests.sh), opened in Debian's chromium through playwright-core. The suite runs
// in the server's extension host (a Node process with the real `vscode` API and the real language
// client); the workbench page hands its output to codeAutomationLog and its result to
// codeAutomationExit, which this script exposes to the page.
//
// Exit status: 0 when every test passed; 1 when a test failed, the run timed out or something did
// not start. The server's process group, chromium and the temp folder are always cleaned up.
//
// Environment:
//   IMR_EDITOR_CACHE       cache folder of scripts/setup-editor-tests.sh (default ~/.cache/imr-letters-editor)
//   IMR_VSCODE_SERVER_DIR  a VS Code server folder (…/lib/vscode) to use instead of the cache's
//   IMR_CHROMIUM           browser binary (default /usr/bin/chromium)
//   IMR_EDITOR_TIMEOUT_MS  overall time limit (default 300000)
//   IMR_EDITOR_GREP        run only the tests whose title matches (read by the suite's index)
//   IMR_EDITOR_VERBOSE=1   also print the server's output and the page's console
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const CODE_SERVER_VERSION = '4.100.3';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = process.env.IMR_EDITOR_CACHE || path.join(os.homedir(), '.cache', 'imr-letters-editor');
const vscodeDir =
  process.env.IMR_VSCODE_SERVER_DIR ||
  path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'lib', 'vscode');
const chromiumPath = process.env.IMR_CHROMIUM || '/usr/bin/chromium';
const timeoutMs = Number(process.env.IMR_EDITOR_TIMEOUT_MS || 300_000);
const verbose = process.env.IMR_EDITOR_VERBOSE === '1';
// The suite's index prefixes its report lines with this (see test/editor/index.ts), so they can be
// told apart from the workbench's own log, which arrives through the same codeAutomationLog.
const suiteLogPrefix = '@@imr-editor@@ ';

const extensionDir = repoRoot;
const testsIndex = path.join(repoRoot, 'out', 'test', 'editor', 'index.js');
const workspaceDir = path.join(repoRoot, 'test', 'fixtures', 'editor-workspace');

function fail(message) {
  console.error(`run-browser: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(vscodeDir, 'out', 'server-main.js'))) {
  fail(`no VS Code server in ${vscodeDir}; run \`bash scripts/setup-editor-tests.sh\` first`);
}
if (!fs.existsSync(chromiumPath)) fail(`no browser at ${chromiumPath}; run \`bash scripts/setup-editor-tests.sh\` first`);
if (!fs.existsSync(testsIndex)) fail(`no compiled suite at ${testsIndex}; run \`npm run build\` first`);
if (!process.env.IMR_EDITOR_SKIP_DIST_CHECK && !fs.existsSync(path.join(repoRoot, 'dist', 'client.js'))) fail('no dist/client.js; run `npm run build` first');

// Short on purpose: the extension host's IPC socket lives under it and a Unix socket path must stay
// under 107 bytes.
const tempDir = fs.mkdtempSync(path.join('/tmp', 'imr-'));
const dirs = {
  serverData: path.join(tempDir, 'd'),
  userData: path.join(tempDir, 'u'),
  extensions: path.join(tempDir, 'e'),
  home: path.join(tempDir, 'h'),
  tmp: path.join(tempDir, 't'),
  browser: path.join(tempDir, 'b'),
};
for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      // Otherwise a trust dialog blocks the workbench and the suite never starts.
      'security.workspace.trust.enabled': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'files.autoSave': 'off',
    },
    null,
    2,
  ),
);

let server;
let context;
let cleanedUp = false;

function killServer(signal) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    // Negative pid: the whole process group (server, extension host, language server, watchers).
    process.kill(-server.pid, signal);
  } catch {
    // Already gone.
  }
}

async function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (context) {
    await Promise.race([context.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    killServer('SIGTERM');
    const timer = setTimeout(() => killServer('SIGKILL'), 5_000);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    clearTimeout(timer);
    killServer('SIGKILL');
  }
  fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`run-browser: ${signal}, cleaning up`);
    cleanUp().finally(() => process.exit(1));
  });
}

function startServer() {
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_RUNTIME_DIR: dirs.tmp,
    TMPDIR: dirs.tmp,
    // An empty gallery: otherwise the server queries the extension marketplace online.
    EXTENSIONS_GALLERY: '{}',
    // Otherwise the server runs the login shell to read the user's environment.
    VSCODE_CLI: '1',
    // Inherited by the extension host, where the suite runs.
    IMR_EDITOR_LOG_PREFIX: suiteLogPrefix,
  };
  const args = [
    path.join(vscodeDir, 'out', 'server-main.js'),
    '--host', '127.0.0.1',
    '--port', '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--server-data-dir', dirs.serverData,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--telemetry-level', 'off',
    '--force-disable-user-env',
  ];
  server = spawn(process.execPath, args, { env, cwd: dirs.tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      if (verbose) process.stderr.write(`[server] ${text}`);
      if (output !== null) {
        output += text;
        const match = /listening on (?:[\d.]+:)?(\d+)/i.exec(output);
        if (match) {
          output = null;
          resolve(Number(match[1]));
        }
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', (chunk) => {
      if (verbose) process.stderr.write(`[server:err] ${chunk}`);
      else if (output !== null) output += chunk.toString();
    });
    server.once('exit', (code, signal) => {
      if (output !== null) reject(new Error(`VS Code server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

async function main() {
  const started = Date.now();
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const port = await Promise.race([startServer(), timedOut]);
    const serverExited = new Promise((_, reject) =>
      server.once('exit', (code, signal) => reject(new Error(`VS Code server exited (${code ?? signal}) during the run`))),
    );

    context = await chromium.launchPersistentContext(dirs.browser, {
      executablePath: chromiumPath,
      headless: true,
      env: { ...process.env, HOME: dirs.home, TMPDIR: dirs.tmp },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Nothing but the local server resolves: the run must not depend on the network.
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    if (verbose) {
      page.on('console', (message) => process.stderr.write(`[page:${message.type()}] ${message.text()}\n`));
      page.on('pageerror', (error) => process.stderr.write(`[page:error] ${error.message}\n`));
    }

    let resolveExit;
    const suiteExit = new Promise((resolve) => (resolveExit = resolve));
    // The workbench calls codeAutomationLog(level, args) for every line of its log, the extension
    // host's console included; args are console arguments (a format string and its values).
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      for (const line of text.split('\n')) {
        if (line.startsWith(suiteLogPrefix)) console.log(line.slice(suiteLogPrefix.length));
        else if (!verbose && /\[Service Worker\] registration/.test(line)) {
          // code-server's own wrapper serves the service worker; this bare server 404s it, which only
          // matters to webviews, and the suite opens none.
        } else if (verbose || level === 'error') console.error(`[workbench:${level}] ${line}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));

    // The authority is the literal word `remote` in this build of the web workbench.
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://remote${extensionDir}`],
      ['extensionTestsPath', `vscode-remote://remote${testsIndex}`],
    ];
    const url =
      `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspaceDir)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);

    const code = await Promise.race([suiteExit, timedOut, serverExited]);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`run-browser: suite exited with code ${code} after ${seconds} s`);
    return code === 0 ? 0 : 1;
  } catch (error) {
    console.error(`run-browser: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    clearTimeout(timer);
  }
}

const exitCode = await main();
await cleanUp();
process.exit(exitCode);
