// The DWC's taxonomy (engine/treatmentCategories.ts, engine/taxonomy/): each coding convention of
// docs/treatment-categories.md on the item names real letters write and on the hard cases the
// conventions are for, names the tables do not know counted as Other, the drug and quantity, the
// tables in the DWC's own vocabulary, and the page in step with the tables. The 84 items of the
// posted letters are labelled in test/fixtures/letters-pdf/categories.json (test/extraction).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { treatmentCategoryOf, treatmentOf } from '../../server/src/engine/treatmentCategories';
import { DRUG_ROWS } from '../../server/src/engine/taxonomy/drugs';
import { DRUG_CLASSES, dwcSpecialty, REQUEST_CATEGORIES, SUBCATEGORIES } from '../../server/src/engine/taxonomy/dwc';
import { MARK_ROWS } from '../../server/src/engine/taxonomy/marks';
import { SERVICE_ROWS } from '../../server/src/engine/taxonomy/services';
import { ROOT } from './helpers';

/** `Category / Subcategory` or `Pharmaceuticals / drug class`, as the cases below write them. */
function placeOf(name: string): string {
  const t = treatmentCategoryOf(name);
  return t.category === 'Pharmaceuticals' ? `Pharmaceuticals / ${t.drugClass}` : `${t.category} / ${t.subcategory}`;
}

function cases(list: ReadonlyArray<readonly [string, string]>): void {
  for (const [name, want] of list) it(`${name} → ${want}`, () => assert.strictEqual(placeOf(name), want));
}

const PT_OT = 'Rehabilitation / Physical Therapy/Occupational Therapy (PT/OT)';

describe('treatment categories: the DWC taxonomy', () => {
  describe('a named drug, cream, patch or compound is Pharmaceuticals, by drug class', () => {
    cases([
      ['Lexapro 20mg, 1 daily for 12 months', 'Pharmaceuticals / Antidepressant'],
      ['Buspar 15mg, 1 three times a day as needed for 12 months', 'Pharmaceuticals / AntiAnxiety'],
      ['Refill of Xanax 1mg, QTY: 90', 'Pharmaceuticals / Benzodiazepines'],
      ['Prilosec 20mg #90', 'Pharmaceuticals / Proton Pump Inhibitors'],
      ['Deprizine (unknown quantity)', 'Pharmaceuticals / H2 Blocker'],
      ['Ambien 10mg #30', 'Pharmaceuticals / Sedative-hypnotics'],
      ['Sentra PM (medical food) #60', 'Pharmaceuticals / Nutritional Products'],
      // Combination products: the agent that gives the product its class.
      ['Norco (hydrocodone/acetaminophen) 10/325mg #60', 'Pharmaceuticals / Opioids'],
      ['Fioricet #30', 'Pharmaceuticals / Barbiturates'],
      ['Vimovo 500/20mg #60', 'Pharmaceuticals / NSAID'],
      ['Tylenol #3 #60', 'Pharmaceuticals / Opioids'],
      ['Tylenol 500mg #100', 'Pharmaceuticals / Misc Analgesics'],
      // An oral compound kit by its agent.
      ['Fanatrex (unknown quantity)', 'Pharmaceuticals / Anti-epilepsy drugs'],
      ['Synapryn (unknown quantity)', 'Pharmaceuticals / Opioids'],
      // Whatever it treats: a drug in a psychiatric or surgical context is still a drug.
      ['Post-operative Norco 5/325mg #30', 'Pharmaceuticals / Opioids'],
      ['Tramadol extended release 150mg #30', 'Pharmaceuticals / Opioids'],
    ]);
  });

  describe('on the skin: one agent is Topical Analgesics, several or a compound Topical Compounds', () => {
    cases([
      ['Lidocaine 5% patch #1', 'Pharmaceuticals / Topical Analgesics'],
      ['Lidoderm 5% #30', 'Pharmaceuticals / Topical Analgesics'],
      ['Lidoderm (lidocaine) patches #30', 'Pharmaceuticals / Topical Analgesics'],
      ['Voltaren gel 1% 100g', 'Pharmaceuticals / Topical Analgesics'],
      // No form word: a percentage or mg/g strength is a preparation for the skin.
      ['Diclofenac sodium 3% 300mg/g #1', 'Pharmaceuticals / Topical Analgesics'],
      ['Ketoprofen 20% in cream base 240g', 'Pharmaceuticals / Topical Analgesics'],
      ['Cyclobenzaprine 5% in cream base 240g', 'Pharmaceuticals / Topical Analgesics'],
      ['Salonpas pad #60', 'Pharmaceuticals / Topical Analgesics'],
      ['Flurbiprofen 20%/Lidocaine 5% cream 180g', 'Pharmaceuticals / Topical Compounds'],
      ['Compounded cream 240g', 'Pharmaceuticals / Topical Compounds'],
      ['Terocin lotion 120ml', 'Pharmaceuticals / Topical Compounds'],
      // Through the blood: the agent's own class, patch or not.
      ['Fentanyl 25mcg patch #10', 'Pharmaceuticals / Opioids'],
      ['Butrans 10mcg/hr patch #4', 'Pharmaceuticals / Opioids'],
      ['Testosterone gel 1%', 'Pharmaceuticals / Androgens & Anabolic Steroids'],
      // A skin preparation of no analgesic: its own class.
      ['Mupirocin ointment 2% 22g', 'Pharmaceuticals / Anti-infectives'],
    ]);
  });

  describe('an injection: a procedure where given, a drug when given as a medication', () => {
    cases([
      ['Right L5-S1 epidural steroid injection', 'Injection / Injection'],
      ['Lumbar epidural steroid injection with pain interventionist consult and treatment', 'Injection / Injection'],
      ['Bilateral L4-5 facet injections', 'Injection / Facet Injection'],
      ['Radiofrequency ablation at L3, L4 and L5', 'Injection / Facet Injection'],
      ['Trigger point injections x4', 'Injection / Injection'],
      ['Platelet-rich plasma injection to the right knee', 'Injection / Injection'],
      ['Injection of neurolytic substance, lumbar spine', 'Injection / Injection'],
      // What is injected, at a place on the body: the procedure.
      [
        'Retrospective injection 5cc of lidocaine hcl 1percent and 1cc of dexamethasone 120mg to the right knee',
        'Injection / Injection',
      ],
      ['Kenalog injection to the left shoulder', 'Injection / Injection'],
      // A drug with no place named: a medication given by injection.
      ['Toradol 60mg IM injection', 'Pharmaceuticals / Injection'],
      ['Vitamin B12 injections #4', 'Pharmaceuticals / Injection'],
      // The DWC counts viscosupplements as a drug class.
      ['Synvisc-One injection to the right knee', 'Pharmaceuticals / Viscosupplementation'],
      ['Series of three Orthovisc injections, left knee', 'Pharmaceuticals / Viscosupplementation'],
    ]);
  });

  describe("what goes with a surgery: the surgery's own adjuncts, equipment and therapy by what they are", () => {
    cases([
      ['Associated surgical service: Assistant surgeon', 'Surgery / Adjunct Surgical Services'],
      ['Pre-operative medical clearance', 'Surgery / Adjunct Surgical Services'],
      ['Pre-op labs: CBC, CMP', 'Surgery / Adjunct Surgical Services'],
      ['Preoperative chest x-ray', 'Surgery / Adjunct Surgical Services'],
      ['Preoperative EKG', 'Surgery / Adjunct Surgical Services'],
      ['Associated surgical service: 2 day inpatient stay', 'Surgery / Adjunct Surgical Services'],
      ['Associated surgical service: Cold therapy unit', 'DMEPOS / DME'],
      ['Post-operative sling for the right shoulder', 'DMEPOS / Prosthetics/Orthotics'],
      ['Post-operative walker', 'DMEPOS / DME'],
      ['Post-operative physical therapy 12 sessions', PT_OT],
      // A stay named with its surgery is the surgery.
      ['L5-S1 fusion with 2 day inpatient stay', 'Surgery / Spine'],
    ]);
  });

  describe('surgery and visits with a surgeon', () => {
    cases([
      ['Right knee arthroscopy with partial meniscectomy', 'Surgery / Arthroscopic Surgery'],
      ['L4-L5 laminectomy and discectomy', 'Surgery / Spine'],
      ['Neuroplasty, lumbar spine', 'Surgery / Spine'],
      ['Right carpal tunnel release', 'Surgery / Non-arthroscopic Surgery'],
      ['Spine surgery evaluation for the lumbar', 'Surgery / Surgical Consult'],
      ['Orthopedic surgeon consultation for the right shoulder', 'Surgery / Surgical Consult'],
      ['Pain management consultation', 'Evaluation & Management / Medical Specialties'],
      ['Follow-up visit with the primary treating physician', 'Evaluation & Management / Medical Specialties'],
      ['Dental evaluation and treatment', 'Evaluation & Management / Dental Services'],
    ]);
  });

  describe('therapies, programs, psychological care and tests', () => {
    cases([
      ['Additional physical therapy two times four visits (8) for the lumbar and bilateral knees', PT_OT],
      ['Physical therapy evaluation, cervical and thoracic spine', PT_OT],
      ['Occupational therapy for nine sessions was the original request.', PT_OT],
      ['Chiropractic manipulation 6 visits', 'Rehabilitation / Chiropractic'],
      ['Six sessions of acupuncture one time a week for six weeks', 'Rehabilitation / Acupuncture'],
      ['Massage therapy x6', 'Rehabilitation / Other Therapies'],
      ['Extracorporeal shockwave therapy, right shoulder', 'Therapies / Therapies'],
      ['Functional restoration program 160 hours', 'Programs / Programs'],
      ['Work hardening program 10 sessions', 'Programs / Programs'],
      ['Outpatient detoxification program', 'Programs / Programs'],
      ['Weight loss program', 'Programs / Programs'],
      ['Partial Hospitalization day treatment was the original request.', 'Programs / Programs'],
      ['Cognitive behavioral therapy 6 sessions', 'Psych Services / Therapies'],
      ['Comprehensive psychological testing', 'Psych Services / Evaluation & Management'],
      ['PSYCHOTROPIC MEDICATION SESSIONS 1 X MONTH X 6 MONTHS', 'Psych Services / Evaluation & Management'],
      ['MRI of the right shoulder without contrast', 'Diagnostic Testing / Imaging'],
      ['MR Arthrogram of the right shoulder', 'Diagnostic Testing / Imaging'],
      ['X-rays of right hip', 'Diagnostic Testing / Imaging'],
      ['NCS/EMG RUE', 'Diagnostic Testing / EMG/NCV/NCS'],
      ['Urine drug screen', 'Diagnostic Testing / Lab & Pathology'],
      ['Functional capacity evaluation (FCE)', 'Diagnostic Testing / Other Diagnostic Tests'],
      ['TENS unit', 'DMEPOS / Electrical Stimulation'],
      ['Lumbar brace', 'DMEPOS / Prosthetics/Orthotics'],
      ['Bilateral hearing aids', 'DMEPOS / Prosthetics/Orthotics'],
      ['Hospital bed for an unspecified rental', 'DMEPOS / DME'],
      ['TENS unit supplies: electrodes and batteries', 'DMEPOS / Electrical Stimulation'],
      [
        'Daily RN for 4 weeks for wound care and monitoring of wound healing and home safety, medication management',
        'Home Health / Home Health',
      ],
      ['Transportation to and from medical appointments', 'Transportation / Transportation'],
    ]);
  });

  describe('a name the tables do not know is its category\'s "Other", never guessed', () => {
    cases([
      ['Purchase of a recliner', 'Other / null'],
      ['', 'Other / null'],
      // Whole words: `apt` is not PT, `mr` is not an MRI inside a word.
      ['Adapted apt furniture', 'Other / null'],
      // A drug by its strength, form or prescription words, but one the tables do not name.
      ['Zorvolexin 35mg #60', 'Pharmaceuticals / Other'],
      ['Unnamed medication tablets #30', 'Pharmaceuticals / Other'],
      ['Blue cream 120g', 'Pharmaceuticals / Other'],
    ]);

    it('subcategory and drug class: null where the category has none', () => {
      assert.deepStrictEqual(treatmentCategoryOf('Purchase of a recliner'), {
        category: 'Other',
        subcategory: null,
        drugClass: null,
      });
      assert.deepStrictEqual(treatmentCategoryOf('Norco 10/325mg #60'), {
        category: 'Pharmaceuticals',
        subcategory: null,
        drugClass: 'Opioids',
      });
      assert.deepStrictEqual(treatmentCategoryOf('MRI of the left hip'), {
        category: 'Diagnostic Testing',
        subcategory: 'Imaging',
        drugClass: null,
      });
    });
  });

  it("a partly authorized item's paragraph and the part left for IMR are placed alike", () => {
    for (const [paragraph, part] of [
      [
        'Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Norco 10/325mg #35 is',
        'Norco 10/325mg #35',
      ],
      [
        'Partial Hospitalization day treatment was the original request. The Claims Administrator authorized an Evaluation only for a Partial Hospitalization day treatment, leaving the original request IMR eligible. The original request, Partial Hospitalization day treatment is',
        'Partial Hospitalization day treatment',
      ],
      [
        'Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days for left foot fracture was the original request. The Claims Administrator authorized Skilled nursing facility for 7 days with PT/OT once a day for left foot fracture, leaving the original request IMR eligible.',
        'Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days for left foot fracture',
      ],
    ])
      assert.deepStrictEqual(treatmentCategoryOf(paragraph), treatmentCategoryOf(part), part);
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
    assert.deepStrictEqual(pick('Toradol 60mg IM injection'), ['Toradol', null]);
    // Only pharmaceuticals have a drug: an injection names what it injects, and is no drug.
    assert.deepStrictEqual(pick('Retrospective injection 5cc of lidocaine hcl 1percent to the right knee'), [
      null,
      null,
    ]);
    assert.deepStrictEqual(pick('NCV bilateral lower extremities QTY: 2'), [null, null]);
  });

  it("the tables speak the DWC's vocabulary: its categories, subcategories and drug classes only", () => {
    for (const row of SERVICE_ROWS) {
      assert.ok(REQUEST_CATEGORIES.includes(row.category), row.category);
      assert.ok(SUBCATEGORIES[row.category].includes(row.subcategory), `${row.category} / ${row.subcategory}`);
    }
    for (const row of DRUG_ROWS) assert.ok(DRUG_CLASSES.includes(row.drugClass), row.drugClass);
    assert.strictEqual(REQUEST_CATEGORIES.length, 12);
    assert.strictEqual(DRUG_CLASSES.length, 42);
    // Every drug class the DWC counts by has a row, but Injection, which the injection rule gives.
    const classes = new Set(DRUG_ROWS.map((r) => r.drugClass));
    assert.deepStrictEqual(
      DRUG_CLASSES.filter((c) => !classes.has(c)),
      ['Injection'],
    );
  });

  it("a reviewer's specialty as the DWC's search names it, else as the letter writes it", () => {
    assert.strictEqual(dwcSpecialty('Physical Medicine and Rehabilitation'), 'Physical Medicine & Rehabilitation');
    assert.strictEqual(dwcSpecialty('Physical Medicine & Rehabilitation'), 'Physical Medicine & Rehabilitation');
    assert.strictEqual(dwcSpecialty('family practice'), 'Family Practice');
    assert.strictEqual(dwcSpecialty('Pediatric Rehabilitation Medicine'), 'Pediatric Rehabilitation Medicine');
  });

  it('every row of the tables is on its page, in order, and nothing else is', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'treatment-categories.md'), 'utf8');
    const words = (list: readonly string[]) => list.map((w) => '`' + w + '`').join(', ');
    const tableRows = (header: string): string[] => {
      const lines = page.split('\n');
      const start = lines.indexOf(header);
      assert.ok(start >= 0, `no table headed ${header}`);
      const rows: string[] = [];
      for (let i = start + 2; i < lines.length && lines[i].startsWith('| '); i++) rows.push(lines[i]);
      return rows;
    };
    assert.deepStrictEqual(
      tableRows('| Category | Subcategory | Rule | Words |'),
      SERVICE_ROWS.map(
        (r) =>
          `| ${r.category} | ${r.subcategory} | ${(r.rule ?? '\u2014') + (r.afterDrugs ? ', after the drugs' : '')} | ${words(r.words)} |`,
      ),
    );
    assert.deepStrictEqual(
      tableRows('| Drug class | Names |'),
      DRUG_ROWS.map((r) => `| ${r.drugClass}${r.systemic ? ' (systemic on the skin)' : ''} | ${words(r.names)} |`),
    );
    assert.deepStrictEqual(
      tableRows('| Mark | Words |'),
      MARK_ROWS.map((r) => `| ${r.mark} | ${words(r.words)} |`),
    );
  });
});
