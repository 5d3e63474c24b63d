// `npm run bench`: how fast the engine, the language server and the command-line tool are, on a
// letter and on a 10 MB file, next to the floor of a bare line scan and next to VS Code's own
// Markdown language server. Prints a table and writes bench/results.json.
//
// No test asserts on these figures (machines are shared and noisy); the targets are printed next
// to them. Every figure is a median of repeated runs after warm-up, with min, max and p95.
//
//   node bench/run.mjs [--quick] [--only=throughput,server,keystrokes,peer,memory,startup,sizes,cli,pdf,folders,fields,firstlook,report,web,notes] [--merge] [--against=DIR]
//
// --against=DIR: a checkout of an earlier commit, built; the `notes` part also times its server's
// 10 MB open -> diagnostics, in the same run.
//
// Only a full run writes bench/results.json (then `node bench/readme.mjs --write` puts its figures
// in docs/performance.md's tables); --quick and --only runs write bench/.data/results-partial.json, unless --merge
// puts the parts of an --only run into bench/results.json (bench/lib/merge.mjs).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadLetters, repeatLetters, richestLetter, TEN_MB, toMarkdown, withTypo, writeData } from './lib/corpus.mjs';
import { markdownServerPath, measureOurMemory, measureOurServer, measureStartup } from './lib/servers.mjs';
import { measureBigPeer, measureManyLetters, variedLetters } from './lib/peer.mjs';
import { round } from './lib/stats.mjs';
import { measureKeystrokes } from './lib/keystrokes.mjs';
import { mergeEarlier } from './lib/merge.mjs';
import { bigThroughput, letterThroughput } from './lib/throughput.mjs';
import { notesReport } from './notes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (part) => !only || only.includes(part);

function firstExisting(...candidates) {
  return candidates.map((c) => path.join(root, c)).find((p) => fs.existsSync(p));
}

const engineDir = path.join(root, 'out', 'server', 'src', 'engine');
if (!fs.existsSync(path.join(engineDir, 'parse.js'))) {
  console.error('bench: out/server/src/engine/parse.js is missing; run `npx tsc -p .` (or `npm run build`) first.');
  process.exit(1);
}
const engine = {
  parseLetter: require(path.join(engineDir, 'parse.js')).parseLetter,
  LineIndex: require(path.join(engineDir, 'lines.js')).LineIndex,
};
const serverScript = firstExisting('dist/server.js', 'out/server/src/server.js');

const log = (...a) => console.error('bench:', ...a);

// ---------------------------------------------------------------------------------------------
// Texts

const letters = loadLetters(root);
const bigRepeat = repeatLetters(
  letters.map((l) => l.text),
  TEN_MB,
);
const big = {
  name: `10 MB: ${letters.length} fixtures repeated, ${bigRepeat.copies} letters`,
  text: bigRepeat.text,
  bytes: bigRepeat.bytes,
};
writeData(root, 'letters-10mb.txt', big.text);

// The letter the servers are measured on: the fixture with the most disputed items, with one typo.
const richest = richestLetter(letters, engine.parseLetter);
const serverLetter = { name: richest.name + ' (one outcome misspelled)', text: withTypo(richest.text) };
serverLetter.bytes = Buffer.byteLength(serverLetter.text);
// The 10 MB file for the servers: the same, with the typo in its last letter.
const bigServer = { name: big.name + ', last letter with one outcome misspelled', text: withTypo(big.text) };
bigServer.bytes = Buffer.byteLength(bigServer.text);
writeData(root, 'letters-10mb-typo.txt', bigServer.text);

const mdLetter = toMarkdown(serverLetter.text, engine.parseLetter);
const mdBig = { text: repeatMarkdown() };
function repeatMarkdown() {
  // The Markdown of each fixture, repeated exactly as the 10 MB text repeats the letters.
  const md = letters.map((l) => toMarkdown(l.text, engine.parseLetter).text);
  const parts = [];
  for (let i = 0; i < bigRepeat.copies; i++) {
    const t = md[i % md.length];
    parts.push(/[\r\n]$/.test(t) ? t : t + '\n');
  }
  return parts.join('');
}
writeData(root, 'letters-10mb.md', mdBig.text);

// ---------------------------------------------------------------------------------------------
// Measurements

const results = {
  date: new Date().toISOString(),
  machine: {
    cores: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model?.trim(),
    memoryGB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine skews every figure: the load average is kept with them.
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  },
  quick,
  texts: {
    letters: letters.map((l) => ({ name: l.name, bytes: l.bytes })),
    big: { name: big.name, bytes: big.bytes },
    serverLetter: { name: serverLetter.name, bytes: serverLetter.bytes },
    markdown: {
      letterBytes: Buffer.byteLength(mdLetter.text),
      bigBytes: Buffer.byteLength(mdBig.text),
      headingsPerLetter: mdLetter.headings,
    },
  },
  server: { script: path.relative(root, serverScript ?? '') || null },
};

// pauseMs: between closing a document and opening the next (a large one's memory is given back
// in that time, as it would be while a user works); typingPauseMs: between two one-character edits.
const pauses = { letter: { pauseMs: 20, typingPauseMs: 200 }, big: { pauseMs: 1500, typingPauseMs: 200 } };
const reps = quick
  ? {
      letterBatches: 7,
      bigRuns: 3,
      letter: { warmup: 2, open: 7, requestWarmup: 5, requests: 20, edits: 8, ...pauses.letter },
      big: { warmup: 1, open: 2, requestWarmup: 1, requests: 5, edits: 4, ...pauses.big },
      peerLetter: { coldWarmup: 3, cold: 7, warmWarmup: 5, warm: 20, ...pauses.letter },
      peerBig: { coldWarmup: 0, cold: 1, warmWarmup: 1, warm: 3, ...pauses.big },
    }
  : {
      letterBatches: 15,
      bigRuns: 7,
      letter: { warmup: 5, open: 20, requestWarmup: 20, requests: 100, edits: 20, ...pauses.letter },
      big: { warmup: 1, open: 5, requestWarmup: 2, requests: 15, edits: 9, ...pauses.big },
      peerLetter: { coldWarmup: 5, cold: 20, warmWarmup: 10, warm: 50, ...pauses.letter },
      peerBig: { coldWarmup: 1, cold: 5, warmWarmup: 1, warm: 5, ...pauses.big },
    };
results.method = {
  ...pauses,
  note: 'open and edit figures are single events: the previous document closed pauseMs before, the previous edit came typingPauseMs before (a burst of faster edits is debounced by the server). "open doc" requests are repeated on one version: the server keeps the model and the outline (documentSymbol) of a version, so a repeated documentSymbol measures sending the same outline again, as VS Code asks for it several times per version (outline, breadcrumbs, sticky scroll); "open -> documentSymbol" is the first outline of a fresh document. Markdown server: the client answers markdown/parse with markdown-it tokens, as VS Code does.',
};

if (wanted('throughput')) {
  log('parse throughput');
  results.throughput = {
    letters: letters.map((l) => letterThroughput(engine.parseLetter, l, { batches: reps.letterBatches })),
    big: bigThroughput(engine.parseLetter, big, { runs: reps.bigRuns }),
  };
}

const serverArgs = serverScript ? [serverScript, '--stdio'] : undefined;
if (!serverArgs) log('no server build (dist/server.js, out/server/src/server.js): server figures skipped');

if (serverArgs && wanted('server')) {
  log('language server: letter');
  const letter = await measureOurServer(serverArgs, engine, serverLetter, reps.letter);
  log('language server: 10 MB');
  const bigResult = await measureOurServer(serverArgs, engine, bigServer, reps.big);
  results.server.letter = letter;
  results.server.big = bigResult;
}

const bigWithModel = () => ({
  ...bigServer,
  model: engine.parseLetter(bigServer.text),
  lines: new engine.LineIndex(bigServer.text),
});
if (serverArgs && wanted('memory')) {
  log('language server: memory');
  results.server.memory = await measureOurMemory(serverArgs, bigWithModel());
}

if (serverArgs && wanted('keystrokes')) {
  log('language server: 300 keystrokes back to back into 10 MB');
  results.server.keystrokes = await measureKeystrokes(serverArgs, bigWithModel(), { runs: quick ? 3 : 5 });
}

if (serverArgs && wanted('startup')) {
  log('language server: start-up');
  results.server.startup = await measureStartup(serverArgs, { runs: quick ? 3 : 7 });
}

if (serverArgs && wanted('peer')) {
  const mdArgs = [markdownServerPath(), '--stdio'];
  const many = variedLetters(
    letters.map((l) => l.text),
    1000,
  );
  log('outline side by side: 1,000 letters opened one after another');
  const manyLetters = await measureManyLetters(
    serverArgs,
    mdArgs,
    many,
    many.map((t) => toMarkdown(t, engine.parseLetter).text),
    { runs: 3 },
  );
  log('outline side by side: 10 MB (the Markdown server takes seconds per run)');
  const bigPeer = await measureBigPeer(serverArgs, mdArgs, bigServer.text, mdBig.text, { runs: 3 });
  results.peer = {
    markdownServer: `vscode-markdown-languageserver ${require('vscode-markdown-languageserver/package.json').version}, markdown-it ${require('markdown-it/package.json').version}`,
    manyLetters,
    big: bigPeer,
  };
}

if (wanted('sizes')) {
  const size = (rel) => {
    const p = path.join(root, rel);
    return fs.existsSync(p) ? { bytes: fs.statSync(p).size, modified: fs.statSync(p).mtime.toISOString() } : null;
  };
  results.sizes = {
    'dist/server.js': size('dist/server.js'),
    'dist/client.js': size('dist/client.js'),
    'imr-letters.vsix': size('imr-letters.vsix'),
  };
}

if (wanted('cli')) {
  const cliBench = path.join(root, 'bench', 'cli.mjs');
  if (fs.existsSync(cliBench)) {
    log('command-line tool (bench/cli.mjs)');
    // bench/cli.mjs may write its figures as JSON to IMR_BENCH_JSON; its output is kept either way.
    const jsonFile = path.join(root, 'bench', '.data', 'cli-results.json');
    fs.rmSync(jsonFile, { force: true });
    const r = spawnSync(process.execPath, [cliBench], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, IMR_BENCH_JSON: jsonFile },
      timeout: 20 * 60_000,
    });
    results.cli = {
      exitCode: r.status,
      output: (r.stdout ?? '').trim().split('\n').slice(-40),
      figures: fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')) : undefined,
      error: r.status === 0 ? undefined : (r.stderr ?? '').trim().split('\n').slice(-10),
    };
  } else results.cli = null;
}

if (wanted('folders')) results.folders = await (await import('./folders.mjs')).benchFolders();
if (wanted('fields')) results.fields = await (await import('./fields.mjs')).benchFields({ runs: quick ? 5 : 40 });
if (wanted('firstlook'))
  results.firstLook = await (await import('./firstlook.mjs')).benchFirstLook({ runs: quick ? 1 : 3 });
if (wanted('report')) results.report = await (await import('./report.mjs')).benchReport({ runs: quick ? 1 : 3, log });
if (wanted('web'))
  results.web = await (
    await import('./web.mjs')
  ).benchWeb({ letter: serverLetter, big: bigServer, reps: { letter: reps.peerLetter, big: reps.peerBig } });

if (serverArgs && wanted('notes')) {
  const notesBench = await import('./notes.mjs');
  const against = args.find((a) => a.startsWith('--against='))?.slice('--against='.length);
  results.notes = await notesBench.benchNotes({
    serverArgs,
    againstArgs: against ? [notesBench.serverOf(against), '--stdio'] : undefined,
    letter: { text: serverLetter.text, relativePath: `letters/${richest.name}` },
    big: bigServer,
    quick,
    log,
  });
}

const merge = args.includes('--merge') && only !== undefined && !quick;
if (merge) mergeEarlier(results, JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results.json'), 'utf8')), only);

// ---------------------------------------------------------------------------------------------
// Targets and report

const targets = [];
const target = (name, value, limit, met, note) =>
  targets.push({
    name,
    value: round(value, 3),
    target: limit,
    met: value === undefined || Number.isNaN(value) ? null : met,
    note,
  });
if (results.throughput) {
  const t = results.throughput;
  for (const l of t.letters) target(`parse ${l.name}: engine/floor throughput`, l.ratio, '>= 0.5', l.ratio >= 0.5);
  for (const l of t.letters)
    target(`parse ${l.name}: ms per letter (median)`, l.engine.ms.median, '< 1 ms', l.engine.ms.median < 1);
  target('parse 10 MB: engine/floor throughput', t.big.ratio, '>= 0.5', t.big.ratio >= 0.5);
}
if (results.server.letter) {
  for (const [name, s] of Object.entries(results.server.letter.requests)) {
    if (s) target(`letter: ${name} p95 (ms)`, s.p95, '< 5 ms', s.p95 < 5);
    else
      targets.push({
        name: `letter: ${name} p95 (ms)`,
        value: 'n/a',
        target: '< 5 ms',
        met: null,
        note: 'not advertised by the server',
      });
  }
}
if (results.server.big) {
  const b = results.server.big;
  target(
    '10 MB: open -> diagnostics median (ms)',
    b.openToDiagnostics.median,
    '< 300 ms',
    b.openToDiagnostics.median < 300,
  );
  target(
    '10 MB: edit -> diagnostics median (ms)',
    b.editToDiagnostics.median,
    '< 300 ms',
    b.editToDiagnostics.median < 300,
  );
  target(
    '10 MB: documentSymbol median (ms)',
    b.requests.documentSymbol.median,
    '< 150 ms',
    b.requests.documentSymbol.median < 150,
  );
}
if (results.server.keystrokes) {
  const k = results.server.keystrokes;
  target(`10 MB: ${k.edits} edits back to back -> outline / 1 edit -> outline`, k.ratio, '<= 2', k.ratio <= 2);
}
if (results.peer) {
  target(
    '10 MB: our open -> outline / Markdown server (median of 3 runs)',
    results.peer.big.ratio,
    '<= 0.05',
    results.peer.big.ratio <= 0.05,
  );
  target(
    '1,000 letters open -> outline: ours / Markdown server (median of 3 runs)',
    results.peer.manyLetters.ratio,
    '<= 0.2',
    results.peer.manyLetters.ratio <= 0.2,
  );
}
if (results.server.memory) {
  const m = results.server.memory;
  target('memory with 10 MB open (MB)', m.openMB, '< 200 MB', m.openMB < 200);
  target('memory after close - baseline (MB)', m.closedMB - m.baselineMB, '<= 25 MB', m.closedMB - m.baselineMB <= 25);
}
if (wanted('pdf'))
  targets.push(
    ...(results.pdf = await (await import('./pdf.mjs')).benchPdf({ copies: quick ? 2 : 5, runs: quick ? 1 : 3, log }))
      .targets,
  );
else if (results.pdf?.targets) targets.push(...results.pdf.targets);
if (results.folders) targets.push(...results.folders.targets);
if (results.report?.cli)
  target(
    `report, ${results.report.letters} letters: imr-letters report (html) / export --format jsonl`,
    results.report.cli.ratio,
    '<= 1.5',
    results.report.cli.ratio <= 1.5,
  );
if (results.notes) targets.push(...results.notes.targets);
// bench/cli.mjs's own targets (check against rg -j1, workers' speed-up, export against check).
targets.push(...(results.cli?.figures?.targets ?? []));
results.targets = targets;
results.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));

// Rounded for the file: the noise is far above a microsecond.
const rounded = JSON.parse(JSON.stringify(results, (k, v) => (typeof v === 'number' ? round(v, 3) : v)));
// Only a full or merged run replaces the committed figures; --quick and --only runs go next to the generated texts.
const resultsFile =
  (quick || only) && !merge
    ? path.join(root, 'bench', '.data', 'results-partial.json')
    : path.join(root, 'bench', 'results.json');
fs.writeFileSync(resultsFile, JSON.stringify(rounded, null, 2) + '\n');
log(`figures written to ${path.relative(root, resultsFile)}`);

printReport(rounded);

function printReport(r) {
  const out = [];
  const ms = (s) =>
    s ? `${fmt(s.median)} ms (p95 ${fmt(s.p95)}, min ${fmt(s.min)}, max ${fmt(s.max)}, n=${s.n})` : 'n/a';
  const mmm = (s) => (s ? `${fmt(s.median)} ms (min ${fmt(s.min)}, max ${fmt(s.max)}, n=${s.n})` : 'n/a');
  out.push(`IMR Letters benchmark  ${r.date}`);
  out.push(
    `machine: ${r.machine.cores} cores, ${r.machine.cpu}, ${r.machine.memoryGB} GB, node ${r.machine.node}, ${r.machine.platform}${r.quick ? '  (--quick)' : ''}`,
  );
  out.push(
    `load average (1, 5, 15 min): ${r.machine.loadAverageAtStart.join(', ')} at start, ${r.machine.loadAverageAtEnd.join(', ')} at end`,
  );
  if (r.throughput) {
    out.push(
      '',
      'Parse throughput (MB = 10^6 bytes; engine = parseLetter, floor = split lines + 2 regex tests per line)',
    );
    out.push(row(['text', 'bytes', 'engine ms/parse (min-max)', 'engine MB/s', 'floor MB/s', 'engine/floor']));
    for (const l of [...r.throughput.letters, r.throughput.big]) {
      out.push(
        row([
          l === r.throughput.big ? `10 MB (${l.found.letters} letters)` : l.name,
          String(l.bytes),
          `${fmt(l.engine.ms.median)} (${fmt(l.engine.ms.min)}-${fmt(l.engine.ms.max)})`,
          fmt(l.engine.mbPerS),
          fmt(l.floor.mbPerS),
          fmt(l.ratio),
        ]),
      );
    }
  }
  for (const [label, s] of [
    ['letter', r.server.letter],
    ['10 MB', r.server.big],
  ]) {
    if (!s) continue;
    out.push(
      '',
      `Language server over stdio, ${label} (${s.bytes} bytes, ${s.findings} diagnostic(s)): median, p95, min, max`,
    );
    out.push(`  open -> first diagnostics     ${ms(s.openToDiagnostics)}`);
    out.push(`  open -> documentSymbol        ${ms(s.openToDocumentSymbol)}`);
    for (const [name, q] of Object.entries(s.requests)) out.push(`  ${(name + ' (open doc)').padEnd(30)}${ms(q)}`);
    out.push(`  1-char edit -> diagnostics    ${ms(s.editToDiagnostics)}`);
  }
  if (r.server.keystrokes) {
    const k = r.server.keystrokes;
    out.push(
      '',
      `Keystrokes into the 10 MB file (each run after ${fmt(k.pauseMs / 1000)} s idle, ${k.runs} runs): median, p95, min, max`,
      `  1 edit -> outline              ${ms(k.oneEditThenOutline)}`,
      `  ${k.edits} edits -> outline          ${ms(k.burstThenOutline)}  ratio ${fmt(k.ratio)}`,
      `  cost of one edit               ${ms(k.perEditMs)}`,
      `  server memory (VmRSS) after the burst's outline ${fmt(k.memoryAfterBurstMB.median)} MB (max ${fmt(k.memoryAfterBurstMB.max)}), after ${fmt(k.pauseMs / 1000)} s idle ${fmt(k.memoryIdleMB)} MB`,
    );
  }
  if (r.peer) {
    const p = r.peer;
    const runs = (x) => x.runs.map((run) => fmt(run.ratio)).join(', ');
    out.push(
      '',
      `Open -> outline next to VS Code's Markdown language server (${p.markdownServer}; same letters as Markdown; the servers take turns)`,
      `  ${p.manyLetters.letters} letters, total:  ours ${mmm(p.manyLetters.ours)} = ${fmt(p.manyLetters.oursPerLetterMs)} ms a letter;  markdown ${mmm(p.manyLetters.markdown)} = ${fmt(p.manyLetters.markdownPerLetterMs)} ms a letter;  ratio ${fmt(p.manyLetters.ratio)} (runs ${runs(p.manyLetters)})`,
      `  10 MB:  ours ${mmm(p.big.ours)}  markdown ${mmm(p.big.markdown)}  ratio ${fmt(p.big.ratio)} (runs ${runs(p.big)})`,
      ...['manyLetters', 'big'].map((k) => {
        const c = p[k].cpuMs;
        return `  ${k === 'big' ? '10 MB' : `${p.manyLetters.letters} letters`} CPU (median): ours server ${fmt(c.ours.server)} ms + client ${fmt(c.ours.client)} ms; markdown server ${fmt(c.markdown.server)} ms + client (markdown-it) ${fmt(c.markdown.client)} ms`;
      }),
      ...(p.manyLetters.steady
        ? [
            `  ${p.manyLetters.letters} letters once each server has opened ${p.manyLetters.steady.after} (V8 done optimizing; not the target): ours ${fmt(p.manyLetters.steady.oursPerLetterMs)} ms a letter; markdown ${fmt(p.manyLetters.steady.markdownPerLetterMs)} ms a letter; ratio ${fmt(p.manyLetters.steady.ratio)} (runs ${p.manyLetters.steady.runs.map(fmt).join(', ')})`,
          ]
        : []),
      `  a letter, ours in-process (CPU): parse ${fmt(p.manyLetters.inProcess.parseUs)} µs, outline ${fmt(p.manyLetters.inProcess.outlineUs)} µs, its JSON ${fmt(p.manyLetters.inProcess.jsonUs)} µs; a server that answers nothing (the transport): ${fmt(p.manyLetters.floorPerLetterMs)} ms a letter`,
    );
  }
  if (r.server.memory) {
    const m = r.server.memory;
    out.push(
      '',
      `Server resident memory (VmRSS, each after ${fmt(m.settleMs / 1000)} s idle): at rest ${fmt(m.baselineMB)} MB, 10 MB open ${fmt(m.openMB)} MB (peak while opening ${fmt(m.openPeakMB)}), after 20 edits ${fmt(m.afterEditsMB)} MB, after close ${fmt(m.closedMB)} MB (peak overall ${fmt(m.peakMB)} MB)`,
    );
  }
  if (r.server.startup) out.push(`Start-up (spawn -> initialize answer): ${mmm(r.server.startup)}`);
  if (r.sizes)
    out.push(
      `Sizes: ${Object.entries(r.sizes)
        .map(([k, v]) => `${k} ${v ? fmt(v.bytes / 1024) + ' KiB' : 'n/a'}`)
        .join(', ')}`,
    );
  if (r.cli === null) out.push('CLI: n/a (bench/cli.mjs not present)');
  else if (r.cli?.figures?.results) {
    const f = r.cli.figures;
    out.push(
      `CLI over a folder of ${f.files} letters (${f.megabytes} MB in ${f.folders} sub-folders): ` +
        f.results.map((x) => `${x.command} ${fmt(x.medianMs)} ms (${x.filesPerSecond} files/s)`).join('; '),
    );
  } else if (r.cli)
    out.push(
      'CLI (bench/cli.mjs):',
      ...(r.cli.output ?? []).map((l) => '  ' + l),
      ...(r.cli.error ?? []).map((l) => '  ' + l),
    );
  if (r.notes) out.push(...notesReport(r.notes));
  out.push('', 'Targets');
  for (const t of r.targets)
    out.push(
      `  ${t.met === null ? ' -  ' : t.met ? 'met ' : 'MISS'}  ${t.name}: ${typeof t.value === 'number' ? fmt(t.value) : t.value} (target ${t.target})`,
    );
  console.log(out.join('\n'));
}

function fmt(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  if (Math.abs(x) >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

function row(cells) {
  const widths = [34, 10, 26, 12, 12, 12];
  return '  ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' ');
}
