// Generators for the property tests: real letters read from test/fixtures at test time and then
// damaged the way files get damaged (lines lost, doubled or swapped; control characters, odd line
// breaks, bidi marks, emoji and lone surrogates pasted in; case changed; cut off), letter-shaped
// texts assembled from the words the parser looks for, and arbitrary UTF-16 strings.
//
// CI runs every property with a fixed seed and a bounded number of runs; `npm run fuzz` runs the
// same properties with FUZZ_SEED (random, printed) and FUZZ_RUNS.

import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The seed CI uses: fixed, so a failure in CI reproduces on any machine. */
export const CI_SEED = 20_240_607;

export interface Fixture {
  readonly name: string;
  readonly text: string;
}

function readDir(dir: string): Fixture[] {
  const full = path.join(ROOT, 'test', 'fixtures', dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(full, f), 'utf8') }));
}

/** The real letters, the deliberately malformed ones and the plain-text files that are not letters. */
export function fixtures(): { letters: Fixture[]; all: Fixture[] } {
  const letters = readDir('letters');
  if (letters.length === 0) throw new Error('no fixture letters under test/fixtures/letters');
  return { letters, all: [...letters, ...readDir('malformed'), ...readDir('non-letters')] };
}

/**
 * Run parameters for one property. `runs` is what the property can afford in CI (the whole
 * property suite has to stay under about two minutes on two cores); FUZZ_RUNS replaces it.
 */
export function params<T>(runs: number, examples?: T[]): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : CI_SEED;
  const fuzzRuns = process.env.FUZZ_RUNS !== undefined ? Number(process.env.FUZZ_RUNS) : undefined;
  const numRuns = fuzzRuns !== undefined && fuzzRuns > 0 ? fuzzRuns : runs;
  countRuns(numRuns + (examples?.length ?? 0));
  return { seed, numRuns, examples };
}

let totalRuns = 0;
function countRuns(n: number): void {
  totalRuns += n;
}
/** Generated cases asked for so far (reported at the end of the suite). */
export function generatedCases(): number {
  return totalRuns;
}

// ---------------------------------------------------------------------------------------------
// Pieces of hostile text

/** Any UTF-16 code unit, lone surrogates and NUL included. */
export const codeUnit: fc.Arbitrary<string> = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const CONTROL = ['\f', '\r\n', '\r', '\n', '\t', '\v', '\0', '\u0085', '\u2028', '\u2029', '\u000b', '\u001b[31m'];
const UNICODE = [
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\udc00\ud800', // surrogates in the wrong order
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u200b', // zero-width space
  '\ufeff', // byte order mark
  '\u00a0', // no-break space
  '\u2028', // line separator: white space to \s, a line terminator to '.', not a line break in LSP
  '\u0085', // next line (NEL): not a line break in LSP either
  '\u3000', // ideographic space
  '\u0301', // combining accent with nothing to combine with
  '\ud83d\ude00', // 😀
  '\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67', // family emoji (ZWJ sequence)
  '\u0130', // İ: changes length when lower-cased
  '\u00df', // ß: changes length when upper-cased
  '\ufb03', // ﬃ ligature: upper-cases to three letters
];
/** The words the parser looks for, so mutations hit its decisions and not only its fallbacks. */
export const LETTER_WORDS = [
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'CLINICAL CASE SUMMARY',
  'DOCUMENTS REVIEWED',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'IMR DECISION(S) AND RATIONALE(S)',
  'INDEPENDENT MEDICAL REVIEW DECISIONS AND RATIONALES',
  'MAXIMUS FEDERAL SERVICES, INC.',
  'MEDICAL PROFESSIONAL REVIEW',
  'Notice of Independent Medical Review Determination',
  'ISSUE AT DISPUTE:',
  'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
  'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY THE PROFESSIONAL REVIEWER AND WHY:',
  'MEDICAL REVIEWER QUALIFICATIONS:',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  'Case Number: CM13-0012345',
  'Case Number:',
  'Claims Administrator guideline:',
  'MAXIMUS guideline:',
  'Decision rationale:',
  'Rationale for the Decision:',
  'Medical Treatment Guideline(s) used by the Expert Reviewer:',
  'Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 78-80.',
  'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain (Chronic), Methadone',
  'Decision based on MTUS ACOEM Chapter 12, page 303',
  'MTUS Guidelines page 24',
  'Lexapro 20mg, 1 daily for 12 months: Upheld',
  'Physical therapy x 12: Overturned',
  'Acupuncture: Uphled',
  'Upheld',
  'Overturned',
  ':',
  'is not medically necessary',
  'is medically necessary and appropriate',
  '1) MAXIMUS Federal Services, Inc. has determined the request for X is not medically necessary',
  '1) Regarding the request for X:',
  'Page 2 of 5',
  'CM13-0012345',
  'The expert reviewer is Board Certified in Psychiatry and is licensed to practice in California.',
  'State(s) of Licensure: California',
  'Certification(s)/Specialty: Psychiatry',
];
/** Markdown and HTML that must never become live in a hover. */
export const MARKUP = [
  '[x](command:workbench.action.openSettings)',
  '[click](command:workbench.action.terminal.new?%5B%5D)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '`code`',
  '```',
  '**bold**',
  '_under_',
  '*',
  '_',
  '\\',
  '<!--',
  '&lt;',
  '![i](http://example.invalid/x.png)',
];

export const snippet: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...CONTROL), weight: 4 },
  { arbitrary: fc.constantFrom(...UNICODE), weight: 4 },
  { arbitrary: fc.constantFrom(...LETTER_WORDS), weight: 4 },
  { arbitrary: fc.constantFrom(...MARKUP), weight: 2 },
  { arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }), weight: 2 },
  // A very long line: PDF extraction sometimes emits a whole page as one line.
  {
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'x ', 'Upheld ', ':', ' ', '\u00a0'), fc.integer({ min: 500, max: 60_000 }))
      .map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
    weight: 1,
  },
);

// ---------------------------------------------------------------------------------------------
// Mutations of real letters

export type Mutation =
  | { op: 'delete-line'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'move-line'; from: number; to: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'replace-line'; at: number; text: string }
  | { op: 'delete-range'; at: number; length: number }
  | { op: 'line-case'; at: number; upper: boolean }
  | { op: 'document-case'; upper: boolean }
  | { op: 'line-breaks'; eol: '\n' | '\r\n' | '\r' }
  | { op: 'truncate'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('move-line' as const), from: fc.nat(), to: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: snippet }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('replace-line' as const), at: fc.nat(), text: snippet }), weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('delete-range' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 400 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('line-case' as const), at: fc.nat(), upper: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('document-case' as const), upper: fc.boolean() }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('line-breaks' as const),
      eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }), weight: 1 },
);

/** Lines with their line breaks attached, so joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function changeCase(s: string, upper: boolean): string {
  return upper ? s.toUpperCase() : s.toLowerCase();
}

export function applyMutation(text: string, m: Mutation): string {
  const lines = linesOf(text);
  const n = lines.length;
  switch (m.op) {
    case 'delete-line':
      if (n > 0) lines.splice(m.at % n, 1);
      return lines.join('');
    case 'duplicate-line':
      if (n > 0) lines.splice(m.at % n, 0, lines[m.at % n]);
      return lines.join('');
    case 'swap-lines':
      if (n > 0) [lines[m.a % n], lines[m.b % n]] = [lines[m.b % n], lines[m.a % n]];
      return lines.join('');
    case 'move-line': {
      if (n === 0) return text;
      const [line] = lines.splice(m.from % n, 1);
      lines.splice(m.to % n, 0, line);
      return lines.join('');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'replace-line': {
      if (n === 0) return m.text;
      const i = m.at % n;
      const eol = /(?:\r\n|\r|\n)$/.exec(lines[i])?.[0] ?? '';
      lines[i] = m.text + eol;
      return lines.join('');
    }
    case 'delete-range': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'line-case':
      if (n > 0) lines[m.at % n] = changeCase(lines[m.at % n], m.upper);
      return lines.join('');
    case 'document-case':
      return changeCase(text, m.upper);
    case 'line-breaks':
      return text.replace(/\r\n|\r|\n/g, m.eol);
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
  }
}

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}

/** A fixture letter with a few mutations applied; the value keeps its recipe so a failure names it. */
export function mutatedLetter(
  from: readonly Fixture[],
  maxMutations = 6,
): fc.Arbitrary<{ fixture: string; mutations: Mutation[]; text: string }> {
  return fc
    .tuple(fc.constantFrom(...from), fc.array(mutation, { minLength: 1, maxLength: maxMutations }))
    .map(([f, mutations]) => ({ fixture: f.name, mutations, text: applyMutations(f.text, mutations) }));
}

// ---------------------------------------------------------------------------------------------
// Texts made from scratch

/** Arbitrary UTF-16 text, lone surrogates and control characters included. */
// size 'large': fast-check's default ('small') keeps strings to about ten characters.
export const anyText: fc.Arbitrary<string> = fc.string({ unit: codeUnit, maxLength: 3000, size: 'large' });

/** Lines built from the parser's own vocabulary, so structure (headings, items, parts) appears in odd orders. */
const vocabularySoup: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...LETTER_WORDS), weight: 6 },
        { arbitrary: fc.constantFrom('', ' ', '', '\f'), weight: 3 },
        {
          arbitrary: fc
            .tuple(
              fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
              fc.constantFrom('Upheld', 'Overturned', 'Uphled', 'denied', 'X', ''),
            )
            .map(([name, o]) => `${name}: ${o}`),
          weight: 3,
        },
        { arbitrary: fc.lorem({ maxCount: 12 }), weight: 2 },
        { arbitrary: snippet, weight: 1 },
      ),
      { maxLength: 60, size: 'medium' },
    ),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n'),
  )
  .map(([lines, eol]) => lines.join(eol));

/** A piece of text that may carry Markdown, HTML, control characters or nothing special at all. */
export const hostileWords: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.lorem({ maxCount: 4 }), weight: 3 },
  { arbitrary: fc.constantFrom(...MARKUP), weight: 3 },
  {
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...MARKUP), fc.lorem({ maxCount: 2 }), fc.constantFrom(...UNICODE)), {
        minLength: 1,
        maxLength: 5,
      })
      .map((a) => a.join(' ')),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: codeUnit, minLength: 1, maxLength: 20 }).filter((s) => !/[\r\n]/.test(s)), weight: 1 },
);

const SOURCES = [
  'MTUS Chronic Pain Treatment Guidelines',
  'Non-MTUS Citation Official Disability Guidelines (ODG)',
  'MTUS ACOEM Chapter 12',
  'Non-MTUS Citation ACOEM',
  'MTUS',
  'Non-MTUS Citation',
];

export interface LetterSkeleton {
  items: Array<{
    name: string;
    outcome: string;
    parts: Array<{
      kind: 'claims-administrator-guideline' | 'reviewer-guideline' | 'rationale';
      label: string;
      body: string;
    }>;
    /** The rationale's closing phrase, when the item has a rationale. */
    conclusion?: string;
    /** Whether the guideline clauses cite the MTUS. */
    mtus: boolean;
  }>;
}

const GOOD_OUTCOMES = ['Upheld', 'Overturned', 'upheld', 'OVERTURNED', 'Overturned.'];
const ANY_OUTCOMES = [...GOOD_OUTCOMES, 'Uphled', 'Denied', ''];
const PART_KINDS = ['claims', 'reviewer', 'rationale'] as const;

function letterArbitrary(wellFormed: boolean): fc.Arbitrary<{ text: string; skeleton: LetterSkeleton }> {
  return fc
    .record({
      items: fc.array(
        fc.record({
          // A well-formed item's name starts with words, so it cannot be mistaken for a heading, a label or page noise.
          name: wellFormed
            ? fc.tuple(fc.lorem({ maxCount: 2 }), hostileWords).map(([a, b]) => `${a} ${b}`)
            : hostileWords,
          outcome: fc.constantFrom(...(wellFormed ? GOOD_OUTCOMES : ANY_OUTCOMES)),
          wrapOutcome: fc.boolean(),
          // In order (subarray) when well-formed; in any order otherwise.
          parts: wellFormed ? fc.subarray([...PART_KINDS], { minLength: 1 }) : fc.shuffledSubarray([...PART_KINDS]),
          // A well-formed topic has words: a clause that names nothing (`Decision based on Non-MTUS Citation`) cites nothing.
          topic: wellFormed
            ? fc.tuple(fc.lorem({ maxCount: 2 }), hostileWords).map(([a, b]) => `${a} ${b}`)
            : hostileWords,
          source: fc.constantFrom(...SOURCES),
          pages: fc.option(fc.constantFrom('Page(s): 78-80', 'page 303', 'Pages 14, 16 and 18', '24'), {
            nil: undefined,
          }),
          rationale: hostileWords,
          conclusion: fc.constantFrom(
            'is medically necessary',
            'is not medically necessary',
            'is not medically reasonable and necessary',
            '',
          ),
        }),
        { maxLength: 6 },
      ),
      doubleSpaced: fc.boolean(),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      caseHeader: fc.boolean(),
    })
    .map((g) => {
      const lines: string[] = [];
      if (g.caseHeader) lines.push('Case Number: CM13-0012345', '');
      lines.push(
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        'The expert reviewer is Board Certified in Psychiatry and is licensed to practice in California.',
        '',
      );
      lines.push('CLINICAL CASE SUMMARY', 'A case summary.', '');
      lines.push(
        'IMR ISSUES, DECISIONS AND RATIONALES',
        'The Final Determination was based on decisions for the disputed items/services set forth below:',
        '',
      );
      const skeleton: LetterSkeleton = { items: [] };
      for (const it of g.items) {
        if (it.wrapOutcome && it.outcome) lines.push(`${it.name}:`, it.outcome, '');
        else lines.push(`${it.name}: ${it.outcome}`, '');
        const parts: LetterSkeleton['items'][number]['parts'] = [];
        for (const p of it.parts) {
          const citation = `Decision based on ${it.source} ${it.topic}${it.pages ? ' ' + it.pages : ''}`;
          if (p === 'claims')
            parts.push({
              kind: 'claims-administrator-guideline',
              label: 'Claims Administrator guideline:',
              body: citation,
            });
          else if (p === 'reviewer')
            parts.push({ kind: 'reviewer-guideline', label: 'MAXIMUS guideline:', body: citation });
          else
            parts.push({
              kind: 'rationale',
              label: 'Decision rationale:',
              body: `${it.rationale} According to MTUS Guidelines page 24, ${it.topic}. The request ${it.conclusion}.`,
            });
        }
        for (const p of parts) lines.push(`${p.label} ${p.body}`, '');
        skeleton.items.push({
          name: it.name,
          outcome: it.outcome,
          parts,
          conclusion: it.parts.includes('rationale') ? it.conclusion : undefined,
          mtus: it.source.startsWith('MTUS'),
        });
      }
      const body = g.doubleSpaced ? lines.flatMap((l) => (l === '' ? [' '] : [l, ''])) : lines;
      return { text: body.join(g.eol), skeleton };
    });
}

/**
 * A letter in the standard layout whose items, outcomes, citations and rationales come from the
 * generators: names, citation topics and rationales carry Markdown and HTML, parts go missing or
 * come in the wrong order, outcomes are misspelt, the text is single- or double-spaced.
 */
export const generatedLetter = letterArbitrary(false);

/** The same, but well-formed: every item has a name, a valid outcome and its parts in order, so the parser must read it back exactly. */
export const wellFormedLetter = letterArbitrary(true);

/**
 * Letters in the other layouts (letterhead, professional review form, 2013 notice, posted letter
 * with a case header), with hostile words where the letter names items, cites guidelines and reasons.
 */
export const otherLayoutLetter: fc.Arbitrary<string> = fc
  .record({
    layout: fc.constantFrom('letterhead', 'professional-review', 'notice-2013', 'case-header'),
    names: fc.array(hostileWords, { minLength: 1, maxLength: 4 }),
    topic: hostileWords,
    rationale: hostileWords,
    necessary: fc.boolean(),
    wrapHeadings: fc.boolean(),
    doubleSpaced: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map((g) => {
    const not = g.necessary ? '' : 'not ';
    const lines: string[] = [];
    const wrap = (heading: string) => {
      if (!g.wrapHeadings) return lines.push(heading);
      const at = heading.indexOf(' ', heading.length >> 1);
      return at > 0 ? lines.push(heading.slice(0, at), heading.slice(at + 1)) : lines.push(heading);
    };
    switch (g.layout) {
      case 'professional-review':
        lines.push(
          'MEDICAL PROFESSIONAL REVIEW',
          '',
          `ISSUE AT DISPUTE: ${g.names[0]}. ${g.names.slice(1).join(' ')}`,
          '',
          'CASE SUMMARY: A summary.',
          '',
        );
        wrap('MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:');
        lines.push(`Decision based on MTUS Chronic Pain Treatment Guidelines ${g.topic} Page(s): 78-80`, '');
        wrap('RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:');
        lines.push(
          `${g.rationale} per the ACOEM Chapter 12, page 303. ${g.topic}. It is ${not}medically necessary.`,
          '',
        );
        lines.push(
          'MEDICAL REVIEWER QUALIFICATIONS:',
          'State(s) of Licensure: California',
          'Certification(s)/Specialty: Psychiatry',
        );
        break;
      case 'notice-2013':
        lines.push('MAXIMUS FEDERAL SERVICES, INC.', 'Notice of Independent Medical Review Determination', '');
        wrap('INDEPENDENT MEDICAL REVIEW DECISIONS AND RATIONALES');
        g.names.forEach((n, i) =>
          lines.push(
            `${i + 1}) MAXIMUS Federal Services, Inc. has determined the request for ${n} is ${i % 2 === 0 ? not : ''}medically necessary and appropriate.`,
          ),
        );
        lines.push('');
        g.names.forEach((n, i) => {
          lines.push(`${i + 1}) Regarding the request for ${n}:`);
          lines.push(
            `Medical Treatment Guideline(s) used by the Claims Administrator: Decision based on MTUS ${g.topic}`,
          );
          lines.push(
            `Medical Treatment Guideline(s) used by the Expert Reviewer: Decision based on Non-MTUS Citation ODG ${g.topic}`,
          );
          lines.push(`Rationale for the Decision: ${g.rationale} The request is ${not}medically necessary.`, '');
        });
        lines.push(
          'Medical Qualifications of the Expert Reviewer:',
          'The expert reviewer is Board Certified in Psychiatry and is licensed to practice in California.',
        );
        break;
      default:
        if (g.layout === 'case-header')
          lines.push('Case Number: CM13-0012345', `Date Assigned: ${g.topic}`, 'UR Denial Date: 1/2/2013', '');
        else lines.push('MAXIMUS FEDERAL SERVICES, INC.', 'Independent Medical Review', '');
        lines.push(
          'HOW THE IMR FINAL DETERMINATION WAS MADE',
          'The Expert Reviewer has the following credentials:',
          `State(s) of Licensure: ${g.topic}`,
          'Certification(s)/Specialty: Psychiatry',
          '',
        );
        if (g.layout === 'letterhead') lines.push('DOCUMENTS REVIEWED', `${g.rationale}`, '');
        wrap(g.layout === 'letterhead' ? 'IMR DECISION(S) AND RATIONALE(S)' : 'IMR ISSUES, DECISIONS AND RATIONALES');
        for (const n of g.names) {
          lines.push(`${n}: ${g.necessary ? 'Overturned' : 'Upheld'}`, 'Page 2 of 5', '');
          lines.push(`Claims Administrator guideline: Decision based on MTUS ${g.topic}`, 'CM13-0012345');
          lines.push(
            `MAXIMUS guideline: Decision based on Non-MTUS Citation ${g.topic}; ODG Pain Section(s): ${g.topic}`,
            '',
          );
          lines.push(
            `Decision rationale: ${g.rationale} The MTUS Guidelines in ACOEM Chapter 12, pages 303-305. It is ${not}medically necessary.`,
            '',
          );
        }
    }
    const body = g.doubleSpaced ? lines.flatMap((l) => (l === '' ? [' '] : [l, ''])) : lines;
    return body.join(g.eol);
  });

/** Letter-shaped text: generated letters, some with vocabulary lines spliced in, and vocabulary soup. */
export const letterShapedText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: generatedLetter.map((g) => g.text), weight: 3 },
  { arbitrary: otherLayoutLetter, weight: 2 },
  {
    arbitrary: fc
      .tuple(otherLayoutLetter, fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([t, ms]) => applyMutations(t, ms)),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(generatedLetter, fc.array(mutation, { minLength: 1, maxLength: 4 }))
      .map(([g, ms]) => applyMutations(g.text, ms)),
    weight: 3,
  },
  { arbitrary: vocabularySoup, weight: 2 },
);
