#!/usr/bin/env node
// Runs the editor suite (out/test/editor/index.js) inside a real VS Code without downloading one:
// the VS Code server carried by the npm package code-server (installed by
// scripts/setup-editor-tests.sh), opened in Debian's chromium through playwright-core. The suite runs
// in the server's extension host (a Node process with the real `vscode` API and the real language
// client); the workbench page hands its output to codeAutomationLog and its result to
// codeAutomationExit, which this script exposes to the page. The server and browser machinery is
// test/editor/vscode-web.mjs, shared with scripts/screenshot.mjs.
//
// A window reload is part of the run: the main suite ends with the first half of it
// (test/editor/reload/beforeReload.test.ts, notes left in the fixture folder's notes file); once it
// has passed, this script loads the workbench again in the same page with the second half as the
// tests (reload/index.ts: the notes come back in the hover, CodeLens and comment thread, then go).
// That is what Reload Window does in the browser (location.reload()): a new workbench, extension host
// and language server, with the same server, user data and folder; only the payload's
// extensionTestsPath differs, since the reloaded window must run other tests than the first. The two
// halves report their extension host's pid, and the run fails unless they differ. The notes folder of
// the fixture folder is put back as it was before the run in the clean-up, whatever happened.
//
// With --web, the web suite (test/web) instead: the browser build of the extension, moved to the
// browser's web worker extension host by the user setting remote.extensionKind (VS Code for the Web;
// see test/web/index.ts), in one window: no reload.
//
// Exit status: 0 when every test passed; 1 when a test failed, the run timed out, something did
// not start or the window reload did not happen (IMR_EDITOR_GREP may leave the reload out). The
// server's process group, chromium and the temp folder are always cleaned up.
//
// Environment:
//   IMR_EDITOR_CACHE, IMR_VSCODE_SERVER_DIR, IMR_CHROMIUM  where the server and the browser are
//                          (see test/editor/vscode-web.mjs)
//   IMR_EDITOR_TIMEOUT_MS  overall time limit (default 300000)
//   IMR_EDITOR_GREP        run only the tests whose title matches (read by the suite's index)
//   IMR_EDITOR_VERBOSE=1   also print the server's output and the page's console
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import * as vscodeWeb from './vscode-web.mjs';
import { bundleWebSuite } from '../web/bundle.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const timeoutMs = Number(process.env.IMR_EDITOR_TIMEOUT_MS || 300_000);
const verbose = process.env.IMR_EDITOR_VERBOSE === '1';
// The suite's index prefixes its report lines with this (see test/editor/index.ts), so they can be
// told apart from the workbench's own log, which arrives through the same codeAutomationLog.
const suiteLogPrefix = '@@imr-editor@@ ';
// Both halves of the window reload print it with their extension host's pid (reload/reloadNotes.ts).
const reloadMark = '@@imr-reload@@ ';

const web = process.argv.includes('--web');
const extensionDir = repoRoot;
const testsIndex = web ? await bundleWebSuite() : path.join(repoRoot, 'out', 'test', 'editor', 'index.js');
const reloadIndex = path.join(repoRoot, 'out', 'test', 'editor', 'reload', 'index.js');
const workspaceDir = path.join(repoRoot, 'test', 'fixtures', 'editor-workspace');
// The suites write notes into the fixture folder; the clean-up puts it back as it is now.
const restoreNotes = snapshotFolder(path.join(workspaceDir, '.imr-letters'));

function fail(message) {
  console.error(`run-browser: ${message}`);
  process.exit(1);
}

const missing = vscodeWeb.missingServerOrBrowser();
if (missing) fail(missing);
for (const index of web ? [testsIndex] : [testsIndex, reloadIndex]) {
  if (!fs.existsSync(index)) fail(`no compiled suite at ${index}; run \`npm run build\` first`);
}
const client = web ? 'dist/browser/client.js' : 'dist/client.js';
if (!process.env.IMR_EDITOR_SKIP_DIST_CHECK && !fs.existsSync(path.join(repoRoot, client)))
  fail(`no ${client}; run \`npm run build\` first`);

const { tempDir, dirs } = vscodeWeb.createTempDirs({
  prefix: 'imr-',
  // The extension has a Node and a browser entry: this moves it to the web worker extension host.
  userSettings: web ? { 'remote.extensionKind': { 'imr-letters.imr-letters': ['web'] } } : {},
});

let server;
let context;
const cleanUp = vscodeWeb.cleanUpOnExit('run-browser', () => ({ context, server, tempDir, restore: restoreNotes }));

async function main() {
  const started = Date.now();
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const start = vscodeWeb.startVsCodeServer({
      dirs,
      verbose,
      // Inherited by the extension host, where the suite runs.
      env: { IMR_EDITOR_LOG_PREFIX: suiteLogPrefix, ...(web ? {} : { IMR_EDITOR_RELOAD_MARK: reloadMark }) },
    });
    server = start.process;
    const port = await Promise.race([start.port, timedOut]);
    const serverExited = new Promise((_, reject) =>
      server.once('exit', (code, signal) =>
        reject(new Error(`VS Code server exited (${code ?? signal}) during the run`)),
      ),
    );

    context = await vscodeWeb.launchChromium({ dirs });
    const page = await vscodeWeb.firstPage(context, { verbose });

    let resolveExit;
    const nextExit = () => new Promise((resolve) => (resolveExit = resolve));
    let suiteExit = nextExit();
    // The extension host's pid of each half of the window reload, as they report it.
    const halves = {};
    // The workbench calls codeAutomationLog(level, args) for every line of its log, the extension
    // host's console included; args are console arguments (a format string and its values).
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      for (const line of text.split('\n')) {
        if (line.startsWith(suiteLogPrefix)) console.log(line.slice(suiteLogPrefix.length));
        else if (line.startsWith(reloadMark)) {
          const [half, pid] = line.slice(reloadMark.length).split(' ');
          halves[half] = Number(pid);
        } else if (!verbose && /\[Service Worker\] registration/.test(line)) {
          // code-server's own wrapper serves the service worker; this bare server 404s it, which only
          // matters to webviews, and the suite opens none.
        } else if (!verbose && /Long running operations during shutdown are unsupported/.test(line)) {
          // Said by every web workbench that unloads, as the window reload's does.
        } else if (verbose || level === 'error') console.error(`[workbench:${level}] ${line}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));

    const authority = web ? `127.0.0.1:${port}` : undefined;
    const openWorkbench = (tests) =>
      page.goto(
        vscodeWeb.workbenchUrl({
          port,
          folder: workspaceDir,
          payload: [
            ['extensionDevelopmentPath', vscodeWeb.remoteUri(extensionDir, authority)],
            ['extensionTestsPath', vscodeWeb.remoteUri(tests, authority)],
          ],
        }),
      );
    await openWorkbench(testsIndex);

    const code = await Promise.race([suiteExit, timedOut, serverExited]);
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    console.log(`run-browser: suite exited with code ${code} after ${seconds()} s`);
    if (web && nodeServersOf(server.pid).length > 0) {
      // Then the extension ran in the Node extension host too, and its answers may have come from there.
      console.error('run-browser: a Node language server (dist/server.js) ran beside the web one');
      return 1;
    }
    if (code !== 0 || web) return code === 0 ? 0 : 1;

    if (halves.before === undefined) {
      if (process.env.IMR_EDITOR_GREP) {
        console.log('run-browser: no window reload: IMR_EDITOR_GREP left out its first half');
        return 0;
      }
      console.error('run-browser: the first half of the window reload never reported');
      return 1;
    }
    suiteExit = nextExit();
    await openWorkbench(reloadIndex);
    const afterReload = await Promise.race([suiteExit, timedOut, serverExited]);
    console.log(
      `run-browser: after the window reload (extension host ${halves.before}, then ${halves.after}), ` +
        `exited with code ${afterReload} after ${seconds()} s`,
    );
    if (halves.after === undefined) {
      console.error('run-browser: the second half of the window reload never reported');
      return 1;
    }
    if (halves.after === halves.before) {
      console.error(`run-browser: the window reload kept the extension host (${halves.before})`);
      return 1;
    }
    return afterReload === 0 ? 0 : 1;
  } catch (error) {
    console.error(`run-browser: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    clearTimeout(timer);
  }
}

/** The Node build's language servers started under the VS Code server (its process group). */
function nodeServersOf(serverPid) {
  const ps = spawnSync('ps', ['-eo', 'pgid=,args='], { encoding: 'utf8' });
  const serverScript = path.join(repoRoot, 'dist', 'server.js');
  return (ps.stdout ?? '')
    .split('\n')
    .filter((line) => Number(line.trim().split(/\s+/)[0]) === serverPid && line.includes(serverScript));
}

/**
 * A function that puts the folder `dir` back as it is now: its files as they are, or no folder if
 * there is none (the notes folder: a few small files).
 */
function snapshotFolder(dir) {
  const files = new Map();
  const read = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) read(file);
      else if (entry.isFile()) files.set(file, fs.readFileSync(file));
    }
  };
  const existed = fs.existsSync(dir);
  if (existed) read(dir);
  return () => {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    if (existed) fs.mkdirSync(dir, { recursive: true });
    for (const [file, bytes] of files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
    }
  };
}

const exitCode = await main();
await cleanUp();
process.exit(exitCode);
