// VS Code for the Web (issue 20): the browser build's language server (dist/browser/server.js) in a
// Worker of headless chromium, next to the Node build (dist/server.js over stdio), in one run: the
// outline right after open ("cold": a fresh document each time, as bench/lib/servers.mjs
// measureSymbols times the Node server) and repeated on one version ("warm"), on a letter and on the
// 10 MB file. The page speaks LSP to the Worker over postMessage, as vscode-languageclient/browser
// does, and times with performance.now() in the page; the ratios (browser / Node) are the figures
// to read, the machine being shared.
//
// bench/run.mjs calls benchWeb() for --only=web (and in a full run) and keeps the figures under `web`.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/editor/vscode-web.mjs';
import { CLIENT_CAPABILITIES } from './lib/lsp.mjs';
import { measureSymbols } from './lib/servers.mjs';
import { round, roundStats, summarize } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (...a) => console.error('bench web:', ...a);

/**
 * Runs in the page: starts the server's bundle in a Worker, initializes it and times documentSymbol
 * as measureSymbols does. Returns the samples in milliseconds.
 */
async function timeOutlineInWorker({ bundle, capabilities, targets }) {
  const worker = new Worker(URL.createObjectURL(new Blob([bundle], { type: 'text/javascript' })));
  const pending = new Map();
  let nextId = 1;
  worker.onmessage = ({ data: message }) => {
    if (message.method && message.id !== undefined) {
      // The server's own requests: settings (the extension's defaults), registrations, progress.
      const result =
        message.method === 'workspace/configuration'
          ? message.params.items.map((item) => (item.section === 'imrLetters' ? { diagnostics: { severity: {} } } : {}))
          : null;
      worker.postMessage({ jsonrpc: '2.0', id: message.id, result });
    } else if (message.id !== undefined && pending.has(message.id)) {
      pending.get(message.id)(message);
      pending.delete(message.id);
    }
  };
  const request = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const open = (uri, text) =>
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'imr-letter', version: 1, text } });
  const outline = (uri) => request('textDocument/documentSymbol', { textDocument: { uri } });

  await request('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities });
  notify('initialized', {});
  let counter = 0;
  const out = {};
  for (const { key, text, reps } of targets) {
    const cold = [];
    for (let i = 0; i < reps.coldWarmup + reps.cold; i++) {
      const uri = `file:///bench/web-${key}-${++counter}.txt`;
      const t0 = performance.now();
      open(uri, text);
      await outline(uri);
      if (i >= reps.coldWarmup) cold.push(performance.now() - t0);
      notify('textDocument/didClose', { textDocument: { uri } });
      await sleep(reps.pauseMs);
    }
    const uri = `file:///bench/web-${key}-${++counter}.txt`;
    open(uri, text);
    const warm = [];
    let symbols = 0;
    for (let i = 0; i < reps.warmWarmup + reps.warm; i++) {
      const t0 = performance.now();
      const result = await outline(uri);
      if (i >= reps.warmWarmup) warm.push(performance.now() - t0);
      symbols = JSON.stringify(result).split('"selectionRange"').length - 1;
    }
    notify('textDocument/didClose', { textDocument: { uri } });
    out[key] = { cold, warm, symbols };
  }
  worker.terminate();
  return out;
}

/**
 * @param letter, big  { text } the letter and the 10 MB file the other server figures use
 * @param reps { letter, big } each { coldWarmup, cold, warmWarmup, warm, pauseMs }
 */
export async function benchWeb({ letter, big, reps }) {
  const bundleFile = path.join(root, 'dist', 'browser', 'server.js');
  const nodeServer = path.join(root, 'dist', 'server.js');
  if (!fs.existsSync(bundleFile) || !fs.existsSync(nodeServer)) {
    log('no dist/browser/server.js or dist/server.js: run `npm run build` first; skipped');
    return null;
  }
  if (!fs.existsSync(chromiumPath())) {
    log(`no browser at ${chromiumPath()}: run \`bash scripts/setup-editor-tests.sh\` (or set IMR_CHROMIUM); skipped`);
    return null;
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let inBrowser;
  let version;
  try {
    version = browser.version();
    const page = await browser.newPage();
    log(`browser server in a Worker of chromium ${version}: letter and 10 MB`);
    inBrowser = await page.evaluate(timeOutlineInWorker, {
      bundle: fs.readFileSync(bundleFile, 'utf8'),
      capabilities: CLIENT_CAPABILITIES,
      targets: [
        { key: 'letter', text: letter.text, reps: reps.letter },
        { key: 'big', text: big.text, reps: reps.big },
      ],
    });
  } finally {
    await browser.close();
  }
  const results = { chromium: version, note: 'browser / Node ratios of medians; ms in the browser timed in the page' };
  for (const key of ['letter', 'big']) {
    log(`Node server over stdio: ${key}`);
    const node = await measureSymbols(
      'ours',
      [nodeServer, '--stdio'],
      { stem: `web-${key}`, text: (key === 'letter' ? letter : big).text },
      reps[key],
    );
    const browserCold = roundStats(summarize(inBrowser[key].cold));
    const browserWarm = roundStats(summarize(inBrowser[key].warm));
    results[key] = {
      browser: { cold: browserCold, warm: browserWarm, symbols: inBrowser[key].symbols },
      node: { cold: roundStats(node.cold), warm: roundStats(node.warm), symbols: node.symbols },
      coldRatio: round(browserCold.median / node.cold.median, 2),
      warmRatio: round(browserWarm.median / node.warm.median, 2),
    };
    log(
      `${key}: open -> outline ${browserCold.median} ms in the browser, ${round(node.cold.median)} ms in Node (x${results[key].coldRatio}); ` +
        `repeated outline ${browserWarm.median} ms vs ${round(node.warm.median)} ms (x${results[key].warmRatio})`,
    );
  }
  return results;
}
