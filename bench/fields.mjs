#!/usr/bin/env node
// The decision fields (issue 19): what the export's and the index's new fields cost next to the
// parse and checks they come with, per letter, measured in one run on the same letters (the
// fixture letters and posted letters' text as pdftotext gives it). Ratios, since the machine is
// shared: a figure alone says little.
//
//   fields / export   the new fields' own cost (header facts, patient, treatment of each item)
//                     over analyzeText in export mode (read, parse, check, records with every field)
//   facts, patient, treatment   each over parse + check
//   treatment / summary   the categories over summarizeText (the index's summary of a letter)
//
//   node bench/fields.mjs     runnable alone (after npm run build)
// bench/run.mjs calls benchFields() and keeps its figures under `fields`.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { round, summarize } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (p) => require(path.join(root, 'out', 'server', 'src', p));
const log = (...a) => console.error('bench fields:', ...a);

function letterTexts() {
  const dirs = [path.join(root, 'test', 'fixtures', 'letters'), path.join(root, 'test', 'fixtures', 'extraction')];
  return dirs.flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => /^(?:\d{3}_|CM\d{2}-)/.test(f) && f.endsWith('.txt'))
      .map((f) => fs.readFileSync(path.join(d, f), 'utf8')),
  );
}

/** Microseconds a letter: the fastest of `runs` rounds over all letters (the least disturbed by other work). */
function perLetter(letters, runs, fn) {
  for (let w = 0; w < 3; w++) fn();
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3 / letters);
  }
  return summarize(samples);
}

export async function benchFields({ runs = 40 } = {}) {
  const { parseLetter } = out('engine/parse.js');
  const { checkLetter } = out('engine/check.js');
  const { analyzeText } = out('export/analyze.js');
  const { DEFAULT_SEVERITIES } = out('engine/check.js');
  const { caseFactsOf } = out('engine/caseFacts.js');
  const { patientIn } = out('engine/parser/patient.js');
  const { treatmentOf } = out('engine/treatmentCategories.js');
  const { summarizeText } = out('export/summarizeText.js');
  const texts = letterTexts();
  const models = texts.map((t) => parseLetter(t));
  const letters = models.flatMap((m) => m.letters.map((l) => ({ m, l })));
  const summaries = letters.flatMap(({ m, l }) => {
    const s = l.sections.find((x) => x.kind === 'summary');
    return s ? [[m.text, s.body.start, s.body.end]] : [];
  });
  const n = letters.length;
  const figures = {
    parseCheck: perLetter(n, runs, () => texts.forEach((t) => checkLetter(parseLetter(t)))),
    check: perLetter(n, runs, () =>
      texts.forEach((t) => analyzeText(t, 'x.txt', 'x.txt', 'check', DEFAULT_SEVERITIES)),
    ),
    export: perLetter(n, runs, () =>
      texts.forEach((t) => analyzeText(t, 'x.txt', 'x.txt', 'export', DEFAULT_SEVERITIES)),
    ),
    facts: perLetter(n, runs, () => letters.forEach(({ l }) => caseFactsOf(l.header))),
    patient: perLetter(n, runs, () => summaries.forEach(([t, a, b]) => patientIn(t, a, b))),
    treatment: perLetter(n, runs, () => letters.forEach(({ l }) => l.items.forEach((i) => treatmentOf(i.name)))),
    summary: perLetter(n, runs, () => texts.forEach((t) => summarizeText('x.txt', t))),
  };
  const base = figures.parseCheck.min;
  const fields = figures.facts.min + figures.patient.min + figures.treatment.min;
  const ratios = {
    fieldsOverExport: round(fields / figures.export.min),
    exportOverCheck: round(figures.export.min / figures.check.min),
    factsOverParseCheck: round(figures.facts.min / base),
    patientOverParseCheck: round(figures.patient.min / base),
    treatmentOverParseCheck: round(figures.treatment.min / base),
    treatmentOverSummary: round(figures.treatment.min / figures.summary.min),
  };
  log(`${n} letters, ${runs} runs; fastest round, µs a letter:`);
  for (const [k, v] of Object.entries(figures))
    log(`  ${k.padEnd(10)} ${round(v.min, 1)} (median ${round(v.median, 1)})`);
  log('  ratios', JSON.stringify(ratios));
  return {
    letters: n,
    runs,
    microsecondsPerLetter: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v.min, 1)])),
    ratios,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchFields();
