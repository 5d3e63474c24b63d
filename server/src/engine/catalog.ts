// The guideline catalog behind the hovers: what each source is and what its pages cover.
//
// Every fact comes from shared/notes/guidelines.md and carries its standing there: `confirmed`
// facts are stated plainly; `unverified` ones are shown only with a qualifier. The letter's own
// wording stays the first authority on what a citation is about.

import type { Citation, GuidelineSource } from './model';

export type Standing = 'confirmed' | 'unverified';

export interface Fact {
  readonly text: string;
  readonly standing: Standing;
}

export interface PageTopic {
  readonly from: number;
  readonly to: number;
  readonly topic: string;
  readonly standing: Standing;
}

export interface ChapterTopic {
  readonly chapter: number;
  readonly topic: string;
  readonly standing: Standing;
}

export interface GuidelineEntry {
  readonly id: string;
  readonly name: string;
  readonly short: string;
  readonly publisher?: string;
  readonly partOfMtus: 'yes' | 'no' | 'adopted-chapters';
  readonly facts: readonly Fact[];
  readonly pages?: readonly PageTopic[];
  readonly chapters?: readonly ChapterTopic[];
}

const c = (text: string): Fact => ({ text, standing: 'confirmed' });
const page = (from: number, to: number, topic: string, standing: Standing = 'unverified'): PageTopic => ({
  from,
  to,
  topic,
  standing,
});

export const MTUS: GuidelineEntry = {
  id: 'MTUS',
  name: 'Medical Treatment Utilization Schedule',
  short: 'MTUS',
  publisher: 'California Division of Workers\u2019 Compensation (8 CCR 9792.20 and following)',
  partOfMtus: 'yes',
  facts: [
    c(
      'Presumptively correct on the extent and scope of medical treatment; a preponderance of scientific medical evidence can rebut it (8 CCR 9792.25).',
    ),
    c(
      'Search sequence for evidence (8 CCR 9792.21.1): the MTUS first, then the most current ACOEM or ODG, then other evidence-based guidelines, then studies.',
    ),
    c('Where the MTUS does not address a condition, other nationally recognized evidence-based guidelines apply.'),
    c(
      'When recommendations conflict, the reviewer weighs the underlying studies and explains the rationale (8 CCR 9792.25.1).',
    ),
    c(
      'Clinical topics: Neck and Upper Back, Shoulder, Elbow, Forearm/Wrist/Hand, Low Back, Knee, Ankle and Foot, Stress Related Conditions, Eye; special topics: Acupuncture, Chronic Pain, Postsurgical.',
    ),
    c(
      'In force from 2007-06-15, first built on the ACOEM Practice Guidelines 2nd Edition (2004); updated Chronic Pain and new Opioids guidelines 2016-07-28; current ACOEM guidelines adopted 2017-12-01; drug formulary from 2018-01-01.',
    ),
  ],
};

export const CPMTG: GuidelineEntry = {
  id: 'CPMTG',
  name: 'Chronic Pain Medical Treatment Guidelines',
  short: 'CPMTG',
  publisher:
    'California Division of Workers\u2019 Compensation, part of the MTUS (Medical Treatment Utilization Schedule)',
  partOfMtus: 'yes',
  facts: [
    c(
      'Took effect 2009-07-18 (about 127 pages): Part 1 Introduction, Part 2 "Pain Interventions and Treatments", topics A to Z.',
    ),
    c(
      'Adapted from ODG "Pain (Chronic)" of 2008-10-23, with DWC-written parts marked "[DWC]"; replaced ACOEM Chapter 6.',
    ),
    c('Updated, with new Opioids Treatment Guidelines, on 2016-07-28.'),
  ],
  pages: [
    page(11, 12, 'Acetaminophen'),
    page(13, 16, 'Antidepressants for chronic pain', 'confirmed'),
    page(16, 22, 'Antiepilepsy drugs (18-19 Gabapentin)'),
    page(23, 23, 'Behavioral interventions / cognitive behavioral therapy', 'confirmed'),
    page(24, 24, 'Benzodiazepines', 'confirmed'),
    page(29, 29, 'Carisoprodol'),
    page(30, 34, 'Chronic pain programs'),
    page(41, 42, 'Cyclobenzaprine'),
    page(43, 43, 'Drug testing'),
    page(46, 46, 'Epidural steroid injections'),
    page(49, 49, 'Functional restoration programs'),
    page(56, 57, 'Lidoderm'),
    page(58, 60, 'Manual therapy'),
    page(61, 62, 'Methadone'),
    page(63, 66, 'Muscle relaxants'),
    page(67, 73, 'NSAIDs'),
    page(74, 96, 'Opioids (76-80 criteria for use, 78 on-going management)'),
    page(98, 99, 'Physical medicine'),
    page(100, 102, 'Psychological evaluation and treatment'),
    page(111, 113, 'Topical analgesics'),
    page(114, 116, 'TENS'),
    page(122, 122, 'Trigger point injections'),
    page(124, 124, 'Weaning of medications', 'confirmed'),
  ],
};

export const ACOEM: GuidelineEntry = {
  id: 'ACOEM',
  name: 'ACOEM Practice Guidelines',
  short: 'ACOEM',
  publisher: 'American College of Occupational and Environmental Medicine',
  partOfMtus: 'adopted-chapters',
  facts: [
    c(
      'The 2nd Edition (2004) is the edition the MTUS adopted in 2007; its MTUS-era chapters are General Approaches, Neck and Upper Back, Shoulder, Elbow, Forearm/Wrist/Hand, Low Back, Knee, Ankle and Foot, Stress-Related Conditions, Eye.',
    ),
    c('Low Back Complaints runs pp. 286-326.'),
    c('Chapter 6 (Pain) was replaced in the MTUS by the Chronic Pain Medical Treatment Guidelines.'),
    c('Current ACOEM guidelines were adopted into the MTUS on 2017-12-01.'),
  ],
  pages: [page(286, 326, 'Low Back Complaints', 'confirmed')],
  chapters: [
    { chapter: 1, topic: 'Prevention', standing: 'unverified' },
    { chapter: 2, topic: 'Initial Assessment', standing: 'unverified' },
    { chapter: 3, topic: 'Initial Treatment', standing: 'unverified' },
    { chapter: 4, topic: 'Work-Relatedness', standing: 'unverified' },
    { chapter: 5, topic: 'Disability Prevention', standing: 'unverified' },
    {
      chapter: 6,
      topic: 'Pain (replaced in the MTUS by the Chronic Pain Medical Treatment Guidelines)',
      standing: 'confirmed',
    },
    { chapter: 7, topic: 'Independent Medical Examinations', standing: 'unverified' },
    { chapter: 8, topic: 'Neck and Upper Back', standing: 'unverified' },
    { chapter: 9, topic: 'Shoulder', standing: 'unverified' },
    { chapter: 10, topic: 'Elbow', standing: 'unverified' },
    { chapter: 11, topic: 'Forearm/Wrist/Hand', standing: 'unverified' },
    { chapter: 12, topic: 'Low Back', standing: 'unverified' },
    { chapter: 13, topic: 'Knee', standing: 'unverified' },
    { chapter: 14, topic: 'Ankle and Foot', standing: 'unverified' },
    { chapter: 15, topic: 'Stress-Related Conditions', standing: 'unverified' },
  ],
};

export const ODG: GuidelineEntry = {
  id: 'ODG',
  name: 'Official Disability Guidelines',
  short: 'ODG',
  publisher: 'Work Loss Data Institute; MCG Health since 2017',
  partOfMtus: 'no',
  facts: [
    c('Organized in chapters by body part or condition, each with a procedure summary.'),
    c(
      'Chapter titles seen: "Pain (Chronic)", "Mental Illness & Stress" (earlier "Stress related conditions and other mental disorders"), "Low Back - Lumbar & Thoracic (Acute & Chronic)", "Shoulder (Acute & Chronic)".',
    ),
    c(
      'Not part of the MTUS: in a letter it appears as a "Non-MTUS Citation", used where the MTUS is silent (second in the MTUS search sequence).',
    ),
  ],
};

export const OTHER: GuidelineEntry = {
  id: 'other',
  name: 'Other guideline or publication',
  short: 'Other',
  partOfMtus: 'no',
  facts: [
    c(
      'A non-MTUS citation: other evidence-based guidelines come after the MTUS and after ACOEM or ODG in the MTUS search sequence (8 CCR 9792.21.1).',
    ),
    c('The letter does not name its publisher; the catalog does not guess one.'),
  ],
};

export const OPIOIDS: GuidelineEntry = {
  id: 'Opioids',
  name: 'MTUS Opioids Treatment Guidelines',
  short: 'Opioids',
  publisher:
    'California Division of Workers\u2019 Compensation, part of the MTUS (Medical Treatment Utilization Schedule)',
  partOfMtus: 'yes',
  facts: [c('Took effect 2016-07-28, together with the updated Chronic Pain Medical Treatment Guidelines.')],
};

export const FORMULARY: GuidelineEntry = {
  id: 'Formulary',
  name: 'MTUS Drug Formulary',
  short: 'Formulary',
  publisher:
    'California Division of Workers\u2019 Compensation, part of the MTUS (Medical Treatment Utilization Schedule; 8 CCR 9792.27.1 to .23)',
  partOfMtus: 'yes',
  facts: [c('Applies from 2018-01-01.')],
};

/** The catalog entry that best describes a citation: the MTUS document when one is named. */
export function entryFor(citation: Pick<Citation, 'source' | 'document'>): GuidelineEntry {
  switch (citation.document) {
    case 'CPMTG':
      return CPMTG;
    case 'Opioids':
      return OPIOIDS;
    case 'Formulary':
      return FORMULARY;
    case 'ACOEM':
      return ACOEM;
  }
  return sourceEntry(citation.source);
}

export function sourceEntry(source: GuidelineSource): GuidelineEntry {
  switch (source) {
    case 'MTUS':
      return MTUS;
    case 'ACOEM':
      return ACOEM;
    case 'ODG':
      return ODG;
    default:
      return OTHER;
  }
}

/** What the catalog knows of a cited page: every page range that holds it. */
export function pageTopics(entry: GuidelineEntry, pageRef: string): PageTopic[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(pageRef);
  if (!m || !entry.pages) return [];
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return entry.pages.filter((p) => p.from <= to && p.to >= from);
}

export function chapterTopic(entry: GuidelineEntry, chapter: string | undefined): ChapterTopic | undefined {
  if (!chapter || !entry.chapters) return undefined;
  const n = Number(chapter);
  return entry.chapters.find((ch) => ch.chapter === n);
}

/** What the outcome words mean. */
export const OUTCOME_MEANINGS = {
  upheld:
    'The reviewer **upheld** the utilization review denial: the denial stands, and the treatment was found **not medically necessary**.',
  overturned:
    'The reviewer **overturned** the utilization review denial: the treatment was found **medically necessary**.',
} as const;
