// An item's place in the DWC's taxonomy never depends on the tool that pulled the letter's text out
// of its PDF (issue 28): the item names of the 39 posted letters and the hard cases of
// docs/treatment-categories.md, changed the way extraction tools change text (spacing and line
// breaks inside a name, ligatures, a word run into its strength as in `Klonopin2mg#30`,
// non-breaking spaces), keep their category, subcategory, drug class and drug.

import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { treatmentOf } from '../../server/src/engine/treatmentCategories';
import { params, ROOT } from './arbitraries';

/** The posted letters' items, as the hand-written expectations name them. */
function postedItemNames(): string[] {
  const dir = path.join(ROOT, 'test', 'fixtures', 'letters-pdf', 'expected');
  return fs
    .readdirSync(dir)
    .filter((f) => /^CM\d{2}-\d{7}\.json$/.test(f))
    .flatMap((f) =>
      (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { items: Array<{ name: string }> }).items.map(
        (i) => i.name,
      ),
    );
}

/** Names the conventions are for, each with a word that a tool may change. */
const HARD_CASES = [
  'Klonopin 2mg #30',
  'Flurbiprofen 20%/Lidocaine 5% cream 180g',
  'Toradol 60mg IM injection',
  'Kenalog injection to the left shoulder',
  'Synvisc-One injection to the right knee',
  'Pre-op labs: CBC, CMP',
  'Associated surgical service: 2 day inpatient stay',
  'Spine surgery evaluation for the lumbar',
  'Functional restoration program 160 hours',
  'Refill of Xanax 1mg, QTY: 90',
  'Fentanyl 25mcg patch #10',
];

/** `pick(k)`: whether the k-th candidate place is changed. */
type Picker = (k: number) => boolean;
const picker: fc.Arbitrary<Picker> = fc
  .array(fc.boolean(), { minLength: 1, maxLength: 24 })
  .map((choices) => (k: number) => choices[k % choices.length]);

const SPACES = [' ', '  ', '\n', ' \n', '\u00a0', '\t'];
const LIGATURES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ffi/g, '\ufb03'],
  [/fi/g, '\ufb01'],
  [/fl/g, '\ufb02'],
];

/** The name as a tool may give it: spaces changed, ligatures kept, words run into their numbers. */
function extracted(name: string, pick: Picker, spaces: readonly number[]): string {
  let k = 0;
  let s = name.replace(/ /g, () => SPACES[spaces[k++ % spaces.length] % SPACES.length]);
  for (const [pattern, ligature] of LIGATURES) s = s.replace(pattern, (m) => (pick(k++) ? ligature : m));
  return s.replace(/([A-Za-z]{3,})\s+(?=\d)/g, (m, word: string) => (pick(k++) ? word : m));
}

function place(name: string): unknown {
  const t = treatmentOf(name);
  return { category: t.category, subcategory: t.subcategory, drugClass: t.drugClass, drug: t.drug };
}

describe("an item's category never depends on the extraction tool (fast-check, issue 28)", () => {
  const names = [...postedItemNames(), ...HARD_CASES];

  it('the same category, subcategory, drug class and drug under every change a tool makes to a name', () => {
    assert.ok(names.length >= 84 + HARD_CASES.length, 'the posted letters are read');
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        picker,
        fc.array(fc.nat(SPACES.length - 1), { minLength: 1, maxLength: 8 }),
        (name, pick, spaces) => {
          const changed = extracted(name, pick, spaces);
          const want = place(name) as { drug: string | null };
          const got = place(changed) as { drug: string | null };
          // The drug as the tool wrote it: the same name with its spaces and ligatures as given.
          if (want.drug !== null && got.drug !== null) got.drug = got.drug.normalize('NFKC').replace(/\s+/g, ' ');
          assert.deepStrictEqual(got, want, JSON.stringify(changed));
        },
      ),
      params(400),
    );
  });

  it('a word run into its strength is still the drug it names', () => {
    assert.deepStrictEqual(place('Klonopin2mg#30'), place('Klonopin 2mg #30'));
    assert.deepStrictEqual(place('Klonopin2mg#30'), {
      category: 'Pharmaceuticals',
      subcategory: null,
      drugClass: 'Benzodiazepines',
      drug: 'Klonopin',
    });
  });
});
