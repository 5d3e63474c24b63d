// A disputed item's place in the DWC's taxonomy (taxonomy/dwc.ts): its Request Category,
// SubCategory and, for a pharmaceutical, drug class, read from the item's name alone with the
// tables of taxonomy/ (services, drugs, marks) and the coding conventions that
// docs/treatment-categories.md states. Reports count overturn rates by them, as the DWC's annual
// IMR report does; a name the tables do not know is counted as its category's "Other", never guessed.

import { DRUG_ROWS, DrugRow } from './taxonomy/drugs';
import { DrugClass, OTHER, RequestCategory } from './taxonomy/dwc';
import { MARK_ROWS, MarkName } from './taxonomy/marks';
import { SERVICE_ROWS, ServiceRow } from './taxonomy/services';

export { OTHER } from './taxonomy/dwc';
export const PHARMACEUTICALS: RequestCategory = 'Pharmaceuticals';

/** An item's place in the taxonomy. */
export interface TreatmentCategory {
  /** One of the DWC's twelve Request Categories; `Other` when the name fits none. */
  readonly category: RequestCategory | typeof OTHER;
  /** The DWC's SubCategory (or `Imaging`); null for pharmaceuticals (see drugClass) and for `Other`. */
  readonly subcategory: string | null;
  /** A pharmaceutical's DWC drug class, `Other` when the drug is not known; null for other categories. */
  readonly drugClass: DrugClass | typeof OTHER | null;
}

/** An item's place, and the drug and quantity where the item names them (pharmaceuticals only). */
export interface Treatment extends TreatmentCategory {
  /** The drug as the item writes it, up to its strength, form or quantity: `Xanax`, `Orphenadrine Citrate ER`. */
  readonly drug: string | null;
  /** The count after `#` or `QTY:` (`Xanax 0.5mg #90` gives `90`), the first one written. */
  readonly quantity: string | null;
}

// --- The tables as one lookup ----------------------------------------------------------------

/** What a word of the tables stands for: a service row, a drug row or a mark, as one number. */
const SERVICE = 0;
const DRUG = 1;
const MARK = 2;
const tag = (kind: number, index: number): number => index * 4 + kind;

const MARKS: readonly MarkName[] = ['topical', 'compound', 'bodySite', 'preOperative', 'spine', 'prescription'];
const markBit = (m: MarkName): number => 1 << MARKS.indexOf(m);

/**
 * The tables as lookups, built once. A name is made lower case with every run of characters other
 * than letters and digits one space (so `-`, `/`, `&` and `#` part words, as spaces do), and each
 * of its words is looked up: as a whole word, as the first word of a phrase, as the beginning of a
 * word (`inject*`, by its first three letters). The export and the workspace index place every
 * item of every letter, so a name is read once, not once per row.
 */
interface Lookup {
  readonly words: ReadonlyMap<string, readonly number[]>;
  /** By their first word: ` phrase words ` and ` phrase beginning` (spaces at word edges), with their tags. */
  readonly phrases: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>;
  /** By their first three letters: the beginnings of words, with their tags. */
  readonly beginnings: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>;
}

function normalized(s: string): string {
  return (
    ' ' +
    s
      .toLowerCase()
      // A surgery's adjunct as the letters introduce it: not a surgery itself.
      .replace(/associated\s+surgical\s+services?/g, 'associated service')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim() +
    ' '
  );
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const LOOKUP: Lookup = (() => {
  const words = new Map<string, number[]>();
  const phrases = new Map<string, Array<[string, number]>>();
  const beginnings = new Map<string, Array<[string, number]>>();
  const addWord = (w: string, t: number): void => {
    const open = w.endsWith('*');
    const n = normalized(open ? w.slice(0, -1) : w).trim();
    const space = n.indexOf(' ');
    if (space > 0) add(phrases, n.slice(0, space), [' ' + n + (open ? '' : ' '), t]);
    else if (open) add(beginnings, n.slice(0, 3), [n, t]);
    else if (!words.get(n)?.includes(t)) add(words, n, t);
  };
  SERVICE_ROWS.forEach((row, i) => row.words.forEach((w) => addWord(w, tag(SERVICE, i))));
  DRUG_ROWS.forEach((row, i) => row.names.forEach((w) => addWord(w, tag(DRUG, i))));
  MARK_ROWS.forEach((row) => row.words.forEach((w) => addWord(w, tag(MARK, MARKS.indexOf(row.mark)))));
  return { words, phrases, beginnings };
})();

const NONE: ReadonlyArray<readonly [string, number]> = [];

/** What a name holds: the service rows and drug rows it matches (in table order) and its marks. */
interface Matches {
  services: number[];
  drugs: number[];
  marks: number;
}

function note(m: Matches, t: number): void {
  const kind = t & 3;
  const index = t >> 2;
  if (kind === MARK) m.marks |= 1 << index;
  else {
    const list = kind === SERVICE ? m.services : m.drugs;
    if (!list.includes(index)) list.push(index);
  }
}

function matchesOf(name: string): Matches {
  const n = normalized(name);
  const m: Matches = { services: [], drugs: [], marks: 0 };
  for (let from = 1; from < n.length;) {
    const end = n.indexOf(' ', from);
    const word = n.slice(from, end);
    const tags = LOOKUP.words.get(word);
    if (tags) for (const t of tags) note(m, t);
    for (const [phrase, t] of LOOKUP.phrases.get(word) ?? NONE) if (n.startsWith(phrase, from - 1)) note(m, t);
    if (word.length >= 3)
      for (const [beginning, t] of LOOKUP.beginnings.get(word.slice(0, 3)) ?? NONE)
        if (word.startsWith(beginning)) note(m, t);
    from = end + 1;
  }
  m.services.sort((a, b) => a - b);
  m.drugs.sort((a, b) => a - b);
  return m;
}

// --- The conventions -------------------------------------------------------------------------

/** A strength (`0.5mg`, `10/325mg`, `5%`, `240g`): the name of a drug before it, on its own, is a pharmaceutical. */
const STRENGTH = /(?<![a-z])\d+(?:[.,/]\d+)*\s*(?:mg|mcg|g|gm|ml|%|percent|units?)(?![a-z])/i;
/** A strength only a preparation for the skin has: `5%`, `300mg/g`. */
const SKIN_STRENGTH = /\d\s*(?:%|percent\b)|\dmg\/g\b/i;
const QUANTITY = /(?:#\s*|\b(?:QTY|quantity)\s*[:#]?\s*)(\d+(?:\.\d+)?)/i;

/** Classes an agent may be a topical analgesic in: a cream of ketoprofen, of cyclobenzaprine, of gabapentin. */
const TOPICAL_CLASSES: ReadonlySet<string> = new Set([
  'Topical Analgesics',
  'NSAID',
  'Misc Analgesics',
  'Muscle Relaxant',
  'Anti-epilepsy drugs',
  'Antidepressant',
  'Opioids',
  'Cannabinoids',
]);

const placed = (
  category: RequestCategory | typeof OTHER,
  subcategory: string | null,
  drugClass: DrugClass | typeof OTHER | null = null,
): TreatmentCategory => ({ category, subcategory, drugClass });

const drug = (drugClass: DrugClass | typeof OTHER): TreatmentCategory => placed(PHARMACEUTICALS, null, drugClass);

const ADJUNCT = placed('Surgery', 'Adjunct Surgical Services');

/** The drug class of the drugs an item names (rows in table order) and its marks. */
function drugClassOf(rows: readonly DrugRow[], marks: number): DrugClass | typeof OTHER {
  const topicalForm = (marks & markBit('topical')) !== 0;
  if (rows.some((r) => r.drugClass === 'Topical Compounds')) return 'Topical Compounds';
  if (topicalForm && (marks & markBit('compound')) !== 0) return 'Topical Compounds';
  const agents = rows.filter((r) => TOPICAL_CLASSES.has(r.drugClass) && !r.systemic);
  if (topicalForm || rows.some((r) => r.drugClass === 'Topical Analgesics')) {
    if (agents.length >= 2) return 'Topical Compounds';
    if (agents.length === 1) return 'Topical Analgesics';
  }
  return rows.length > 0 ? rows[0].drugClass : OTHER;
}

/** A surgery's subcategory: arthroscopic, spinal (by its procedure or its site), or neither. */
function surgeryOf(row: ServiceRow, marks: number): TreatmentCategory {
  if (row.subcategory === 'Non-arthroscopic Surgery' && (marks & markBit('spine')) !== 0)
    return placed('Surgery', 'Spine');
  return placed(row.category, row.subcategory);
}

function placeOf(name: string): TreatmentCategory {
  const m = matchesOf(name);
  const drugs = m.drugs.map((i) => DRUG_ROWS[i]);
  const has = (mark: MarkName): boolean => (m.marks & markBit(mark)) !== 0;
  if (SKIN_STRENGTH.test(name)) m.marks |= markBit('topical');
  const services = m.services.map((i) => SERVICE_ROWS[i]);
  const first = services.find((r) => !r.afterDrugs);
  if (first) {
    switch (first.category === 'Injection' ? 'injection' : first.rule) {
      case 'injection':
        // The DWC counts viscosupplements as a drug class; a drug given by injection, with no place
        // on the body named, is a drug (class Injection); anything else injected is a procedure.
        if (drugs.some((r) => r.drugClass === 'Viscosupplementation')) return drug('Viscosupplementation');
        if (first.rule === 'injection' && drugs.length > 0 && !has('bodySite')) return drug('Injection');
        break;
      case 'visit':
        if (has('preOperative')) return ADJUNCT;
        if (services.some((r) => r.rule === 'surgery')) return placed('Surgery', 'Surgical Consult');
        break;
      case 'test':
        if (has('preOperative')) return ADJUNCT;
        break;
    }
    return placed(first.category, first.subcategory);
  }
  if (drugs.length > 0) return drug(drugClassOf(drugs, m.marks));
  const late = services[0];
  if (late) return late.rule === 'surgery' ? surgeryOf(late, m.marks) : placed(late.category, late.subcategory);
  if (has('topical') || has('prescription') || STRENGTH.test(name)) return drug(drugClassOf(drugs, m.marks));
  return placed(OTHER, null);
}

/** The longest name read: a letter's item is a line or a paragraph, never more. */
const MAX_NAME = 400;

/** The item's Request Category, SubCategory and drug class. */
export function treatmentCategoryOf(itemName: string): TreatmentCategory {
  return placeOf(itemName.length > MAX_NAME ? itemName.slice(0, MAX_NAME) : itemName);
}

/** Words that begin an item's name before the drug: `Retrospective Cyclobenzaprine`, `Refill of Xanax`. */
const LEAD =
  /^(?:(?:retrospective|prospective|retro|request(?:ed)?|refill|prescription|one|a|an|the|of|for)\b[\s:,]*)+/i;
/** Where a drug's name ends: a digit, a bracket, a comma, a quantity, or a form or route word. */
const DRUG_END =
  /[\d(#,;:[]|\b(?:QTY|quantity|tabs?|tablets?|caps?|capsules?|cream|gel|ointment|lotion|patch(?:es)?|pads?|solution|suspension|spray|oral|topical|transdermal|injections?|in|for|with|x|was|unknown)\b/i;

/** The item's place, and for a pharmaceutical the drug and quantity it names. */
export function treatmentOf(itemName: string): Treatment {
  const name = itemName.length > MAX_NAME ? itemName.slice(0, MAX_NAME) : itemName;
  const { category, subcategory, drugClass } = placeOf(name);
  if (category !== PHARMACEUTICALS) return { category, subcategory, drugClass, drug: null, quantity: null };
  const rest = name.replace(LEAD, '');
  const end = DRUG_END.exec(rest);
  const found = (end ? rest.slice(0, end.index) : rest).trim().replace(/[\s-]+$/, '');
  const quantity = QUANTITY.exec(name);
  return {
    category,
    subcategory,
    drugClass,
    drug: found.length > 0 && found.length <= 60 ? found : null,
    quantity: quantity ? quantity[1] : null,
  };
}
