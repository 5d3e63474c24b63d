// A disputed item's place in the DWC's taxonomy (taxonomy/dwc.ts): its Request Category,
// SubCategory and, for a pharmaceutical, drug class, read from the item's name alone with the
// tables of taxonomy/ (services, drugs, marks) and the coding conventions that
// docs/treatment-categories.md states. Reports count overturn rates by them, as the DWC's annual
// IMR report does; a name the tables do not know is counted as its category's "Other", never guessed.

import { DRUG_ROWS, DrugRow } from './taxonomy/drugs';
import { DrugClass, OTHER, RequestCategory } from './taxonomy/dwc';
import { MARK_ROWS, MarkName } from './taxonomy/marks';
import { SERVICE_ROWS } from './taxonomy/services';

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
  /** By a whole word: its tags, and the phrases it begins (` phrase words `, ` phrase beginning`, spaces at word edges). */
  readonly words: ReadonlyMap<string, WordEntry>;
  /** By their first three letters (prefixKey): the beginnings of words, with their tags. */
  readonly beginnings: ReadonlyMap<number, ReadonlyArray<readonly [string, number]>>;
}

interface WordEntry {
  readonly tags: number[];
  readonly phrases: Array<readonly [string, number]>;
}

function normalized(s: string): string {
  let lower = s.toLowerCase();
  // A surgery's adjunct as the letters introduce it: not a surgery itself.
  if (lower.includes('associated')) lower = lower.replace(/associated\s+surgical\s+services?/g, 'associated service');
  // A word run into its strength, as extraction tools may give it (`Klonopin2mg`); `l5`, `b12` stay.
  if (RUN_INTO_NUMBER.test(lower)) lower = lower.replace(RUN_INTO_NUMBERS, '$1 ');
  return ' ' + lower.replace(NOT_WORD, ' ').trim() + ' ';
}

const RUN_INTO_NUMBER = /[a-z]{3}\d/;
const RUN_INTO_NUMBERS = /([a-z]{3})(?=\d)/g;
const NOT_WORD = /[^a-z0-9]+/g;

/** A word's first three characters as one number: a lookup key that needs no new string. */
function prefixKey(s: string, at: number): number {
  return (s.charCodeAt(at) << 16) | (s.charCodeAt(at + 1) << 8) | s.charCodeAt(at + 2);
}

function add<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const LOOKUP: Lookup = (() => {
  const words = new Map<string, WordEntry>();
  const beginnings = new Map<number, Array<[string, number]>>();
  const entry = (word: string): WordEntry => {
    let e = words.get(word);
    if (!e) words.set(word, (e = { tags: [], phrases: [] }));
    return e;
  };
  const addWord = (w: string, t: number): void => {
    const open = w.endsWith('*');
    const n = normalized(open ? w.slice(0, -1) : w).trim();
    const space = n.indexOf(' ');
    if (space > 0) entry(n.slice(0, space)).phrases.push([' ' + n + (open ? '' : ' '), t]);
    else if (open) add(beginnings, prefixKey(n, 0), [n, t]);
    else if (!entry(n).tags.includes(t)) entry(n).tags.push(t);
  };
  SERVICE_ROWS.forEach((row, i) => row.words.forEach((w) => addWord(w, tag(SERVICE, i))));
  DRUG_ROWS.forEach((row, i) => row.names.forEach((w) => addWord(w, tag(DRUG, i))));
  MARK_ROWS.forEach((row) => row.words.forEach((w) => addWord(w, tag(MARK, MARKS.indexOf(row.mark)))));
  return { words, beginnings };
})();

const byNumber = (a: number, b: number): number => a - b;

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
    const e = LOOKUP.words.get(word);
    if (e) {
      for (let i = 0; i < e.tags.length; i++) note(m, e.tags[i]);
      for (let i = 0; i < e.phrases.length; i++) if (n.startsWith(e.phrases[i][0], from - 1)) note(m, e.phrases[i][1]);
    }
    if (end - from >= 3) {
      const list = LOOKUP.beginnings.get(prefixKey(n, from));
      if (list) for (let i = 0; i < list.length; i++) if (word.startsWith(list[i][0])) note(m, list[i][1]);
    }
    from = end + 1;
  }
  if (m.services.length > 1) m.services.sort(byNumber);
  if (m.drugs.length > 1) m.drugs.sort(byNumber);
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

const SPINE_SURGERY = placed('Surgery', 'Spine');
const SURGICAL_CONSULT = placed('Surgery', 'Surgical Consult');

/** A surgery's subcategory: arthroscopic, spinal (by its procedure or its site), or neither. */
function surgeryOf(row: number, marks: number): TreatmentCategory {
  if (SERVICE_ROWS[row].subcategory === 'Non-arthroscopic Surgery' && (marks & markBit('spine')) !== 0)
    return SPINE_SURGERY;
  return ROW_PLACES[row];
}

/** Each service row's place, made once: a name's place is shared, never changed. */
const ROW_PLACES: readonly TreatmentCategory[] = SERVICE_ROWS.map((r) => placed(r.category, r.subcategory));
const DRUG_PLACES = new Map<string, TreatmentCategory>();
const OTHER_PLACE = placed(OTHER, null);

function drug(drugClass: DrugClass | typeof OTHER): TreatmentCategory {
  let p = DRUG_PLACES.get(drugClass);
  if (!p) DRUG_PLACES.set(drugClass, (p = placed(PHARMACEUTICALS, null, drugClass)));
  return p;
}

const TOPICAL = markBit('topical');
const BODY_SITE = markBit('bodySite');
const PRE_OPERATIVE = markBit('preOperative');
const PRESCRIPTION = markBit('prescription');

/** The drug class of the drug rows a name matched, with a skin strength (`5%`) read as a topical form. */
function drugPlaceOf(name: string, m: Matches): TreatmentCategory {
  const marks = SKIN_STRENGTH.test(name) ? m.marks | TOPICAL : m.marks;
  return drug(
    drugClassOf(
      m.drugs.map((i) => DRUG_ROWS[i]),
      marks,
    ),
  );
}

function placeOf(name: string): TreatmentCategory {
  const m = matchesOf(name);
  let first = -1;
  for (let k = 0; k < m.services.length && first < 0; k++)
    if (!SERVICE_ROWS[m.services[k]].afterDrugs) first = m.services[k];
  if (first >= 0) {
    const row = SERVICE_ROWS[first];
    switch (row.category === 'Injection' ? 'injection' : row.rule) {
      case 'injection':
        // The DWC counts viscosupplements as a drug class; a drug given by injection, with no place
        // on the body named, is a drug (class Injection); anything else injected is a procedure.
        if (m.drugs.some((i) => DRUG_ROWS[i].drugClass === 'Viscosupplementation')) return drug('Viscosupplementation');
        if (row.rule === 'injection' && m.drugs.length > 0 && (m.marks & BODY_SITE) === 0) return drug('Injection');
        break;
      case 'visit':
        if ((m.marks & PRE_OPERATIVE) !== 0) return ADJUNCT;
        if (m.services.some((i) => SERVICE_ROWS[i].rule === 'surgery')) return SURGICAL_CONSULT;
        break;
      case 'test':
        if ((m.marks & PRE_OPERATIVE) !== 0) return ADJUNCT;
        break;
    }
    return ROW_PLACES[first];
  }
  if (m.drugs.length > 0) return drugPlaceOf(name, m);
  if (m.services.length > 0) {
    const late = SERVICE_ROWS[m.services[0]];
    return late.rule === 'surgery' ? surgeryOf(m.services[0], m.marks) : ROW_PLACES[m.services[0]];
  }
  if ((m.marks & (TOPICAL | PRESCRIPTION)) !== 0 || STRENGTH.test(name)) return drugPlaceOf(name, m);
  return OTHER_PLACE;
}

/** The longest name read: a letter's item is a line or a paragraph, never more. */
const MAX_NAME = 400;

/** The name as read: its first MAX_NAME characters, ligatures a PDF's text may keep (`\ufb01`) as letters. */
function readable(itemName: string): string {
  const name = itemName.length > MAX_NAME ? itemName.slice(0, MAX_NAME) : itemName;
  return /[^\x00-\x7f]/.test(name) ? name.normalize('NFKC') : name;
}

/** The item's Request Category, SubCategory and drug class. */
export function treatmentCategoryOf(itemName: string): TreatmentCategory {
  return placeOf(readable(itemName));
}

/** Words that begin an item's name before the drug: `Retrospective Cyclobenzaprine`, `Refill of Xanax`. */
const LEAD =
  /^(?:(?:retrospective|prospective|retro|request(?:ed)?|refill|prescription|one|a|an|the|of|for)\b[\s:,]*)+/i;
/** Where a drug's name ends: a digit, a bracket, a comma, a quantity, or a form or route word (`ointment5%` too). */
const DRUG_END =
  /[\d(#,;:[]|\b(?:QTY|quantity|tabs?|tablets?|caps?|capsules?|cream|gel|ointment|lotion|patch(?:es)?|pads?|solution|suspension|spray|oral|topical|transdermal|injections?|in|for|with|x|was|unknown)(?![a-z])/i;

/** The item's place, and for a pharmaceutical the drug and quantity it names. */
export function treatmentOf(itemName: string): Treatment {
  const name = readable(itemName);
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
