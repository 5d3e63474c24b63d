// The guideline catalog behind the hovers: what each source is and what its pages cover.
//
// Every fact comes from shared/notes/guidelines.md. Backgrounds hold confirmed facts only; what a
// page or chapter covers carries its standing there: `confirmed` is stated plainly, `unverified`
// only with a qualifier. The letter's own wording stays the first authority on what a citation is
// about.

import type { Citation, GuidelineSource } from './model';

export type Standing = 'confirmed' | 'unverified';

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
  readonly partOfMtus: 'yes' | 'no' | 'adopted-chapters';
  /** Background in one short sentence, confirmed facts only: who writes it, since when. */
  readonly about: string;
  /** Where it comes in the search sequence for evidence (8 CCR 9792.21.1) when not cited as part of the MTUS. */
  readonly searchPlace?: string;
  readonly pages?: readonly PageTopic[];
  readonly chapters?: readonly ChapterTopic[];
}

const page = (from: number, to: number, topic: string, standing: Standing = 'unverified'): PageTopic => ({
  from,
  to,
  topic,
  standing,
});

/** The abbreviation spelled out, the first time a hover uses it. */
export const MTUS_SPELLED_OUT = 'Medical Treatment Utilization Schedule';

export const MTUS: GuidelineEntry = {
  id: 'MTUS',
  name: MTUS_SPELLED_OUT,
  short: 'MTUS',
  partOfMtus: 'yes',
  about:
    'California\u2019s rules for the extent and scope of medical treatment in workers\u2019 compensation (8 CCR 9792.20 and following), in force since 2007-06-15. Where it does not address a condition, other evidence-based guidelines apply.',
};

export const CPMTG: GuidelineEntry = {
  id: 'CPMTG',
  name: 'Chronic Pain Medical Treatment Guidelines',
  short: 'CPMTG',
  partOfMtus: 'yes',
  about:
    'In effect since 2009-07-18 (updated 2016-07-28); Part 2, \u201cPain Interventions and Treatments\u201d, runs from A to Z.',
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
  partOfMtus: 'adopted-chapters',
  about:
    'Published by the American College of Occupational and Environmental Medicine. The MTUS was first built on its 2nd Edition (2004) and adopted its current guidelines on 2017-12-01.',
  searchPlace: 'second in the search for evidence, with ODG, after the MTUS (8 CCR 9792.21.1)',
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
  partOfMtus: 'no',
  about:
    'Published by the Work Loss Data Institute (by MCG Health since 2017), in chapters by body part or condition, such as \u201cPain (Chronic)\u201d and \u201cMental Illness & Stress\u201d.',
  searchPlace:
    'second in the search for evidence, after the MTUS, for what the MTUS does not address (8 CCR 9792.21.1)',
};

export const OTHER: GuidelineEntry = {
  id: 'other',
  name: 'Other guideline or publication',
  short: 'Other',
  partOfMtus: 'no',
  about: 'The letter does not say who publishes it.',
  searchPlace: 'in the search for evidence it comes after the MTUS, and after ACOEM or ODG (8 CCR 9792.21.1)',
};

export const OPIOIDS: GuidelineEntry = {
  id: 'Opioids',
  name: 'Opioids Treatment Guidelines',
  short: 'Opioids',
  partOfMtus: 'yes',
  about: 'In effect since 2016-07-28, with the updated Chronic Pain Medical Treatment Guidelines.',
};

export const FORMULARY: GuidelineEntry = {
  id: 'Formulary',
  name: 'MTUS Drug Formulary',
  short: 'Formulary',
  partOfMtus: 'yes',
  about: 'The MTUS list of drugs (8 CCR 9792.27.1 to .23), which applies from 2018-01-01.',
};

/** Abbreviations letters use, spelled out for a hover on the word. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  MTUS: `${MTUS_SPELLED_OUT}: California\u2019s rules for the extent and scope of medical treatment in workers\u2019 compensation (8 CCR 9792.20 and following). It is presumed correct, and comes first in the search for evidence (8 CCR 9792.25, 9792.21.1).`,
  ODG: 'Official Disability Guidelines: not part of the MTUS; second in the search for evidence, after the MTUS.',
  ACOEM:
    'American College of Occupational and Environmental Medicine, whose Practice Guidelines the MTUS was first built on.',
  IMR: 'Independent Medical Review: an expert reviewer decides whether a treatment that utilization review denied is medically necessary.',
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
