// The model's objects that hold lazy values (lazy.ts): a part's folded text, an item's citations,
// a letter's reviewer credentials; and the document, which keeps what a reparse needs.
//
// They are made here, outside the parser, so that what their getters read is the text and a few
// offsets, never the parser and its lines. Each is a class whose lazy property is an own
// enumerable accessor defined through one shared descriptor, its value kept in a private field.
// A getter written in an object literal is a new function for every object, and V8 then gives
// every object a hidden class of its own (docs/performance.md, "Lazy model values"). A new class
// here must be added to the shapes sample (see memory.ts).

import { guidelineCitations, mentionedCitations } from '../citations';
import type { KnowsIfTextIsEmpty } from '../lazy';
import { caseFactsOf } from '../caseFacts';
import type {
  CaseFacts,
  Citation,
  Conclusion,
  DisputedItem,
  HeaderField,
  ItemPart,
  Layout,
  Letter,
  LetterDocument,
  Outcome,
  PartKind,
  Patient,
  ReviewerCredentials,
  Section,
  Span,
} from '../model';
import { fold } from '../fold';
import { JoinedText } from '../joinedText';
import type { ReuseMemo } from './reparse';
import { patientIn } from './patient';
import { reviewerIn } from './reviewer';

/** The descriptor of a lazy property: an enumerable getter whose value `read` computes once and keeps. */
function lazyProperty<T>(read: (obj: T) => unknown): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: T) {
      return read(this);
    },
  };
}

const PART_TEXT = lazyProperty((part: PartObject) => part.textNow());

export class PartObject implements ItemPart, KnowsIfTextIsEmpty {
  declare readonly kind: PartKind;
  declare readonly label: string;
  declare readonly labelRange: Span;
  declare readonly text: string;
  declare readonly body: Span;
  declare readonly range: Span;
  readonly #source: string;
  readonly #from: number;
  readonly #to: number;
  readonly #empty: boolean;
  /** The part's citations once found: the outline reads them part by part, the item reads them all. */
  #citations: Citation[] | undefined = undefined;
  /** The folded text once read. */
  #text: string | undefined = undefined;
  /** How far the part has moved since its text was parsed (source, from and to are the parse's). */
  #shift = 0;

  constructor(
    kind: PartKind,
    label: string,
    labelRange: Span,
    body: Span,
    range: Span,
    source: string,
    from: number,
    to: number,
    empty: boolean,
  ) {
    // Assigned in the model's key order (JSON and for-in list them so), `text` in its place.
    this.kind = kind;
    this.label = label;
    this.labelRange = labelRange;
    Object.defineProperty(this, 'text', PART_TEXT);
    this.body = body;
    this.range = range;
    this.#source = source;
    this.#from = from;
    this.#to = to;
    this.#empty = empty;
  }

  /** Whether the text is empty, known without computing it. */
  textIsEmpty(): boolean {
    return this.#empty;
  }

  /** The part with its spans moved by `shift` (see reparseLetter); its text is the same words. */
  moved(shift: number): PartObject {
    const copy = new PartObject(
      this.kind,
      this.label,
      move(this.labelRange, shift),
      move(this.body, shift),
      move(this.range, shift),
      this.#source,
      this.#from,
      this.#to,
      this.textIsEmpty(),
    );
    copy.#text = this.#text;
    copy.#shift = this.#shift + shift;
    if (this.#citations) copy.#citations = move(this.#citations, shift);
    return copy;
  }

  /** The citations in the part's text, found on first call (lazy.ts: the item's are found on first read). */
  citations(): Citation[] {
    if (this.#citations) return this.#citations;
    const joined = JoinedText.ofRange(this.#source, this.#from, this.#to);
    const found =
      this.kind === 'rationale' ? mentionedCitations(joined, this.kind) : guidelineCitations(joined, this.kind);
    this.#citations = this.#shift === 0 ? found : move(found, this.#shift);
    return this.#citations;
  }

  textNow(): string {
    if (this.#text === undefined)
      this.#text = this.#empty ? '' : fold(JoinedText.ofRange(this.#source, this.#from, this.#to).text);
    return this.#text;
  }
}

const ITEM_CITATIONS = lazyProperty((item: ItemObject) => item.citationsNow());

/** A disputed item whose citations are found on first read: `citations` computes them. */
export class ItemObject implements DisputedItem {
  declare readonly name: string;
  declare readonly nameRange: Span;
  declare readonly requested?: string;
  declare readonly authorized?: string;
  declare readonly decisionRange: Span;
  declare readonly outcome: Outcome;
  declare readonly claimsAdministratorGuideline?: ItemPart;
  declare readonly reviewerGuideline?: ItemPart;
  declare readonly rationale?: ItemPart;
  declare readonly parts: readonly ItemPart[];
  declare readonly citations: readonly Citation[];
  declare readonly conclusion: Conclusion;
  declare readonly range: Span;
  readonly #findCitations: () => Citation[];
  /** The citations once read. */
  #citations: Citation[] | undefined = undefined;

  constructor(f: Omit<DisputedItem, 'citations'>, citations: () => Citation[]) {
    this.name = f.name;
    this.nameRange = f.nameRange;
    // Every item has both fields (undefined for most): one hidden class for all items.
    this.requested = f.requested;
    this.authorized = f.authorized;
    this.decisionRange = f.decisionRange;
    this.outcome = f.outcome;
    this.claimsAdministratorGuideline = f.claimsAdministratorGuideline;
    this.reviewerGuideline = f.reviewerGuideline;
    this.rationale = f.rationale;
    this.parts = f.parts;
    Object.defineProperty(this, 'citations', ITEM_CITATIONS);
    this.conclusion = f.conclusion;
    this.range = f.range;
    this.#findCitations = citations;
  }

  citationsNow(): Citation[] {
    if (this.#citations === undefined) this.#citations = this.#findCitations();
    return this.#citations;
  }

  /** The item with its spans moved by `shift` (see reparseLetter); its citations too, when they are found. */
  moved(shift: number): ItemObject {
    const parts = this.parts.map((p) => move(p, shift));
    // The guideline and rationale fields are parts of the list: the copy keeps them so.
    const same = (p: ItemPart | undefined) => (p ? parts[this.parts.indexOf(p)] : undefined);
    const find = this.#findCitations;
    const copy = new ItemObject(
      {
        name: this.name,
        nameRange: move(this.nameRange, shift),
        requested: this.requested,
        authorized: this.authorized,
        decisionRange: move(this.decisionRange, shift),
        outcome: move(this.outcome, shift),
        claimsAdministratorGuideline: same(this.claimsAdministratorGuideline),
        reviewerGuideline: same(this.reviewerGuideline),
        rationale: same(this.rationale),
        parts,
        conclusion: move(this.conclusion, shift),
        range: move(this.range, shift),
      },
      () => move(find(), shift),
    );
    if (this.#citations !== undefined) copy.#citations = move(this.#citations, shift);
    return copy;
  }
}

/** A lazy value not read yet, where undefined is a value. */
const NOT_READ: unique symbol = Symbol('not read');

const LETTER_REVIEWER = lazyProperty((letter: LetterObject) => letter.reviewerNow());
const LETTER_FACTS = lazyProperty((letter: LetterObject) => letter.factsNow());
const LETTER_PATIENT = lazyProperty((letter: LetterObject) => letter.patientNow());

/** Where a letter's lazy values are read from: [from, to) of its source text, before any shift. */
export interface LetterTextAt {
  /** The body of the section that states the reviewer's credentials. */
  readonly reviewer?: { from: number; to: number };
  /** The clinical case summary's body. */
  readonly summary?: { from: number; to: number };
}

/**
 * A letter whose header facts, reviewer credentials and patient are read on first use: the facts
 * from its header fields, the others from [from, to) of the text (see reviewerIn, patientIn).
 */
export class LetterObject implements Letter {
  declare readonly index: number;
  declare readonly layout: Layout;
  declare readonly range: Span;
  declare readonly header: readonly HeaderField[];
  declare readonly caseNumber?: string;
  declare readonly facts: CaseFacts;
  declare readonly sections: readonly Section[];
  declare readonly reviewer?: ReviewerCredentials;
  declare readonly patient: Patient;
  declare readonly decisions?: Section;
  declare readonly items: readonly DisputedItem[];
  readonly #source: string;
  readonly #at: LetterTextAt;
  /** How far the letter moved since its offsets in #source (see moved). */
  readonly #shift: number;
  #facts: CaseFacts | undefined = undefined;
  /** The reviewer's credentials once read: NOT_READ until then (a letter may state none). */
  #reviewer: ReviewerCredentials | undefined | typeof NOT_READ = NOT_READ;
  #patient: Patient | undefined = undefined;

  constructor(f: Omit<Letter, 'reviewer' | 'facts' | 'patient'>, source: string, at: LetterTextAt, shift = 0) {
    this.index = f.index;
    this.layout = f.layout;
    this.range = f.range;
    this.header = f.header;
    this.caseNumber = f.caseNumber;
    Object.defineProperty(this, 'facts', LETTER_FACTS);
    this.sections = f.sections;
    Object.defineProperty(this, 'reviewer', LETTER_REVIEWER);
    Object.defineProperty(this, 'patient', LETTER_PATIENT);
    this.decisions = f.decisions;
    this.items = f.items;
    this.#source = source;
    this.#at = at;
    this.#shift = shift;
  }

  factsNow(): CaseFacts {
    if (this.#facts === undefined) this.#facts = caseFactsOf(this.header);
    return this.#facts;
  }

  reviewerNow(): ReviewerCredentials | undefined {
    if (this.#reviewer === NOT_READ) {
      const at = this.#at.reviewer;
      this.#reviewer = at ? move(reviewerIn(this.#source, at.from, at.to), this.#shift) : undefined;
    }
    return this.#reviewer;
  }

  patientNow(): Patient {
    if (this.#patient === undefined) {
      const at = this.#at.summary;
      this.#patient = at ? patientIn(this.#source, at.from, at.to) : NO_PATIENT;
    }
    return this.#patient;
  }

  /** The letter with its spans moved by `shift` and its new index (see reparseLetter). */
  moved(shift: number, index: number): LetterObject {
    const sections = this.sections.map((s) => move(s, shift));
    const copy = new LetterObject(
      {
        index,
        layout: this.layout,
        range: move(this.range, shift),
        header: move(this.header, shift),
        caseNumber: this.caseNumber,
        sections,
        decisions: this.decisions ? sections[this.sections.indexOf(this.decisions)] : undefined,
        items: this.items.map((it) => move(it, shift)),
      },
      this.#source,
      this.#at,
      this.#shift + shift,
    );
    if (this.#reviewer !== NOT_READ) copy.#reviewer = move(this.#reviewer, shift);
    // Neither holds a span: a computed one is the copy's as it is.
    copy.#facts = this.#facts;
    copy.#patient = this.#patient;
    return copy;
  }
}

/** A letter without a clinical case summary states no patient. */
const NO_PATIENT: Patient = Object.freeze({ diagnoses: Object.freeze([]) as readonly string[] });

/**
 * The model of a file, with what reparseLetter needs of it in a private field. Not a WeakMap from
 * models: the scavenger keeps what a weak table holds until a full collection, so every discarded
 * model of a letter (the models of a document's earlier versions) lived on into the old generation.
 */
export class DocumentObject implements LetterDocument {
  constructor(
    readonly text: string,
    readonly letters: readonly Letter[],
    readonly eol: '\n' | '\r\n' | '\r',
    readonly doubleSpaced: boolean,
    reuse: ReuseMemo,
  ) {
    this.#reuse = reuse;
  }

  readonly #reuse: ReuseMemo;

  get reuse(): ReuseMemo {
    return this.#reuse;
  }
}

/** The citations of an item's parts, in order (a closure over the parts only: see the note at the top). */
export function citationsOfParts(parts: readonly PartObject[]): () => Citation[] {
  return () => {
    const out: Citation[] = [];
    for (const part of parts) pushAll(out, part.citations());
    return out;
  };
}

/** A 2013 notice's item: the citations of the items its discussion holds. */
export function citationsOf(items: readonly DisputedItem[]): () => Citation[] {
  return () => {
    const out: Citation[] = [];
    for (const item of items) pushAll(out, item.citations);
    return out;
  };
}

/** flatMap's work by a loop: V8's flatMap costs several times the loop on every call. */
function pushAll(out: Citation[], citations: readonly Citation[]): void {
  for (let i = 0; i < citations.length; i++) out.push(citations[i]);
}

/** shiftSpans, typed. */
function move<T>(value: T, shift: number): T {
  return shift === 0 ? value : (shiftSpans(value, shift) as T);
}

/**
 * A copy of a model value with every span (an object of the two numbers start and end) moved by
 * `shift`, keys in the same order. Written with for-in, not Object.keys: a large model has about a
 * million objects, and an array of keys for each is garbage.
 */
function shiftSpans(value: unknown, shift: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = shiftSpans(value[i], shift);
    return copy;
  }
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (typeof o.start === 'number' && typeof o.end === 'number' && isSpan(o)) {
    for (const k in o) out[k] = (o[k] as number) + shift;
    return out;
  }
  // The objects with lazy values (PartObject, ItemObject, LetterObject) move themselves: reading
  // their values here would compute every citation of every letter after the edit.
  if (o instanceof PartObject || o instanceof ItemObject) return o.moved(shift);
  for (const k in o) out[k] = shiftSpans(o[k], shift);
  return out;
}

function isSpan(o: Record<string, unknown>): boolean {
  let keys = 0;
  for (const k in o) {
    if (k !== 'start' && k !== 'end') return false;
    keys++;
  }
  return keys === 2;
}
