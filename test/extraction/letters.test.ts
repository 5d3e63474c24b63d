// Every real posted letter (test/fixtures/letters-pdf/) as each common extractor and the project's
// own PDF reader give its text:
// the disputed items and outcomes the letter states (a partly authorized item's original request
// and authorized part too), its case number and header dates (as printed
// and as ISO dates), the reviewer's specialty, where the expected values hold them the patient,
// the reviewer's licensure and the items' treatment categories, and no problem reported, since
// these letters are well formed. The expected values were written from the letters
// (test/fixtures/letters-pdf/expected/), not from the parser.

import * as assert from 'assert';
import { checkLetter } from '../../server/src/engine/check';
import { isLetter } from '../../server/src/engine/detect';
import type { LetterDocument } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import { treatmentOf } from '../../server/src/engine/treatmentCategories';
import { HEADER_FIELDS, isoOfPrinted, postedLetters } from './expected';
import { itUnlessPending, pendingReason } from './pending';
import { COMMAND, extractAll, TOOLS } from './tools';

const LETTERS = postedLetters();

/** A header field's name compared without case or spacing (a label may be split over two lines). */
function fieldKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

for (const tool of TOOLS) {
  describe(`${COMMAND[tool]}: the real posted letters`, function () {
    // First run: every PDF through the tool (pdf.js takes about half a second a letter).
    this.timeout(300_000);
    const texts = new Map<string, string>();
    const docs = new Map<string, LetterDocument>();

    before(async () => {
      const extracted = await extractAll(
        tool,
        LETTERS.map((l) => l.pdf),
      );
      for (const letter of LETTERS) {
        const text = extracted.get(letter.pdf)!;
        texts.set(letter.name, text);
        docs.set(letter.name, parseLetter(text));
      }
    });

    for (const { name, expected } of LETTERS) {
      describe(name, () => {
        const pending = (check: Parameters<typeof pendingReason>[1]) => pendingReason(tool, check, name);

        itUnlessPending('one letter, with the disputed items and outcomes it states', pending('items'), () => {
          const doc = docs.get(name)!;
          assert.strictEqual(doc.letters.length, 1, 'letters found');
          assert.deepStrictEqual(
            doc.letters[0].items.map((i) => ({
              name: i.name,
              requested: i.requested,
              authorized: i.authorized,
              outcome: i.outcome.kind,
            })),
            expected.items.map((i) => ({
              name: i.name,
              requested: i.requested,
              authorized: i.authorized,
              outcome: i.outcome.toLowerCase(),
            })),
          );
        });

        itUnlessPending('its case number and the header dates and priority', pending('header'), () => {
          const letter = docs.get(name)!.letters[0];
          assert.ok(letter, 'no letter found');
          assert.strictEqual(letter.caseNumber, expected.caseNumber);
          const header = new Map(letter.header.map((f) => [fieldKey(f.name), f.value]));
          for (const [label, key] of HEADER_FIELDS)
            assert.strictEqual(header.get(fieldKey(label)), expected[key], `${label}:`);
        });

        itUnlessPending("the reviewer's specialty", pending('specialty'), () => {
          const letter = docs.get(name)!.letters[0];
          assert.ok(letter, 'no letter found');
          assert.deepStrictEqual(letter.reviewer?.specialties, expected.specialties);
        });

        itUnlessPending(
          'the header facts as dates, and the patient, licensure and categories written',
          pending('fields'),
          () => {
            const letter = docs.get(name)!.letters[0];
            assert.ok(letter, 'no letter found');
            const f = letter.facts;
            assert.deepStrictEqual(
              [f.dateAssigned, f.decisionDate, f.dateOfInjury, f.urDenialDate, f.applicationReceived, f.priority],
              [
                isoOfPrinted(expected.dateAssigned),
                isoOfPrinted(expected.decisionDate),
                isoOfPrinted(expected.dateOfInjury),
                isoOfPrinted(expected.urDenialDate),
                isoOfPrinted(expected.applicationReceived),
                expected.priority,
              ],
            );
            if (expected.licensure) assert.deepStrictEqual(letter.reviewer?.licensure, expected.licensure);
            if (expected.patient) assert.deepStrictEqual({ ...letter.patient }, expected.patient);
            letter.items.forEach((item, i) => {
              const want = expected.items[i];
              if (want?.category === undefined) return;
              const got = treatmentOf(item.name);
              assert.deepStrictEqual(
                { category: got.category, subcategory: got.subcategory, drug: got.drug, quantity: got.quantity },
                {
                  category: want.category,
                  subcategory: want.subcategory,
                  drug: want.drug ?? null,
                  quantity: want.quantity ?? null,
                },
                item.name,
              );
            });
          },
        );

        itUnlessPending('a letter with no problem reported', pending('clean'), () => {
          assert.ok(isLetter(texts.get(name)!), 'not recognized as a letter');
          const findings = checkLetter(docs.get(name)!);
          assert.deepStrictEqual(
            findings.map((f) => `${f.code}: ${f.message}`),
            [],
          );
        });
      });
    }
  });
}
