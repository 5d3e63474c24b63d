// A partly authorized item (a modified utilization review) is named by the part left for IMR, with
// the original request and the authorized part as fields of their own: each wording of the posted
// letters, on their text as pdftotext -raw gives it (test/fixtures/extraction/) and on variants
// of it; the spans, the outline, the rules, their fixes, the formatter and the hover with it.

import * as assert from 'assert';
import type { DocumentSymbol, MarkupContent } from 'vscode-languageserver';
import { checkLetter } from '../../server/src/engine/check';
import { fixesFor } from '../../server/src/engine/fixes';
import { applyEdits, formatLetter } from '../../server/src/engine/format';
import type { DisputedItem, LetterDocument, Span } from '../../server/src/engine/model';
import { parseLetter, reparseLetter } from '../../server/src/engine/parse';
import { createContext } from '../../server/src/features/context';
import { hover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/symbols';
import { fixtureText, letterText, FIXTURES, replaceOnce, toCrlf } from './helpers';

/** Norco, wording "<part> was authorized by the Claims Administrator. The remaining IMR eligible portion ...". */
const NORCO = fixtureText('extraction', 'CM16-0234202.pdftotext-raw.txt');
/** Inpatient rehabilitation, wording "The Claims Administrator authorized <part>, leaving the original request IMR eligible. The original request, ...". */
const REHAB = fixtureText('extraction', 'CM16-0229336.pdftotext-raw.txt');
/** A posted letter with two ordinary items, Salonpas and Anecream, whose first decision line the variants replace. */
const SALONPAS = fixtureText('extraction', 'CM16-0245796.pdftotext-raw.txt');

const NORCO_LINES =
  'Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the\n' +
  'Claims Administrator. The remaining IMR eligible portion of the original request, Norco\n' +
  '10/325mg #35 is: Upheld';

interface Named {
  name: string;
  requested?: string;
  authorized?: string;
  outcome: string;
}

function named(item: DisputedItem): Named {
  return { name: item.name, requested: item.requested, authorized: item.authorized, outcome: item.outcome.kind };
}

function onlyLetterItems(text: string): { doc: LetterDocument; items: readonly DisputedItem[] } {
  const doc = parseLetter(text);
  assert.strictEqual(doc.letters.length, 1);
  return { doc, items: doc.letters[0].items };
}

const within = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end;

/** The name is where it is written, inside the decision line and the item. */
function assertSpans(doc: LetterDocument, item: DisputedItem): void {
  assert.strictEqual(doc.text.slice(item.nameRange.start, item.nameRange.end).replace(/\s+/g, ' '), item.name);
  assert.ok(within(item.nameRange, item.decisionRange), 'name inside the decision line');
  assert.ok(within(item.decisionRange, item.range), 'decision line inside the item');
}

/** SALONPAS with its first decision line replaced by `lines`. */
function salonpasWith(lines: string): string {
  return replaceOnce(SALONPAS, 'Salonpas pad #60: Upheld', lines);
}

describe('a partly authorized item: the part left for IMR is the item', () => {
  it('"<part> was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, <rest> is:" (a real letter)', () => {
    const { doc, items } = onlyLetterItems(NORCO);
    assert.deepStrictEqual(items.map(named), [
      {
        name: 'Norco 10/325mg #35',
        requested: 'Norco 10/325mg #60',
        authorized: 'Norco 10/325mg #25',
        outcome: 'upheld',
      },
    ]);
    assertSpans(doc, items[0]);
    assert.deepStrictEqual(checkLetter(doc), []);
  });

  it('"The Claims Administrator authorized <part>, leaving the original request IMR eligible. The original request, <request> is:" (a real letter)', () => {
    const { doc, items } = onlyLetterItems(REHAB);
    const rehab =
      'Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days for left foot fracture';
    assert.deepStrictEqual(items.map(named), [
      {
        name: rehab,
        requested: rehab,
        authorized: 'Skilled nursing facility for 7 days with PT/OT once a day for left foot fracture',
        outcome: 'overturned',
      },
    ]);
    assertSpans(doc, items[0]);
    assert.deepStrictEqual(checkLetter(doc), []);
  });

  const VARIANTS: ReadonlyArray<readonly [string, string, Named]> = [
    [
      'the remaining portion without "is" before the colon',
      'Eight physical therapy sessions for the lumbar was the original request. Six physical\n' +
        'therapy sessions for the lumbar was authorized by the Claims Administrator. The\n' +
        'remaining IMR eligible portion of the original request, Two physical therapy sessions for\n' +
        'the lumbar: Upheld',
      {
        name: 'Two physical therapy sessions for the lumbar',
        requested: 'Eight physical therapy sessions for the lumbar',
        authorized: 'Six physical therapy sessions for the lumbar',
        outcome: 'upheld',
      },
    ],
    [
      '"is:" and the outcome on lines of their own',
      'Partial Hospitalization day treatment was the original request. The Claims Administrator\n' +
        'authorized an Evaluation only for a Partial Hospitalization day treatment, leaving the\n' +
        'original request IMR eligible. The original request, Partial Hospitalization day treatment\n' +
        'is:\nUpheld',
      {
        name: 'Partial Hospitalization day treatment',
        requested: 'Partial Hospitalization day treatment',
        authorized: 'an Evaluation only for a Partial Hospitalization day treatment',
        outcome: 'upheld',
      },
    ],
    [
      'every sentence ending its line (the name reaches back over the formula\u2019s sentence ends)',
      'Physical therapy for 12 sessions was the original request.\n' +
        'Physical therapy for 6 sessions was authorized by the Claims Administrator.\n' +
        'The remaining IMR eligible portion of the original request, Physical therapy for 6 sessions is: Upheld',
      {
        name: 'Physical therapy for 6 sessions',
        requested: 'Physical therapy for 12 sessions',
        authorized: 'Physical therapy for 6 sessions',
        outcome: 'upheld',
      },
    ],
    [
      'sentences broken before their last words ("Claims Administrator.", "request IMR eligible.")',
      'Acupuncture 18 sessions was the original request. Acupuncture 6 sessions was authorized by the\n' +
        'Claims Administrator.\n' +
        'The remaining IMR eligible portion of the original request, Acupuncture 12 sessions is: Upheld',
      {
        name: 'Acupuncture 12 sessions',
        requested: 'Acupuncture 18 sessions',
        authorized: 'Acupuncture 6 sessions',
        outcome: 'upheld',
      },
    ],
    [
      '"leaving the original request IMR eligible." ending its line',
      'Spinal cord stimulator trial was the original request. The Claims Administrator authorized a\n' +
        'psychological evaluation, leaving the original\n' +
        'request IMR eligible.\n' +
        'The original request, Spinal cord stimulator trial is: Upheld',
      {
        name: 'Spinal cord stimulator trial',
        requested: 'Spinal cord stimulator trial',
        authorized: 'a psychological evaluation',
        outcome: 'upheld',
      },
    ],
    [
      '"The original request, <request> is:" alone: the request is the item',
      'The original request, Physical therapy to the low back two sessions is: Upheld',
      {
        name: 'Physical therapy to the low back two sessions',
        requested: 'Physical therapy to the low back two sessions',
        authorized: undefined,
        outcome: 'upheld',
      },
    ],
    [
      'the remaining portion alone: no original request stated, none guessed',
      'The remaining IMR eligible portion of the original request, Norco 10/325mg #25 is: Upheld',
      { name: 'Norco 10/325mg #25', requested: undefined, authorized: undefined, outcome: 'upheld' },
    ],
    [
      'an ordinary item that mentions an original request keeps its name',
      'Refill of Norco as in the original request: Upheld',
      {
        name: 'Refill of Norco as in the original request',
        requested: undefined,
        authorized: undefined,
        outcome: 'upheld',
      },
    ],
  ];

  for (const [title, lines, want] of VARIANTS) {
    it(title, () => {
      for (const [variant, text] of [
        ['LF', salonpasWith(lines)],
        ['CRLF', toCrlf(salonpasWith(lines))],
        ['double spaced', salonpasWith(lines).replace(/\n/g, '\n\n')],
      ]) {
        const { doc, items } = onlyLetterItems(text);
        assert.deepStrictEqual(
          items.map(named),
          [want, { name: 'Anecream cream 4% #30', requested: undefined, authorized: undefined, outcome: 'upheld' }],
          variant,
        );
        assertSpans(doc, items[0]);
        assert.deepStrictEqual(
          checkLetter(doc).map((f) => f.code),
          [],
          variant,
        );
      }
    });
  }

  it('in a letter of the other layout family too (double spaced, the Layout A letters)', () => {
    const text = replaceOnce(
      letterText(FIXTURES.familyPractice),
      'Lexapro 20mg, 1 daily for 12 months: Upheld',
      'Lexapro 20mg #60 was the original request. Lexapro 20mg #30 was authorized by the \n\n' +
        'Claims Administrator. The remaining IMR eligible portion of the original request, Lexapro \n\n' +
        '20mg #30 is: Upheld',
    );
    const { doc, items } = onlyLetterItems(text);
    assert.deepStrictEqual(named(items[0]), {
      name: 'Lexapro 20mg #30',
      requested: 'Lexapro 20mg #60',
      authorized: 'Lexapro 20mg #30',
      outcome: 'upheld',
    });
    assertSpans(doc, items[0]);
  });

  it('the outline names the item by the part, its selection inside its range', () => {
    const ctx = createContext('file:///x.txt', 1, NORCO, 'imr-letter');
    const all: DocumentSymbol[] = [];
    const walk = (list: readonly DocumentSymbol[]) => {
      for (const s of list) {
        all.push(s);
        walk(s.children ?? []);
      }
    };
    walk(documentSymbols(ctx));
    const item = all.find((s) => s.name.includes('Norco'));
    assert.ok(item, all.map((s) => s.name).join('\n'));
    assert.match(item.name, /Norco 10\/325mg #35$/);
    assert.doesNotMatch(item.name, /original request/);
    const r = item.range;
    const sel = item.selectionRange;
    const le = (a: typeof r.start, b: typeof r.start) =>
      a.line < b.line || (a.line === b.line && a.character <= b.character);
    assert.ok(le(r.start, sel.start) && le(sel.end, r.end), 'selectionRange inside range');
    assert.deepStrictEqual(sel.end, {
      line: NORCO.slice(0, NORCO.indexOf('#35 is:')).split('\n').length - 1,
      character: 12,
    });
  });

  it('missing-decision names the part and its fix writes the outcome after "is:"', () => {
    const text = salonpasWith(NORCO_LINES.replace(' Upheld', ''));
    const doc = parseLetter(text);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(
      findings.map((f) => f.message),
      ['The decision for "Norco 10/325mg #35" has no outcome: expected "Upheld" or "Overturned".'],
    );
    assert.ok(within(findings[0].range, doc.letters[0].items[0].range));
    const fix = fixesFor(doc, findings[0]).find((f) => f.title.startsWith('Add the outcome "Upheld"'));
    assert.ok(fix);
    const fixed = parseLetter(applyEdits(text, fix.edits));
    assert.deepStrictEqual(named(fixed.letters[0].items[0]), {
      name: 'Norco 10/325mg #35',
      requested: 'Norco 10/325mg #60',
      authorized: 'Norco 10/325mg #25',
      outcome: 'upheld',
    });
    assert.deepStrictEqual(checkLetter(fixed), []);
  });

  it('duplicate-item compares the parts left for IMR, and points at the second one', () => {
    const text = replaceOnce(
      salonpasWith(NORCO_LINES),
      'Anecream cream 4% #30: Upheld',
      'Norco 10/325mg #90 was the original request. Norco 10/325mg #55 was authorized by the\n' +
        'Claims Administrator. The remaining IMR eligible portion of the original request, Norco\n' +
        '10/325mg #35 is: Upheld',
    );
    const doc = parseLetter(text);
    const items = doc.letters[0].items;
    assert.deepStrictEqual(
      items.map((i) => [i.name, i.requested]),
      [
        ['Norco 10/325mg #35', 'Norco 10/325mg #60'],
        ['Norco 10/325mg #35', 'Norco 10/325mg #90'],
      ],
    );
    const duplicates = checkLetter(doc).filter((f) => f.code === 'duplicate-item');
    assert.strictEqual(duplicates.length, 1);
    assert.deepStrictEqual(duplicates[0].range, items[1].nameRange);
  });

  it('Format Document keeps the paragraph and reads the same item after', () => {
    for (const text of [NORCO, REHAB, salonpasWith(NORCO_LINES).replace(/\n/g, '\n\n'), toCrlf(NORCO)]) {
      const before = parseLetter(text).letters[0].items.map(named);
      const formatted = formatLetter(text);
      assert.deepStrictEqual(parseLetter(formatted).letters[0].items.map(named), before);
      assert.strictEqual(formatLetter(formatted), formatted, 'formatting twice changes nothing more');
    }
  });

  it('an edit in the letter before moves the item with its fields (reparseLetter)', () => {
    const text = SALONPAS + '\n' + NORCO;
    const before = parseLetter(text);
    assert.strictEqual(before.letters.length, 2);
    const at = text.indexOf('patient was able to tolerate');
    assert.ok(at > 0);
    const edited = text.slice(0, at) + 'injured worker, who ' + text.slice(at);
    const after = reparseLetter(edited, before);
    const item = after.letters[1].items[0];
    assert.deepStrictEqual(named(item), named(before.letters[1].items[0]));
    assertSpans(after, item);
    assert.deepStrictEqual(after.letters[1].items.map(named), parseLetter(edited).letters[1].items.map(named));
  });

  it('the hover shows the request and the authorized part, escaped, over the whole decision paragraph', () => {
    const text = salonpasWith(
      '*Norco* <b>10/325mg</b> #60 was the original request. [Norco](command:x) #25 was authorized by the\n' +
        'Claims Administrator. The remaining IMR eligible portion of the original request, Norco\n' +
        '10/325mg #35 is: Upheld',
    );
    const ctx = createContext('file:///x.txt', 1, text, 'imr-letter');
    const at = (needle: string) => {
      const offset = text.indexOf(needle);
      const h = hover(ctx, ctx.lines.positionAt(offset));
      return h ? (h.contents as MarkupContent).value : undefined;
    };
    const md = at('10/325mg #35');
    assert.ok(md);
    assert.ok(
      md.startsWith(
        '**Upheld**: Norco 10/325mg \\#35\n\n' +
          'Requested: \\*Norco\\* &lt;b&gt;10/325mg&lt;/b&gt; \\#60  \n' +
          'Authorized by the claims administrator: \\[Norco\\]\\(command:x\\) \\#25\n\n',
      ),
      md,
    );
    assert.strictEqual(at('was the original request'), md, 'the same hover over the first sentence');
  });
});
