// Bench part `notes`: what the user's notes cost the language server (issue 30's "Keep").
//
// - A letter's requests (hover on an item, document symbols, CodeLens, imrLetters/items, and Go to
//   Symbol in Workspace by tag) with
//   1,000 notes in the folder's notes file, 30 of them on the letter measured, against the same
//   requests with no notes file, in one server: p50 and p95 of each, and the ratio of the p95s.
// - The 10 MB file open -> diagnostics in that folder with the 1,000 notes, against no notes, and
//   against a base build's server when one is given (`--against=DIR`, a checkout built with
//   `npm run build`): opens alternate between the servers, so that the machine's load falls on all
//   of them alike.
//
//   node bench/notes.mjs [--quick] [--against=DIR]     (also `node bench/run.mjs --only=notes`)

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadLetters, repeatLetters, richestLetter, TEN_MB, withTypo } from './lib/corpus.mjs';
import { BenchClient } from './lib/lsp.mjs';
import { OUR_ENVIRONMENT, ourAnswers } from './lib/servers.mjs';
import { round, sleep, summarize } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (rel) => require(path.join(root, 'out', 'server', 'src', rel));

const FOLDER = 'file:///bench/notes-folder/';
const NOTES_IN_FOLDER = 1000;
const NOTES_ON_LETTER = 30;

/**
 * A notes file of `NOTES_IN_FOLDER` notes: `NOTES_ON_LETTER` on `letter` (on its items and the
 * letter itself, with tags and a status), the rest on other letters' items, as a folder a team
 * has worked through holds them.
 */
export function notesFileFor(letter, relativePath) {
  const { EMPTY_NOTES_FILE } = out('notes/model.js');
  const { addNote, setTags, setStatus } = out('notes/operations.js');
  const { letterKeyOf, caseKey, itemKeyOf } = out('notes/keys.js');
  const stamp = { now: '2026-12-07T10:00:00.000Z' };
  let file = EMPTY_NOTES_FILE;
  const apply = (r) => {
    if (!r.ok) throw new Error(`bench notes: ${r.error}`);
    file = r.file;
  };
  const key = letterKeyOf(letter, relativePath);
  for (let i = 0; i < NOTES_ON_LETTER; i++) {
    const item = letter.items[i % (letter.items.length + 1)];
    const target = item ? { letter: key, item: itemKeyOf(item), itemName: item.name } : { letter: key };
    apply(addNote(file, target, `Note ${i + 1}: ask for the **prior** reports, then decide.`, stamp));
    if (i < letter.items.length) apply(setTags(file, target, ['appeal', `batch-${i % 3}`]));
  }
  apply(setStatus(file, key, 'In review', stamp));
  // The other notes: 5 on each of 194 other letters' two items.
  for (let n = NOTES_ON_LETTER, l = 0; n < NOTES_IN_FOLDER; l++) {
    const other = caseKey(`CM99-${String(1000000 + l).slice(1)}`);
    for (let k = 0; k < 5 && n < NOTES_IN_FOLDER; k++, n++) {
      const name = k % 2 === 0 ? 'Physical therapy, 6 sessions' : 'Norco 10/325mg #60';
      apply(addNote(file, { letter: other, item: itemKeyOf(name), itemName: name }, `Other note ${n}`, stamp));
    }
  }
  return file;
}

function countNotes(file) {
  let n = 0;
  for (const l of Object.values(file.letters)) {
    n += l.notes?.length ?? 0;
    for (const it of Object.values(l.items ?? {})) n += it.notes?.length ?? 0;
  }
  return n;
}

const notesParams = (file) => ({ folders: file ? [{ folder: FOLDER, file }] : [] });

async function startServer(serverArgs) {
  const client = new BenchClient(serverArgs, ourAnswers, OUR_ENVIRONMENT);
  await client.start({ pushDiagnostics: true });
  return client;
}

/** Each request's samples on one open letter; `notes` is sent (or cleared) first. */
async function letterRequests(client, letter, file, reps) {
  const { parseLetter } = out('engine/parse.js');
  const { LineIndex } = out('engine/lines.js');
  client.notify('imrLetters/notes', notesParams(file));
  const uri = FOLDER + letter.relativePath;
  const diagnosed = client.waitForDiagnostics(uri);
  client.open(uri, 'imr-letter', letter.text);
  await diagnosed;
  const model = parseLetter(letter.text);
  const lines = new LineIndex(letter.text);
  const item = model.letters[0].items[0];
  const textDocument = { uri };
  const requests = {
    hover: ['textDocument/hover', { textDocument, position: lines.positionAt(item.nameRange.start + 1) }],
    documentSymbol: ['textDocument/documentSymbol', { textDocument }],
    codeLens: ['textDocument/codeLens', { textDocument }],
    items: ['imrLetters/items', { uri, relativePath: letter.relativePath }],
    // Go to Symbol in Workspace by tag: the one request that searches every note of the folder.
    workspaceSymbol: ['workspace/symbol', { query: '#appeal' }],
  };
  const result = {};
  for (const [name, [method, params]] of Object.entries(requests)) {
    let answer;
    for (let i = 0; i < reps.warmup; i++) [, answer] = await client.timed(method, params);
    const samples = [];
    for (let i = 0; i < reps.requests; i++) samples.push((await client.timed(method, params))[0]);
    result[name] = { ...summarize(samples), answer: JSON.stringify(answer ?? null) };
  }
  client.close(uri);
  return result;
}

/** The 10 MB text opened in the folder: open -> first diagnostics, a fresh URI each time. */
async function openToDiagnostics(client, text, tag, i) {
  const uri = `${FOLDER}big-${tag}-${i}.txt`;
  const t0 = performance.now();
  const wait = client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  client.open(uri, 'imr-letter', text);
  const { at } = await wait;
  const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  client.close(uri);
  await cleared;
  return at - t0;
}

/**
 * @param letter { text, relativePath } the letter measured (with a finding, so diagnostics come)
 * @param big { text } the 10 MB text (with a finding)
 */
export async function benchNotes({ serverArgs, againstArgs, letter, big, quick = false, log = () => undefined }) {
  const { parseLetter } = out('engine/parse.js');
  const file = notesFileFor(parseLetter(letter.text).letters[0], letter.relativePath);
  const reps = quick ? { warmup: 20, requests: 100, opens: 3 } : { warmup: 50, requests: 300, opens: 9 };
  const result = { notesInFolder: countNotes(file), notesOnLetter: NOTES_ON_LETTER, requests: {}, big: {} };

  log('notes: a letter\u2019s requests with 1,000 notes in the folder, and with none');
  const client = await startServer(serverArgs);
  try {
    const none = await letterRequests(client, letter, null, reps);
    const withNotes = await letterRequests(client, letter, file, reps);
    for (const name of Object.keys(withNotes)) {
      // The notes must show in the answers measured, or the figure says nothing.
      const shows = withNotes[name].answer !== none[name].answer;
      result.requests[name] = {
        withNotes: strip(withNotes[name]),
        withoutNotes: strip(none[name]),
        p95Ratio: withNotes[name].p95 / none[name].p95,
        notesInAnswer: shows,
      };
    }

    log('notes: 10 MB open -> diagnostics, 1,000 notes against none' + (againstArgs ? ' and the base build' : ''));
    const base = againstArgs ? await startServer(againstArgs) : undefined;
    const noNotes = await startServer(serverArgs);
    try {
      noNotes.notify('imrLetters/notes', notesParams(null));
      client.notify('imrLetters/notes', notesParams(file));
      const runs = [['withNotes', client], ['withoutNotes', noNotes], ...(base ? [['baseBuild', base]] : [])];
      const samples = Object.fromEntries(runs.map(([name]) => [name, []]));
      // One warm-up open each, then the servers take turns.
      for (const [name, c] of runs) await openToDiagnostics(c, big.text, name, 0);
      // Each round starts with another server, so that none always opens right after a given other.
      for (let i = 1; i <= reps.opens; i++)
        for (const [name, c] of [...runs.slice(i % runs.length), ...runs.slice(0, i % runs.length)]) {
          samples[name].push(await openToDiagnostics(c, big.text, name, i));
          await sleep(1500); // a large document's memory is given back meanwhile, as while a user works
        }
      for (const [name] of runs) result.big[name] = summarize(samples[name]);
      result.big.withNotesOverWithout = result.big.withNotes.median / result.big.withoutNotes.median;
      if (base) result.big.withNotesOverBase = result.big.withNotes.median / result.big.baseBuild.median;
    } finally {
      await noNotes.stop();
      await base?.stop();
    }
  } finally {
    await client.stop();
  }
  result.targets = targets(result);
  return result;
}

function strip({ answer: _answer, ...stats }) {
  return stats;
}

function targets(r) {
  const list = [];
  for (const [name, s] of Object.entries(r.requests)) {
    list.push({
      name: `letter with ${r.notesOnLetter} of ${r.notesInFolder} notes: ${name} p95 (ms)`,
      value: round(s.withNotes.p95),
      target: '< 5 ms',
      met: s.withNotes.p95 < 5,
      // The outline and the items carry no notes (the client matches them); the others must show them.
      note: s.notesInAnswer ? undefined : 'no notes in this answer',
    });
  }
  if (r.big.withNotesOverBase !== undefined)
    list.push({
      name: '10 MB open -> diagnostics: with 1,000 notes / base build (median)',
      value: round(r.big.withNotesOverBase),
      target: '<= 1.1',
      met: r.big.withNotesOverBase <= 1.1,
    });
  list.push({
    name: '10 MB open -> diagnostics: with 1,000 notes / without (median)',
    value: round(r.big.withNotesOverWithout),
    target: '<= 1.1',
    met: r.big.withNotesOverWithout <= 1.1,
  });
  return list;
}

/** Lines for the printed report. */
export function notesReport(r) {
  const ms = (s) => `${fmt(s.median)} ms (p95 ${fmt(s.p95)}, n=${s.n})`;
  const lines = [
    '',
    `Notes: ${r.notesOnLetter} of ${r.notesInFolder} notes on the letter measured; the same server with no notes file`,
  ];
  for (const [name, s] of Object.entries(r.requests))
    lines.push(
      `  ${name.padEnd(15)} with notes ${ms(s.withNotes)}; without ${ms(s.withoutNotes)}; p95 ratio ${fmt(s.p95Ratio)}`,
    );
  for (const [name, s] of Object.entries(r.big))
    if (typeof s === 'object') lines.push(`  10 MB open -> diagnostics, ${name.padEnd(12)} ${ms(s)}`);
  lines.push(`  with notes / without: ${fmt(r.big.withNotesOverWithout)}`);
  if (r.big.withNotesOverBase !== undefined) lines.push(`  with notes / base build: ${fmt(r.big.withNotesOverBase)}`);
  return lines;
}

const fmt = (x) => (typeof x === 'number' ? String(round(x, 2)) : String(x));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const against = args.find((a) => a.startsWith('--against='))?.slice('--against='.length);
  const r = await benchNotes({
    ...benchInputs(root),
    againstArgs: against ? [serverOf(against), '--stdio'] : undefined,
    quick: args.includes('--quick'),
    log: (...a) => console.error('bench:', ...a),
  });
  console.log(notesReport(r).join('\n'));
  for (const t of r.targets)
    console.log(
      `  ${t.met === true ? 'met' : t.met === false ? 'MISSED' : 'n/a'}  ${t.name}: ${t.value} (${t.target})`,
    );
}

/** The built server of a checkout. */
export function serverOf(dir) {
  const script = path.join(path.resolve(dir), 'dist', 'server.js');
  if (!fs.existsSync(script)) throw new Error(`bench notes: no ${script}; build that checkout first (npm run build)`);
  return script;
}

/** The letter and the 10 MB text, as bench/run.mjs makes them, for a run of this part alone. */
function benchInputs(dir) {
  const letters = loadLetters(dir);
  const richest = richestLetter(letters, out('engine/parse.js').parseLetter);
  const big = repeatLetters(
    letters.map((l) => l.text),
    TEN_MB,
  );
  return {
    serverArgs: [path.join(dir, 'dist', 'server.js'), '--stdio'],
    letter: { text: withTypo(richest.text), relativePath: `letters/${richest.name}` },
    big: { text: withTypo(big.text) },
  };
}
