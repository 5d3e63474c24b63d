// Latency of the two language servers over stdio: ours (imr-letter documents) and VS Code's
// Markdown language server (the same letters written as Markdown).

import { createRequire } from 'node:module';
import { BenchClient, residentMB } from './lsp.mjs';
import { sleep, summarize } from './stats.mjs';

const require = createRequire(import.meta.url);

/**
 * Our server runs with the environment the extension starts it with (SERVER_ENVIRONMENT in
 * server/src/protocol/requests.ts): the figures are the ones VS Code users get.
 */
export const OUR_ENVIRONMENT = require('../../out/server/src/protocol/requests.js').SERVER_ENVIRONMENT;

let uriCounter = 0;
/** A fresh URI per open, so that no cache of an earlier open can answer. */
function freshUri(stem, ext) {
  return `file:///bench/${stem}-${++uriCounter}.${ext}`;
}

async function repeat(times, fn) {
  const samples = [];
  for (let i = 0; i < times; i++) samples.push(await fn(i));
  return summarize(samples);
}

// ---------------------------------------------------------------------------------------------
// Our server

export function ourAnswers(method, params) {
  if (method === 'workspace/configuration')
    return params.items.map((item) => (item.section === 'imrLetters' ? { diagnostics: { severity: {} } } : {}));
  return undefined;
}

/** Where to ask for a hover: a guideline citation of the document's middle letter (the richest hover). */
function hoverPosition(doc, lines) {
  const letter = doc.letters[Math.floor(doc.letters.length / 2)];
  for (const item of letter.items)
    if (item.citations.length > 0) return lines.positionAt(item.citations[0].range.start + 1);
  return lines.positionAt(letter.items[0].outcome.range.start + 1);
}

/** Where to type: inside the case summary of the document's middle letter (not near any finding). */
export function editPosition(doc, lines) {
  const letter = doc.letters[Math.floor(doc.letters.length / 2)];
  const summary = letter.sections.find((s) => s.kind === 'summary') ?? letter.sections[0];
  return lines.positionAt(summary.body.start + Math.min(40, Math.floor((summary.body.end - summary.body.start) / 2)));
}

/**
 * @param engine { parseLetter, LineIndex }
 * @param target { name, text } with at least one finding, so that diagnostics are published
 */
export async function measureOurServer(serverArgs, engine, target, reps) {
  const client = new BenchClient(serverArgs, ourAnswers, OUR_ENVIRONMENT);
  await client.start({ pushDiagnostics: true });
  const out = { name: target.name, bytes: target.bytes };
  try {
    const model = engine.parseLetter(target.text);
    const lines = new engine.LineIndex(target.text);
    const hasDiagnostics = (p) => p.diagnostics.length > 0;

    // open -> first diagnostics, each on a fresh document
    const openDiag = async () => {
      const uri = freshUri('letter', 'txt');
      const t0 = performance.now();
      const wait = client.waitForDiagnostics(uri, hasDiagnostics);
      client.open(uri, 'imr-letter', target.text);
      const { at } = await wait;
      const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      client.close(uri);
      await cleared;
      await sleep(reps.pauseMs); // a user does not reopen the file the moment it closed
      return at - t0;
    };
    for (let i = 0; i < reps.warmup; i++) await openDiag();
    out.openToDiagnostics = await repeat(reps.open, openDiag);

    // open -> outline: the first documentSymbol right after open pays for the parse
    const openSymbols = async () => {
      const uri = freshUri('letter', 'txt');
      const t0 = performance.now();
      const wait = client.waitForDiagnostics(uri, hasDiagnostics);
      client.open(uri, 'imr-letter', target.text);
      await client.timed('textDocument/documentSymbol', { textDocument: { uri } });
      const elapsed = performance.now() - t0;
      await wait;
      const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      client.close(uri);
      await cleared;
      await sleep(reps.pauseMs);
      return elapsed;
    };
    for (let i = 0; i < reps.warmup; i++) await openSymbols();
    out.openToDocumentSymbol = await repeat(reps.open, openSymbols);

    // Requests on an open document (the model of its version is parsed once, then reused)
    const uri = freshUri('letter', 'txt');
    const first = client.waitForDiagnostics(uri, hasDiagnostics);
    client.open(uri, 'imr-letter', target.text);
    let diagnostics = (await first).params.diagnostics;
    const textDocument = { uri };
    const requests = {
      documentSymbol: ['textDocument/documentSymbol', { textDocument }],
      hover: ['textDocument/hover', { textDocument, position: hoverPosition(model, lines) }],
      foldingRange: ['textDocument/foldingRange', { textDocument }],
    };
    if (client.capabilities.codeActionProvider) {
      const d = diagnostics[0];
      requests.codeAction = [
        'textDocument/codeAction',
        { textDocument, range: d.range, context: { diagnostics: [d], triggerKind: 1 } },
      ];
    }
    out.requests = {};
    for (const [name, [method, params]] of Object.entries(requests)) {
      let answer;
      for (let i = 0; i < reps.requestWarmup; i++) [, answer] = await client.timed(method, params);
      out.requests[name] = await repeat(reps.requests, async () => (await client.timed(method, params))[0]);
      out.requests[name].answered = answer !== null && !(Array.isArray(answer) && answer.length === 0);
    }
    if (!requests.codeAction) out.requests.codeAction = null;

    // One character typed -> fresh diagnostics, as a user sees it. Edits come `typingPauseMs`
    // apart (a typing pace): each one is a single edit, not part of a burst the server debounces.
    const at = editPosition(model, lines);
    let version = 1;
    const edit = async (i) => {
      await sleep(reps.typingPauseMs);
      version++;
      const change =
        i % 2 === 0
          ? { range: { start: at, end: at }, text: 'x' }
          : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
      const v = version;
      const t0 = performance.now();
      const wait = client.waitForDiagnostics(uri, (p) => p.version === v && p.diagnostics.length > 0);
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      const { at: arrived, params } = await wait;
      diagnostics = params.diagnostics;
      return arrived - t0;
    };
    for (let i = 0; i < reps.warmup * 2; i++) await edit(i);
    out.editToDiagnostics = await repeat(reps.edits, (i) => edit(i + reps.warmup * 2));
    out.findings = diagnostics.length;
    client.close(uri);
  } finally {
    out.stderr = client.stderr.trim() || undefined;
    await client.stop();
  }
  return out;
}

/** Resident memory: at rest, with the big file open (parsed, outline and folding asked for) once the server has been idle for `settleMs`, and after closing it. */
export async function measureOurMemory(serverArgs, big, { settleMs = 3000, releaseMs = 10_000 } = {}) {
  const client = new BenchClient(serverArgs, ourAnswers, OUR_ENVIRONMENT);
  await client.start({ pushDiagnostics: true });
  try {
    await sleep(settleMs);
    const baseline = residentMB(client.pid);
    const uri = freshUri('big', 'txt');
    const wait = client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    client.open(uri, 'imr-letter', big.text);
    await wait;
    await client.timed('textDocument/documentSymbol', { textDocument: { uri } });
    await client.timed('textDocument/foldingRange', { textDocument: { uri } });
    await sleep(settleMs);
    const open = residentMB(client.pid);
    const openPeak = peakMB(client.pid);
    // Twenty one-character edits, each in another letter, 200 ms apart; then a pause.
    const model = big.model;
    const lines = big.lines;
    for (let v = 2; v <= 21; v++) {
      const letter = model.letters[Math.floor((((v * 37) % 100) / 100) * model.letters.length)];
      const at = lines.positionAt(letter.range.start);
      const wait = client.waitForDiagnostics(uri, (p) => p.version === v);
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
      });
      await wait;
      await sleep(200);
    }
    await sleep(settleMs);
    const edited = residentMB(client.pid);
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    client.close(uri);
    await cleared;
    // V8 gives memory back when it next collects; poll, and keep the lowest figure seen.
    let closed = residentMB(client.pid);
    const until = performance.now() + releaseMs;
    while (performance.now() < until) {
      await sleep(250);
      closed = Math.min(closed, residentMB(client.pid) ?? Infinity);
    }
    const peak = peakMB(client.pid);
    return {
      baselineMB: baseline,
      openMB: open,
      openPeakMB: openPeak,
      afterEditsMB: edited,
      closedMB: closed,
      peakMB: peak,
      settleMs,
      releaseWaitMs: releaseMs,
    };
  } finally {
    await client.stop();
  }
}

function peakMB(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Spawn -> initialize answer, each on a fresh process. */
export async function measureStartup(serverArgs, { warmup = 1, runs = 7 } = {}) {
  const once = async () => {
    const client = new BenchClient(serverArgs, ourAnswers, OUR_ENVIRONMENT);
    try {
      return await client.start();
    } finally {
      await client.stop();
    }
  };
  for (let i = 0; i < warmup; i++) await once();
  return repeat(runs, once);
}

// ---------------------------------------------------------------------------------------------
// VS Code's Markdown language server

// What VS Code sends in `workspace/didChangeConfiguration` for the `markdown` section by default.
const MARKDOWN_SETTINGS = {
  markdown: {
    preferredMdPathExtensionStyle: 'auto',
    suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'never' } },
    occurrencesHighlight: { enabled: false },
    validate: {
      enabled: false,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

/**
 * The client side of `markdown/parse`, as VS Code's Markdown extension does it: markdown-it
 * (html and linkify on, as in VS Code) tokenizes the document's text and the tokens go back as JSON.
 */
function markdownAnswers(openTexts) {
  const MarkdownIt = require('markdown-it');
  const md = new MarkdownIt({ html: true, linkify: true });
  return (method, params) => {
    switch (method) {
      case 'markdown/parse': {
        const text = typeof params.text === 'string' ? params.text : openTexts.get(params.uri);
        return text === undefined ? [] : md.parse(text, {});
      }
      case 'markdown/fs/stat':
      case 'markdown/fs/readFile':
        return undefined; // nothing on disk: the documents exist only in the editor
      case 'markdown/fs/readDirectory':
      case 'markdown/findMarkdownFilesInWorkspace':
        return [];
      case 'workspace/configuration':
        return params.items.map((item) => (item.section === 'markdown' ? MARKDOWN_SETTINGS.markdown : {}));
      default:
        return undefined;
    }
  };
}

export function markdownServerPath() {
  // The package's "main" names dist/node/main, which it does not ship; its node entry point is workerMain.js.
  return require.resolve('vscode-markdown-languageserver/dist/node/workerMain.js');
}

/**
 * One server process, ours or the Markdown server, ready to open documents (letters as
 * `imr-letter`, or the same letters written as Markdown) and ask for their outline.
 */
export async function startOutlineSession(kind, serverArgs) {
  const openTexts = new Map();
  const markdown = kind === 'markdown';
  const client = new BenchClient(
    serverArgs,
    markdown ? markdownAnswers(openTexts) : ourAnswers,
    markdown ? undefined : OUR_ENVIRONMENT,
  );
  await client.start({ initializationOptions: markdown ? { markdownFileExtensions: ['md'] } : undefined });
  if (markdown) client.notify('workspace/didChangeConfiguration', { settings: MARKDOWN_SETTINGS });
  const languageId = markdown ? 'markdown' : 'imr-letter';
  return {
    client,
    /**
     * Opens a fresh document, asks for its outline and closes it (as VS Code's preview editor
     * closes a file when the next one is opened). Returns the ms from the open to the answer.
     */
    async openToOutline(stem, text) {
      const t0 = performance.now();
      const uri = this.openKept(stem, text);
      const [, result] = await client.timed('textDocument/documentSymbol', { textDocument: { uri } });
      const elapsed = performance.now() - t0;
      client.close(uri);
      openTexts.delete(uri);
      return { elapsed, symbols: countSymbols(result) };
    },
    /** Opens a fresh document and leaves it open; returns its URI. */
    openKept(stem, text) {
      const uri = freshUri(stem, markdown ? 'md' : 'txt');
      openTexts.set(uri, text);
      client.open(uri, languageId, text);
      return uri;
    },
    stop: () => client.stop(),
  };
}

/**
 * documentSymbol on a fresh document right after open (what a user waits for to see the outline),
 * then repeated on the same version (what each later outline refresh costs).
 */
export async function measureSymbols(kind, serverArgs, target, reps) {
  const session = await startOutlineSession(kind, serverArgs);
  const { client } = session;
  try {
    let symbols = 0;
    const cold = async () => {
      const once = await session.openToOutline(target.stem, target.text);
      symbols = once.symbols;
      await sleep(reps.pauseMs); // let the server drop the document before the next open
      return once.elapsed;
    };
    for (let i = 0; i < reps.coldWarmup; i++) await cold();
    const coldStats = await repeat(reps.cold, cold);

    const uri = session.openKept(target.stem, target.text);
    const outline = async () => (await client.timed('textDocument/documentSymbol', { textDocument: { uri } }))[0];
    for (let i = 0; i < reps.warmWarmup; i++) await outline();
    const warmStats = await repeat(reps.warm, outline);
    // The same repeated request after the pause the cold runs leave between documents: what any
    // answer costs once both processes have gone idle, the least an open -> outline can take.
    const afterPauseStats = await repeat(reps.cold, async () => {
      await sleep(reps.pauseMs);
      return outline();
    });
    client.close(uri);
    return {
      cold: coldStats,
      warm: warmStats,
      afterPause: afterPauseStats,
      symbols,
      stderr: client.stderr.trim() || undefined,
    };
  } finally {
    await session.stop();
  }
}

function countSymbols(list) {
  let n = 0;
  const walk = (xs) => {
    for (const s of xs ?? []) {
      n++;
      walk(s.children);
    }
  };
  walk(list);
  return n;
}
