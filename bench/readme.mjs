// The measured tables of docs/performance.md, in Markdown, from bench/results.json (the figures of
// the last `npm run bench`): the run's date and machine stated once, above every figure of it.
//
//   node bench/readme.mjs           prints them
//   node bench/readme.mjs --write   puts them in docs/performance.md, between its bench markers

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results.json'), 'utf8'));

function fmt(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return 'n/a';
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  if (Math.abs(x) >= 1) return x.toFixed(2);
  return x.toFixed(3);
}
const ms = (s) => (s ? `${fmt(s.median)} ms` : 'n/a');
const p95 = (s) => (s ? `${fmt(s.median)} ms (p95 ${fmt(s.p95)})` : 'n/a');
/** The targets the main table shows; the others (CLI, PDF, folders, report) get a table of their own. */
const shown = new Set();
const met = (name) => {
  shown.add(name);
  const t = r.targets.find((x) => x.name === name);
  return t ? (t.met === null ? '' : t.met ? 'met' : '**missed**') : '';
};

const rows = [];
const row = (what, figure, target, status) => rows.push(`| ${what} | ${figure} | ${target} | ${status} |`);
const t = r.throughput;
if (t) {
  const typical = t.letters.map((l) => l.engine.ms.median).sort((a, b) => a - b)[Math.floor(t.letters.length / 2)];
  const worstRatio = Math.min(...t.letters.map((l) => l.ratio));
  row(
    'Parse a letter (4-6 KB)',
    `${fmt(typical)} ms (${t.letters.map((l) => fmt(l.engine.ms.median)).join(', ')})`,
    '< 1 ms',
    t.letters.every((l) => l.engine.ms.median < 1) ? 'met' : '**missed**',
  );
  row(
    'Parse 10 MB (2,292 letters)',
    // The median moves with garbage collection between runs; the fastest run shows the parse's own pace.
    `${fmt(t.big.engine.ms.median)} ms = ${fmt(t.big.engine.mbPerS)} MB/s (fastest ${fmt(t.big.engine.ms.min)} ms); floor ${fmt(t.big.floor.mbPerS)} MB/s`,
    'engine/floor >= 0.5',
    `${fmt(t.big.ratio)} ${met('parse 10 MB: engine/floor throughput')}`,
  );
  row(
    'Parse a letter: engine/floor',
    `${fmt(worstRatio)} to ${fmt(Math.max(...t.letters.map((l) => l.ratio)))}`,
    '>= 0.5',
    worstRatio >= 0.5 ? 'met' : '**missed**',
  );
}
const L = r.server?.letter;
if (L) {
  const worst = Math.max(
    ...Object.values(L.requests)
      .filter(Boolean)
      .map((s) => s.p95),
  );
  row(
    'Letter: outline, hover, folding, code actions',
    Object.entries(L.requests)
      .map(([k, s]) => `${k} ${s ? fmt(s.p95) : 'n/a'}`)
      .join(', ') + ' ms p95',
    '< 5 ms p95',
    worst < 5 ? 'met' : '**missed**',
  );
  row(
    'Letter: open -> diagnostics; edit -> diagnostics',
    `${ms(L.openToDiagnostics)}; ${ms(L.editToDiagnostics)}`,
    '',
    '',
  );
}
const B = r.server?.big;
if (B) {
  row(
    '10 MB: open -> diagnostics',
    p95(B.openToDiagnostics),
    '< 300 ms',
    met('10 MB: open -> diagnostics median (ms)'),
  );
  row(
    '10 MB: one-character edit -> diagnostics',
    p95(B.editToDiagnostics),
    '< 300 ms',
    met('10 MB: edit -> diagnostics median (ms)'),
  );
  row(
    '10 MB: documentSymbol (same version, repeated)',
    p95(B.requests.documentSymbol),
    '< 150 ms',
    met('10 MB: documentSymbol median (ms)'),
  );
  row('10 MB: hover; folding ranges', `${ms(B.requests.hover)}; ${ms(B.requests.foldingRange)}`, '', '');
}
const K = r.server?.keystrokes;
if (K)
  row(
    `10 MB: ${K.edits} one-character edits back to back -> outline, against one edit -> outline`,
    `${ms(K.burstThenOutline)} vs ${ms(K.oneEditThenOutline)} (ratio ${fmt(K.ratio)}); an edit costs ${ms(K.perEditMs)}; server memory after the burst ${fmt(K.memoryAfterBurstMB.median)} MB`,
    '<= 2x',
    met(`10 MB: ${K.edits} edits back to back -> outline / 1 edit -> outline`),
  );
const P = r.peer;
if (P?.manyLetters) {
  const L1000 = P.manyLetters;
  row(
    `${L1000.letters.toLocaleString('en-US')} letters, each opened then outlined, vs VS Code's Markdown server (median of ${L1000.runs.length} runs)`,
    `${ms(L1000.ours)} (${fmt(L1000.oursPerLetterMs)} ms a letter) vs ${ms(L1000.markdown)} (${fmt(L1000.markdownPerLetterMs)} ms a letter): ratio ${fmt(L1000.ratio)} (runs ${L1000.runs.map((x) => fmt(x.ratio)).join(', ')})`,
    '<= 1/5',
    met('1,000 letters open -> outline: ours / Markdown server (median of 3 runs)'),
  );
}
if (P?.big?.runs)
  row(
    `Open -> outline vs VS Code's Markdown server, 10 MB (median of ${P.big.runs.length} runs)`,
    `${ms(P.big.ours)} vs ${ms(P.big.markdown)}: ratio ${fmt(P.big.ratio)} (runs ${P.big.runs.map((x) => fmt(x.ratio)).join(', ')})`,
    '<= 1/20',
    met('10 MB: our open -> outline / Markdown server (median of 3 runs)'),
  );
const M = r.server?.memory;
if (M) {
  row(
    'Server memory (idle): at rest / 10 MB open / after 20 edits / closed',
    `${fmt(M.baselineMB)} / ${fmt(M.openMB)} / ${fmt(M.afterEditsMB)} / ${fmt(M.closedMB)} MB (peak ${fmt(M.peakMB)})`,
    '< 200 MB open; near rest after close',
    `${met('memory with 10 MB open (MB)')} / ${met('memory after close - baseline (MB)')}`,
  );
}
const N = r.notes;
if (N) {
  const requestTargets = Object.keys(N.requests).map(
    (name) => `letter with ${N.notesOnLetter} of ${N.notesInFolder} notes: ${name} p95 (ms)`,
  );
  row(
    `Letter with ${N.notesOnLetter} of ${N.notesInFolder.toLocaleString('en-US')} notes in the folder: p95 with notes (without)`,
    Object.entries(N.requests)
      .map(([name, s]) => `${name} ${fmt(s.withNotes.p95)} (${fmt(s.withoutNotes.p95)})`)
      .join(', ') + ' ms',
    '< 5 ms p95',
    requestTargets.every((name) => met(name) === 'met') ? 'met' : '**missed**',
  );
  const B = N.big;
  row(
    '10 MB: open -> diagnostics with 1,000 notes in the folder, against none' +
      (B.baseBuild ? ' and the base build' : ''),
    `${ms(B.withNotes)} vs ${ms(B.withoutNotes)}: ratio ${fmt(B.withNotesOverWithout)}` +
      (B.baseBuild ? `; base build ${ms(B.baseBuild)}: ratio ${fmt(B.withNotesOverBase)}` : ''),
    '<= 1.1',
    met('10 MB open -> diagnostics: with 1,000 notes / without (median)') +
      (B.baseBuild ? ` / ${met('10 MB open -> diagnostics: with 1,000 notes / base build (median)')}` : ''),
  );
}
if (r.server?.startup) row('Start-up: spawn -> initialize answer', ms(r.server.startup), '', '');
if (r.sizes)
  row(
    'Sizes: dist/server.js, dist/client.js, .vsix',
    Object.values(r.sizes)
      .map((v) => (v ? `${Math.round(v.bytes / 1024)} KiB` : 'n/a'))
      .join(', '),
    '',
    '',
  );
const C = r.cli?.figures;
if (C?.results)
  row(
    `CLI over a folder, ${C.files} letters (${C.megabytes} MB)`,
    C.results.map((x) => `${x.command}: ${Math.round(x.medianMs)} ms`).join('; '),
    '',
    '',
  );

/** What the 1,000 letters' time is made of, from the same run's figures (docs/performance.md explains the parts). */
function manyLettersTable() {
  const L1000 = r.peer?.manyLetters;
  if (!L1000?.cpuMs) return '';
  const us = (msTotal) => `${fmt((msTotal / L1000.letters) * 1000)} µs`;
  const c = L1000.cpuMs;
  const p = L1000.inProcess;
  const s = L1000.steady;
  const rows = [
    ['Our server, CPU', us(c.ours.server)],
    ['Our client, CPU (encoding the open, decoding the outline)', us(c.ours.client)],
    ["VS Code's Markdown server, CPU", us(c.markdown.server)],
    ["The Markdown server's client, CPU (markdown-it tokenizing the letter)", us(c.markdown.client)],
    ["Of ours, in the benchmark's process: the parse (model and line index)", `${fmt(p.parseUs)} µs`],
    ['the outline', `${fmt(p.outlineUs)} µs`],
    ["the outline's JSON", `${fmt(p.jsonUs)} µs`],
    [
      'A server that answers every outline with nothing (`bench/lib/floorServer.mjs`), wall time',
      `${fmt(L1000.floorPerLetterMs)} ms`,
    ],
  ];
  if (s)
    rows.push([
      `After ${s.after.toLocaleString('en-US')} letters each (V8 still optimizing before): ours / Markdown server`,
      `${fmt(s.oursPerLetterMs)} ms / ${fmt(s.markdownPerLetterMs)} ms: ratio ${fmt(s.ratio)} (runs ${s.runs.map(fmt).join(', ')})`,
    ]);
  return `

The ${L1000.letters.toLocaleString('en-US')} letters opened then outlined, per letter:

| Part | Figure |
|---|---|
${rows.map(([what, figure]) => `| ${what} | ${figure} |`).join('\n')}`;
}

/** Which run each part comes from, when an --only run was merged into the figures (bench/lib/merge.mjs). */
function measuredNote() {
  if (!r.measured) return '';
  const byDate = new Map();
  for (const [part, date] of Object.entries(r.measured))
    byDate.set(date.slice(0, 10), [...(byDate.get(date.slice(0, 10)) ?? []), part]);
  if (byDate.size < 2) return '';
  return ` (${[...byDate].map(([day, parts]) => `${parts.join(', ')}: ${day}`).join('; ')})`;
}

/** Every other target of the run (bench/cli.mjs, pdf.mjs, folders.mjs, report.mjs report their own). */
function otherTargets() {
  // The per-letter parse and request targets are in the table above as ranges.
  const others = r.targets.filter((t) => !shown.has(t.name) && !/^(parse |letter: )/.test(t.name));
  if (others.length === 0) return '';
  const status = (t) => (t.met === null ? 'n/a' : t.met ? 'met' : '**missed**');
  // Targets of one measurement share its note: stated with the first of them only.
  const noted = new Set();
  const note = (t) => {
    if (!t.note || noted.has(t.note)) return '';
    noted.add(t.note);
    return ` (${t.note})`;
  };
  return `

The other targets of the same run (the command line, PDF letters, folders of letters, the decisions report):

| Target | Figure | Limit | |
|---|---|---|---|
${others.map((t) => `| ${t.name} | ${fmt(t.value)}${note(t)} | ${t.target} | ${status(t)} |`).join('\n')}`;
}

const m = r.machine;
const block = `<!-- bench:begin (node bench/readme.mjs --write) -->

Last run: ${r.date.slice(0, 10)}${measuredNote()}, ${m.cores} cores (${m.cpu}), Node ${m.node}, load average ${m.loadAverageAtStart[0]} at start (a shared machine: figures vary between runs). ${measuredNote() ? "Each part's figures are from the run of its date; the same machine." : 'Every figure of the tables below is from that run.'}

| What | Figure | Target | |
|---|---|---|---|
${rows.join('\n')}${otherTargets()}${manyLettersTable()}

<!-- bench:end -->`;

if (process.argv.includes('--write')) {
  const file = path.join(root, 'docs', 'performance.md');
  const doc = fs.readFileSync(file, 'utf8');
  const start = doc.indexOf('<!-- bench:begin');
  const end = doc.indexOf('<!-- bench:end -->');
  if (start < 0 || end < start) throw new Error(`${file}: no bench:begin ... bench:end markers`);
  fs.writeFileSync(file, doc.slice(0, start) + block + doc.slice(end + '<!-- bench:end -->'.length));
  console.log(`bench/readme.mjs: wrote the figures of ${r.date.slice(0, 10)} into docs/performance.md`);
} else console.log(block);
