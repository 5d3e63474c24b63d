// Memory: what the engine and the server do so that a large document costs memory only while it
// is open, and so that the parser stays fast after the memory is given back. All of it is here or
// named here; the measurements behind each measure are in docs/performance.md, "Memory".
//
// 1. The shapes sample (this module). A hidden class V8 reaches only through the transitions that
//    made it is held weakly: once no object has it, the next full garbage collection drops it and
//    the code optimized for it, and the parser runs slowly until optimized again. A model lives
//    only as long as a document version, so a small made-up letter's models are kept for the life
//    of the process: one with its lazy values unread, one with all of them read, both reparsed
//    after an edit, and the line tables and indexes that built them.
//
//    The rule for a new model class: a class whose objects a model holds lives in
//    parser/modelObjects.ts and is exported from there, and SAMPLE_LETTER makes the parser build
//    at least one of it; reading a lazy value never changes its object's shape (lazy.ts).
//    test/unit/memory.test.ts fails when a class found in a parsed letter, or exported from
//    modelObjects.ts, has no object among those kept here.
//
// 2. Line buffers: lent for small texts only. A parse's line arrays (lineTable.ts LineTable, with
//    room for parser/logicalLines.ts logicalIndex) come, for a text of up to LENT_LINES lines, from
//    one set (lineArrays.ts LineArrays) lent to parseText until it returns; a parse within a parse,
//    or a larger text, gets arrays of its own, collected with it. The rule this imposes: nothing a
//    parse returns may hold its lines (the model keeps offsets, and a copy of the line starts of
//    its own); test/unit/memory.test.ts reads models only after other letters were parsed with
//    the same arrays. Large texts' arrays are not pooled: the server's fixed malloc mmap threshold
//    (SERVER_ENVIRONMENT in protocol.ts) gives such blocks back.
//
// 3. The collection after a large document closes, or after a pause in editing one: the server
//    asks V8 for full collections when it goes idle (server/src/node/garbageCollection.ts: it needs Node's gc(),
//    so it is not in the engine).

import { LineBreaks, LineIndex } from './lines';
import { LogicalLines } from './parser/logicalLines';
import { lineStartsOf, parseText } from './parser/parseText';
import { JoinedText } from './joinedText';

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
let kept: unknown[] | null | undefined;

/** The objects kept (built first if they were not): for the test that every model class is among them. */
export function keptShapes(): readonly unknown[] {
  keepModelShapes();
  return kept ?? [];
}

/**
 * Builds the objects that keep the model's hidden classes alive, once per process. parseLetter
 * does it after its first parse; the language server calls it while it waits for its first
 * document, so that the first one opened does not wait for it.
 */
export function keepModelShapes(): void {
  if (kept !== undefined) return;
  // Set first: building parses, and a parse calls this again.
  kept = null;
  kept = sampleShapes(SAMPLE_LETTER);
}

/**
 * The objects kept: every class and object a parse, a reparse and its lazy values build, on
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
  // Reading every lazy value (JSON reads every enumerable property) builds what they hold.
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
    new LineBreaks(two),
  ];
}
