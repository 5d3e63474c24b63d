// Treatment categories (engine/treatmentCategories.ts) of the items real letters name, the drug
// and quantity where they name them, and the table's page (docs/treatment-categories.md) in step
// with the table. Each expected category is the table's row for the item as the letter words it.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  OTHER,
  TREATMENT_CATEGORIES,
  treatmentCategoryOf,
  treatmentOf,
} from '../../server/src/engine/treatmentCategories';
import { ROOT } from './helpers';

/** Item names as the real letters write them (test/fixtures/letters, letters-pdf), and their rows. */
const ITEMS: ReadonlyArray<readonly [string, string, string | null]> = [
  ['PSYCHOTROPIC MEDICATION SESSIONS 1 X MONTH X 6 MONTHS', 'Psychological services', 'Psychiatric care'],
  ['Comprehensive psychological testing', 'Psychological services', 'Psychological testing'],
  ['Lexapro 20mg, 1 daily for 12 months', 'Pharmaceuticals', 'Antidepressants'],
  ['Buspar 15mg, 1 three times a day as needed for 12 months', 'Pharmaceuticals', 'Anxiolytics'],
  ['Refill of Xanax 1mg, QTY: 90', 'Pharmaceuticals', 'Benzodiazepines'],
  ['Norco 5/325mg oral tablet, one tablet twice daily 14 days #40', 'Pharmaceuticals', 'Opioids'],
  ['Ultram (tramadol) 50mg #90', 'Pharmaceuticals', 'Opioids'],
  ['Orphenadrine Citrate ER 100mg tabs #30', 'Pharmaceuticals', 'Muscle relaxants'],
  ['Celecoxib 200mg #90', 'Pharmaceuticals', 'NSAIDs'],
  ['Fanatrex (unknown quantity)', 'Pharmaceuticals', 'Anticonvulsants'],
  ['Dicopanol (unknown quantity)', 'Pharmaceuticals', 'Sleep aids'],
  ['Prilosec 20mg #90', 'Pharmaceuticals', 'Gastrointestinal'],
  // A drug in a cream is a topical first.
  ['Ketoprofen 20% in cream base 240g', 'Pharmaceuticals', 'Topicals'],
  ['Lidocaine 5% patch #1', 'Pharmaceuticals', 'Topicals'],
  ['Salonpas pad #60', 'Pharmaceuticals', 'Topicals'],
  [
    'Additional physical therapy two times four visits (8) for the lumbar and bilateral knees',
    'Physical medicine',
    'Physical therapy',
  ],
  ['Physical therapy evaluation, cervical and thoracic spine', 'Physical medicine', 'Physical therapy'],
  ['Occupational therapy for nine sessions was the original request.', 'Physical medicine', 'Occupational therapy'],
  ['Six sessions of acupuncture one time a week for six weeks', 'Physical medicine', 'Acupuncture'],
  ['Functional capacity evaluation (FCE)', 'Physical medicine', 'Functional capacity evaluation'],
  ['MRI of the right shoulder without contrast', 'Diagnostic imaging', 'MRI'],
  ['MR Arthrogram of the right shoulder', 'Diagnostic imaging', 'MRI'],
  ['X-rays of right hip', 'Diagnostic imaging', 'X-rays'],
  ['NCS/EMG RUE', 'Electrodiagnostic tests', null],
  // The injection, not the drug injected nor the consultation that goes with it.
  [
    'Retrospective injection 5cc of lidocaine hcl 1percent and 1cc of dexamethasone 120mg to the right knee',
    'Injections',
    null,
  ],
  [
    'Lumbar epidural steroid injection with pain interventionist consult and treatment',
    'Injections',
    'Epidural steroid injections',
  ],
  ['Platelet-rich plasma injection to the right knee', 'Injections', 'Joint injections'],
  ['Injection of neurolytic substance, lumbar spine', 'Injections', 'Facet and nerve procedures'],
  ['TENS unit', 'Durable medical equipment', 'Electrical stimulation units'],
  ['Hospital bed for an unspecified rental', 'Durable medical equipment', null],
  ['Bilateral hearing aids', 'Durable medical equipment', null],
  [
    'Daily RN for 4 weeks for wound care and monitoring of wound healing and home safety, medication management',
    'Home health',
    null,
  ],
  // A consultation of a surgeon is a consultation.
  ['Spine surgery evaluation for the lumbar', 'Office visits and consultations', null],
  ['Neuroplasty, lumbar spine', 'Surgery', null],
  ['Partial Hospitalization day treatment was the original request.', 'Programs', null],
];

describe('treatment categories', () => {
  for (const [name, category, subcategory] of ITEMS) {
    it(`${name} → ${category}${subcategory ? ' / ' + subcategory : ''}`, () => {
      assert.deepStrictEqual(treatmentCategoryOf(name), { category, subcategory });
    });
  }

  it('an item no row fits is Other, not guessed; one that states a strength is a pharmaceutical', () => {
    assert.deepStrictEqual(treatmentCategoryOf('Purchase of a recliner'), { category: OTHER, subcategory: null });
    assert.deepStrictEqual(treatmentCategoryOf(''), { category: OTHER, subcategory: null });
    assert.deepStrictEqual(treatmentCategoryOf('Zorvolex 35mg #60'), {
      category: 'Pharmaceuticals',
      subcategory: null,
    });
    // Whole words: `pt` is physical therapy, `apt` is not; `extended release` is no surgery.
    assert.strictEqual(treatmentCategoryOf('PT 2x4 lumbar').category, 'Physical medicine');
    assert.strictEqual(treatmentCategoryOf('Adapted apt furniture').category, OTHER);
    assert.strictEqual(treatmentCategoryOf('Tramadol extended release 150mg #30').subcategory, 'Opioids');
  });

  it('the drug as the item writes it, and the count after # or QTY: as the quantity', () => {
    const pick = (name: string) => {
      const t = treatmentOf(name);
      return [t.drug, t.quantity];
    };
    assert.deepStrictEqual(pick('XANAX 0.5MG #90'), ['XANAX', '90']);
    assert.deepStrictEqual(pick('Refill of Xanax 1mg, QTY: 90'), ['Xanax', '90']);
    assert.deepStrictEqual(pick('Retrospective Cyclobenzaprine 5mg tab #30 DOS: 11/14/16'), ['Cyclobenzaprine', '30']);
    assert.deepStrictEqual(pick('Orphenadrine Citrate ER 100mg tabs #30'), ['Orphenadrine Citrate ER', '30']);
    assert.deepStrictEqual(pick('Ultram (tramadol) 50mg #90'), ['Ultram', '90']);
    assert.deepStrictEqual(pick('Lexapro 20mg, 1 daily for 12 months'), ['Lexapro', null]);
    assert.deepStrictEqual(pick('Lidocaine ointment 5% #1'), ['Lidocaine', '1']);
    assert.deepStrictEqual(pick('Deprizine (unknown quantity)'), ['Deprizine', null]);
    // The first quantity: the original request's.
    assert.deepStrictEqual(pick('Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized'), [
      'Norco',
      '60',
    ]);
    // Only pharmaceuticals have a drug: an injection names what it injects, and is no drug.
    assert.deepStrictEqual(pick('Retrospective injection 5cc of lidocaine hcl 1percent'), [null, null]);
    assert.deepStrictEqual(pick('NCV bilateral lower extremities QTY: 2'), [null, null]);
  });

  it('every row of the table is on its page, in order, and nothing else is', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'treatment-categories.md'), 'utf8');
    const rows = page
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Category') && !l.startsWith('| ---'));
    assert.deepStrictEqual(
      rows,
      TREATMENT_CATEGORIES.map(
        (r) => `| ${r.category} | ${r.subcategory ?? '\u2014'} | ${r.words.map((w) => '`' + w + '`').join(', ')} |`,
      ),
    );
  });
});
