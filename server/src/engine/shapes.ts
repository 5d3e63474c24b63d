// Keeps the hidden classes of the model alive for the life of the process.
//
// V8 gives each class's objects a hidden class ("map"). A map reached only through the transitions
// that made it, `this.x = ...` in a constructor or a lazy value replacing its getter, is held
// weakly: once no object has it, the next full garbage collection drops it. Optimized code
// depends on the maps it saw, so every function optimized for the model's classes is thrown away
// with them (V8 traces it as "deoptimizing ... reason: weak objects") and runs interpreted until it
// is optimized again. A parse and a model live only as long as a document version, so that
// happened whenever a full collection came after the last model died: after a document closed (the
// server collects then, see collect.ts), or between the runs of a benchmark. A 10 MB parse after it
// took about twice as long (measured on this machine: 97 to 157 ms, against 49 to 102 ms with
// this module).
//
// A small model of a letter written for the purpose (no real one ships with the engine) is kept
// here: one with its lazy values unread, one with all of them read, one reparsed after an edit,
// and the parser and line indexes that built them: a few tens of kilobytes, built once, in 10 to
// 30 ms (most of it code run for the first time, which the first real parse would run anyway).

import { LineIndex } from './lines';
import { LogicalLines } from './parser/logicalLines';
import { lineStartsOf, parseText } from './parser/parseText';
import { JoinedText } from './text';

/** A letter in the current layout, made up, holding every part the parser builds objects for. */
export const SAMPLE_LETTER = [
  'MAXIMUS FEDERAL SERVICES',
  'Case Number: CM00-000000',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. The expert reviewer',
  'is Board Certified in Orthopedic Surgery and is licensed to practice in California.',
  'CLINICAL CASE SUMMARY',
  'The patient is a 40 year old who reported an injury to the low back. Treatment has included',
  'medication and physical therapy.',
  '',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  'SAMPLE MEDICATION 10MG #60:',
  'Overturned',
  'Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 67',
  'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG),',
  'Low Back Chapter',
  'Decision rationale: The MTUS and ODG guidelines support the medication. The request is medically',
  'necessary.',
  'PHYSICAL THERAPY X 6 VISITS: Upheld',
  'Claims Administrator guideline: Decision based on Non-MTUS Citation AMERICAN COLLEGE OF',
  'OCCUPATIONAL AND ENVIRONMENTAL MEDICINE (ACOEM), 2ND EDITION (2004)',
  'MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for the decision.',
  'Decision rationale: The guideline does not support more visits. The request is not medically',
  'necessary.',
  'SAMPLE DEVICE:  Upheld',
  'Claims Administrator guideline:',
  '',
].join('\n');

/** What is kept: anything the parse built, so that no map it used is left without an object. */
let kept: unknown;

/**
 * Builds the objects that keep the model's hidden classes alive, once per process. parseLetter
 * does it after its first parse; the language server calls it while it waits for its first
 * document, so that the first one opened does not wait for it (10 to 30 ms, most of it code run
 * for the first time).
 */
export function keepModelShapes(): void {
  if (kept !== undefined) return;
  // Set first: building parses, and a parse calls this again.
  kept = null;
  kept = sampleShapes(SAMPLE_LETTER);
}

/**
 * The objects kept: every class and lazy-value transition a parse and a reparse go through, on
 * two copies of the sample letter (a reparse moves the letters after an edit).
 */
function sampleShapes(sample: string): unknown[] {
  const two = sample + sample;
  // A space at the end of a line in the middle of the first copy: the reparse builds the first
  // letter again and moves the second.
  const at = sample.indexOf('\n', sample.length >> 1);
  const edited = two.slice(0, at) + ' ' + two.slice(at);
  const lines = new LogicalLines(two);
  const unread = parseText(two, undefined, lines);
  const read = parseText(two);
  // Reading every lazy value (JSON reads every enumerable property) replaces each getter.
  JSON.stringify(read);
  const movedUnread = parseText(edited, unread);
  const movedRead = parseText(edited, read);
  JSON.stringify(movedRead);
  const indexes = [new LineIndex(two, lineStartsOf(read)), new LineIndex(two)];
  return [
    lines,
    unread,
    read,
    movedUnread,
    movedRead,
    indexes,
    JoinedText.ofRange(two, 0, 40),
    JoinedText.ofTable(lines.lines, lines.logical, 0, 2),
  ];
}
