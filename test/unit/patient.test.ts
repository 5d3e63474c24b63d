// The patient as the clinical case summary states them (engine/parser/patient.ts), and the
// reviewer's licensure beside them. Expected values written by reading each letter's summary and
// credentials.

import * as assert from 'assert';
import { parseLetter } from '../../server/src/engine/parse';
import { diagnosisList } from '../../server/src/engine/parser/patient';
import { FIXTURES, fixtureText, letterText, replaceOnce } from './helpers';

function patientOf(text: string) {
  const letter = parseLetter(text).letters[0];
  return { ...letter.patient, licensure: letter.reviewer?.licensure, specialties: letter.reviewer?.specialties };
}

describe('the patient and the reviewer', () => {
  it('000: "a 45 year old male ... diagnosed with Major Depressive Disorder, single episode, moderate"', () => {
    assert.deepStrictEqual(patientOf(letterText(FIXTURES.psychiatry)), {
      age: 45,
      sex: 'male',
      diagnoses: ['Major Depressive Disorder, single episode, moderate'],
      licensure: ['Illinois', 'Wisconsin'],
      specialties: ['Psychiatry'],
    });
  });

  it('001: "a 52 year old female claimant ... diagnosed with lumbar disc disease and underwent a laminectomy"', () => {
    assert.deepStrictEqual(patientOf(letterText(FIXTURES.familyPractice)), {
      age: 52,
      sex: 'female',
      diagnoses: ['lumbar disc disease'],
      licensure: ['California'],
      specialties: ['Family Practice'],
    });
  });

  it('002: "a 58-year-old male ... The patient\'s diagnoses include the following: ..."', () => {
    assert.deepStrictEqual(patientOf(letterText(FIXTURES.xanaxRefill)), {
      age: 58,
      sex: 'male',
      diagnoses: [
        'Closed-head injury with concussion with cognitive impairment',
        'Depression',
        'Back pain',
        'Knee pain',
      ],
      licensure: ['California'],
      specialties: ['Physical Medicine & Rehabilitation'],
    });
  });

  it('004: "The applicant is a represented beneficiary": no age, sex or diagnosis stated, none guessed', () => {
    assert.deepStrictEqual(patientOf(letterText(FIXTURES.wrappedOutcome)), {
      diagnoses: [],
      licensure: ['Texas', 'New York', 'California'],
      specialties: ['Preventive Medicine', 'Occupational Medicine'],
    });
  });

  it('a posted letter as pdftotext gives it: "treated for the diagnoses of ..." over two lines', () => {
    assert.deepStrictEqual(patientOf(fixtureText('extraction', 'CM16-0213037.pdftotext.txt')), {
      age: 48,
      sex: 'male',
      diagnoses: [
        'right shoulder contusion',
        'neck strain',
        'right shoulder injury',
        'scapulothoracic syndrome',
        'right arm paresthesias',
      ],
      licensure: ['California', 'North Carolina'],
      specialties: ['Family Practice'],
    });
  });

  it('pdftotext -raw: "a now 28-year-old female ... The current diagnoses are documented as ..."', () => {
    assert.deepStrictEqual(patientOf(fixtureText('extraction', 'CM16-0247274.pdftotext-raw.txt')), {
      age: 28,
      sex: 'female',
      diagnoses: ['cervicalgia', 'lumbago with sciatica', 'pain in thoracic spine'],
      licensure: ['Texas', 'California', 'New Mexico'],
      specialties: ['Orthopedic Surgery', 'Sports Medicine'],
    });
  });

  it('nothing from the next sentence: a list that ends in a closing quote, one cut at its longest', () => {
    const letter001 = letterText(FIXTURES.familyPractice);
    const quoted = replaceOnce(
      letter001,
      'She was diagnosed with lumbar disc disease and underwent a laminectomy.',
      'She was given diagnoses of "cervical strain, lumbar pain with radiculopathy." On a handwritten progress note dated November 8, 2016, the applicant was placed off work.',
    );
    assert.deepStrictEqual(parseLetter(quoted).letters[0].patient.diagnoses, [
      'cervical strain',
      'lumbar pain with radiculopathy',
    ]);
    // No end within the longest list read: the cut piece is dropped, not kept as half a diagnosis.
    const long = Array.from({ length: 30 }, (_, i) => `sprain number ${i + 1} of the spine`).join(', ');
    const cut = replaceOnce(
      letter001,
      'She was diagnosed with lumbar disc disease and underwent a laminectomy.',
      `She was diagnosed with ${long}.`,
    );
    const diagnoses = parseLetter(cut).letters[0].patient.diagnoses;
    assert.ok(diagnoses.length > 5 && diagnoses.length < 30, String(diagnoses.length));
    diagnoses.forEach((d, i) => assert.strictEqual(d, `sprain number ${i + 1} of the spine`));
  });

  it('the professional review form: "a 44-year-old with chronic low back pain" states no sex', () => {
    const letter = parseLetter(fixtureText('layouts', 'professional-review.txt')).letters[0];
    assert.deepStrictEqual({ ...letter.patient }, { age: 44, diagnoses: [] });
  });

  it('a pronoun makes no sex, and a letter without a summary has no patient', () => {
    const text = letterText(FIXTURES.psychiatry).replace('45 year old male', '45 year old person');
    assert.deepStrictEqual(
      { ...parseLetter(text).letters[0].patient },
      {
        age: 45,
        diagnoses: ['Major Depressive Disorder, single episode, moderate'],
      },
    );
    const notice = parseLetter(fixtureText('layouts', 'notice-2013.txt')).letters[0];
    assert.deepStrictEqual({ ...notice.patient }, { diagnoses: [] });
  });
});

describe('diagnosisList', () => {
  it('splits at semicolons, commas and the list\'s last "and", never inside one diagnosis', () => {
    assert.deepStrictEqual(diagnosisList('dorsalgia, unspecified; radiculopathy, cervical region (right arm'), [
      'dorsalgia, unspecified',
      'radiculopathy, cervical region (right arm)',
    ]);
    assert.deepStrictEqual(diagnosisList('hypertension, diabetes mellitus, and dyslipidemia'), [
      'hypertension',
      'diabetes mellitus',
      'dyslipidemia',
    ]);
    assert.deepStrictEqual(diagnosisList('sprain of ligaments of lumbar spine, subsequent encounter'), [
      'sprain of ligaments of lumbar spine, subsequent encounter',
    ]);
  });

  it('keeps an ICD-10 style description whole: its tissues, its region, its qualifiers', () => {
    assert.deepStrictEqual(diagnosisList('strain of muscle, fascia and tendon at neck level, initial encounter'), [
      'strain of muscle, fascia and tendon at neck level, initial encounter',
    ]);
    assert.deepStrictEqual(
      diagnosisList('strain of muscle, fascia, and tendon of lower back, subsequent encounter; other muscle spasm'),
      ['strain of muscle, fascia, and tendon of lower back, subsequent encounter', 'other muscle spasm'],
    );
    assert.deepStrictEqual(
      diagnosisList('neck pain, strain of muscle, fascia and tendon at neck level, and insomnia'),
      ['neck pain', 'strain of muscle, fascia and tendon at neck level', 'insomnia'],
    );
    assert.deepStrictEqual(diagnosisList('other intervertebral disc displacement, lumbar region, low back pain'), [
      'other intervertebral disc displacement, lumbar region',
      'low back pain',
    ]);
    // A region that begins a diagnosis is no qualifier of the one before.
    assert.deepStrictEqual(diagnosisList('low back pain, lumbar region spondylosis'), [
      'low back pain',
      'lumbar region spondylosis',
    ]);
  });

  it('sites that share one diagnosis stay with it; a comma inside a semicolon list still separates two', () => {
    assert.deepStrictEqual(diagnosisList('lumbar, hip, and neck strain'), ['lumbar, hip, and neck strain']);
    assert.deepStrictEqual(diagnosisList('hypertension, cervical and lumbar, and thoracic strain'), [
      'hypertension',
      'cervical and lumbar, and thoracic strain',
    ]);
    assert.deepStrictEqual(
      diagnosisList(
        'mild cervical strain, bilateral hand paresthesia most likely related to the neck; low back strain; left lumbar radiculopathy',
      ),
      [
        'mild cervical strain',
        'bilateral hand paresthesia most likely related to the neck',
        'low back strain',
        'left lumbar radiculopathy',
      ],
    );
  });

  it('splits an "and" after a diagnosis, not one inside a diagnosis', () => {
    assert.deepStrictEqual(diagnosisList('right knee contusion and right knee medial meniscus tear'), [
      'right knee contusion',
      'right knee medial meniscus tear',
    ]);
    assert.deepStrictEqual(diagnosisList('lumbago and left and right sided sciatica'), [
      'lumbago',
      'left and right sided sciatica',
    ]);
    assert.deepStrictEqual(diagnosisList('right foot and right shoulder pain'), ['right foot and right shoulder pain']);
  });
});
