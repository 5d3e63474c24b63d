// The word index behind Go to Symbol in Workspace: every disputed item of the workspace index under
// the words of its search text (name, outcome, sources, case number, file name), so that a query
// looks up its words instead of reading every item's text.
//
// The performance trick, and the rule it imposes:
// - Items get ids in the order they are added; each word keeps the ids of the items holding it,
//   ascending. A changed or deleted entry's ids are marked dead, never removed from the lists, and
//   its new items get new ids; when the dead outnumber the living the whole index is built again.
// - Built on the first query, then kept up to date from the LetterIndex's synchronous observer: the
//   changed URIs are noted at once and read on the next query. RULE: every change of an entry goes
//   through LetterIndex.set/delete (an entry's summary is never changed in place), or the search
//   goes stale. test/unit/itemSearch.test.ts compares the index with a plain scan after changes.
// - A query word matches an item when it begins one of the item's words (`xan` finds Xanax; `anax`
//   does not); a word with punctuation inside (`002_5ad`, `cm14-0123`) must also appear as written.

import type { IndexEntry, LetterIndex } from '../workspace/letterIndex';
import type { ItemSummary, LetterSummary } from '../export/summary';
import { OUTCOME_LABELS } from '../engine/vocabulary';

export function fileNameOf(uri: string): string {
  // A PDF letter's text (imr-pdf:/…/Letter.pdf?<the PDF's URI>) is named by its path, not its query.
  const bare = uri.replace(/[?#].*$/, '');
  const slash = bare.lastIndexOf('/');
  try {
    return decodeURIComponent(bare.slice(slash + 1));
  } catch {
    return bare.slice(slash + 1);
  }
}

/**
 * Each item's search text, made when first needed and kept with the index entry (a new summary
 * gets a new entry, so it never goes stale). Not a WeakMap: a hundred thousand weak keys make every
 * garbage collection slower.
 */
const SEARCH = Symbol('search');
type Searchable = { [SEARCH]?: string[][] };

/** The search texts of an entry's items, by letter and item, made once. */
export function entrySearchTexts(entry: IndexEntry): string[][] {
  const e = entry as IndexEntry & Searchable;
  return (e[SEARCH] ??= searchTextsOf(entry));
}

function searchTextsOf(entry: IndexEntry): string[][] {
  return entry.summary.letters.map((letter) => letter.items.map((item) => searchText(entry.uri, letter, item)));
}

function searchText(uri: string, letter: LetterSummary, item: ItemSummary): string {
  const sources = item.sources.flatMap((s) => s.split('/'));
  return [item.name, OUTCOME_LABELS[item.outcome], ...sources, letter.caseNumber ?? '', fileNameOf(uri)]
    .join(' ')
    .toLowerCase();
}

export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** How many of the words the text holds. */
export function wordsMatched(text: string, words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (text.includes(w)) n++;
  return n;
}

const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** The words of a (lowercased) text: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text.split(WORD_BREAK).filter((w) => w.length > 0);
}

export interface ItemHit {
  entry: IndexEntry;
  letter: LetterSummary;
  item: ItemSummary;
}

/** How long a background slice of the index's building may hold the event loop. */
const SLICE_MS = 3;

/** Ids of items, one word's list: ascending. */
type Postings = number[];

export class ItemSearch {
  private entryOf: IndexEntry[] = [];
  private letterOf: number[] = [];
  private itemOf: number[] = [];
  private alive = new Uint8Array(1024);
  private living = 0;
  /** Each entry's ids: first and count. */
  private idsOf = new Map<string, [number, number]>();
  /**
   * Each word's ids in two parts, ascending across both: sealed in one typed array (`sealedIds`
   * from `sealedStart[slot]` to `sealedStart[slot + 1]`, slot by `sealedSlot`), then those added
   * since (`postings`). Sealing drops dead ids and keeps a large workspace's lists in a few typed
   * arrays instead of one small array a word.
   */
  private sealedSlot = new Map<string, number>();
  private sealedStart = new Int32Array(1);
  private sealedIds = new Int32Array(0);
  private postings = new Map<string, Postings>();
  private unsealed = 0;
  /** Every word, sorted (for prefix lookups), and the words added since it was sorted. */
  private sorted: string[] = [];
  private added: string[] = [];
  private readonly pending = new Set<string>();

  private slicing = false;

  /** `inBackground`: the entries are added a few milliseconds at a time between requests, not at the first query. */
  constructor(
    private readonly index: LetterIndex,
    private readonly inBackground = false,
  ) {
    index.observe((uri) => {
      this.pending.add(uri);
      this.sliceSoon();
    });
    if (!inBackground) this.rebuild();
    else for (const uri of index.uris()) this.pending.add(uri);
    this.sliceSoon();
  }

  /** Adds pending entries for SLICE_MS, and again after a turn for requests, until none is left. */
  private sliceSoon(): void {
    if (!this.inBackground || this.slicing || this.pending.size === 0) return;
    this.slicing = true;
    setImmediate(() => {
      this.slicing = false;
      const end = performance.now() + SLICE_MS;
      for (const uri of this.pending) {
        this.pending.delete(uri);
        this.update(uri);
        if (performance.now() >= end) break;
      }
      // New words sorted in once they are a quarter more than those sorted: n log n in all.
      if (this.pending.size === 0 || this.added.length > 1000 + this.sorted.length / 4) this.sortAdded();
      if (this.pending.size === 0) this.sealIfLarge();
      this.sliceSoon();
    });
  }

  /** Items in index order, best first: those holding every word, then fewer; `limit` at most. */
  search(words: readonly string[], limit: number): ItemHit[] {
    this.catchUp();
    const count = this.entryOf.length;
    const out: ItemHit[] = [];
    if (words.length === 0) {
      for (let id = 0; id < count && out.length < limit; id++) if (this.alive[id]) out.push(this.hit(id));
      return out;
    }
    const matched = new Uint8Array(count);
    for (const word of words) this.mark(word, matched);
    const buckets: number[][] = Array.from({ length: words.length }, () => []);
    for (let id = 0; id < count; id++) {
      const m = matched[id];
      if (m === 0) continue;
      const bucket = buckets[words.length - m];
      if (bucket.length < limit) bucket.push(id);
      if (m === words.length && bucket.length >= limit) break;
    }
    for (const bucket of buckets)
      for (const id of bucket) {
        if (out.length >= limit) return out;
        out.push(this.hit(id));
      }
    return out;
  }

  /** Adds one to `matched` for each living item the query word matches. */
  private mark(word: string, matched: Uint8Array): void {
    const parts = wordsOf(word);
    if (parts.length === 0) return;
    const last = parts[parts.length - 1];
    // The rarest of the whole words before the last, or every word the last one begins.
    const whole = parts.slice(0, -1);
    const words =
      whole.length > 0
        ? [whole.reduce((a, b) => (this.countOf(b) < this.countOf(a) ? b : a))]
        : this.wordsStartingWith(last);
    // Punctuation or several words: the text must hold the word as written.
    const exact = parts.length > 1 || parts[0] !== word;
    const seen = words.length > 1 ? new Uint8Array(matched.length) : undefined;
    const visit = (id: number) => {
      if (!this.alive[id] || (seen && seen[id])) return;
      if (seen) seen[id] = 1;
      if (exact && !this.textOf(id).includes(word)) return;
      matched[id]++;
    };
    for (const w of words) {
      const slot = this.sealedSlot.get(w);
      if (slot !== undefined)
        for (let k = this.sealedStart[slot]; k < this.sealedStart[slot + 1]; k++) visit(this.sealedIds[k]);
      const list = this.postings.get(w);
      if (list) for (const id of list) visit(id);
    }
  }

  /** How many ids a word has (dead ones included). */
  private countOf(word: string): number {
    const slot = this.sealedSlot.get(word);
    const sealed = slot === undefined ? 0 : this.sealedStart[slot + 1] - this.sealedStart[slot];
    return sealed + (this.postings.get(word)?.length ?? 0);
  }

  /** Seals the lists once the unsealed ids are many, and half as many as the sealed: n log n in all. */
  private sealIfLarge(): void {
    if (this.unsealed > 50_000 && this.unsealed > this.sealedIds.length / 2) this.seal();
  }

  /** All ids of living items into the typed arrays, by word in sorted order. */
  private seal(): void {
    this.sortAdded();
    let total = 0;
    for (const w of this.sorted) total += this.countOf(w);
    const ids = new Int32Array(total);
    const starts = new Int32Array(this.sorted.length + 1);
    const slots = new Map<string, number>();
    let k = 0;
    let slot = 0;
    for (const w of this.sorted) {
      const from = k;
      const old = this.sealedSlot.get(w);
      if (old !== undefined)
        for (let j = this.sealedStart[old]; j < this.sealedStart[old + 1]; j++) {
          const id = this.sealedIds[j];
          if (this.alive[id]) ids[k++] = id;
        }
      for (const id of this.postings.get(w) ?? []) if (this.alive[id]) ids[k++] = id;
      // A word no living item holds is dropped.
      if (k === from) continue;
      starts[slot] = from;
      slots.set(w, slot++);
    }
    starts[slot] = k;
    this.sealedIds = ids.slice(0, k);
    this.sealedStart = starts.slice(0, slot + 1);
    this.sealedSlot = slots;
    this.sorted = [...slots.keys()];
    this.postings = new Map();
    this.unsealed = 0;
  }

  private wordsStartingWith(prefix: string): string[] {
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) out.push(sorted[i]);
    return out;
  }

  private textOf(id: number): string {
    return entrySearchTexts(this.entryOf[id])[this.letterOf[id]][this.itemOf[id]];
  }

  private hit(id: number): ItemHit {
    const entry = this.entryOf[id];
    const letter = entry.summary.letters[this.letterOf[id]];
    return { entry, letter, item: letter.items[this.itemOf[id]] };
  }

  /** The entries changed since the last query, and the words added since, sorted in. */
  private catchUp(): void {
    if (this.pending.size > 0) {
      const dead = this.entryOf.length - this.living;
      if (dead + this.pending.size > Math.max(10_000, this.living)) this.rebuild();
      else for (const uri of this.pending) this.update(uri);
      this.pending.clear();
    }
    this.sortAdded();
    this.sealIfLarge();
  }

  private sortAdded(): void {
    if (this.added.length === 0) return;
    this.sorted = mergeSorted(this.sorted, this.added.sort());
    this.added = [];
  }

  private rebuild(): void {
    this.entryOf = [];
    this.letterOf = [];
    this.itemOf = [];
    this.alive = new Uint8Array(1024);
    this.living = 0;
    this.idsOf = new Map();
    this.sealedSlot = new Map();
    this.sealedStart = new Int32Array(1);
    this.sealedIds = new Int32Array(0);
    this.postings = new Map();
    this.unsealed = 0;
    this.sorted = [];
    this.added = [];
    this.pending.clear();
    for (const entry of this.index.values()) this.add(entry);
    this.seal();
  }

  private update(uri: string): void {
    const ids = this.idsOf.get(uri);
    if (ids) {
      for (let id = ids[0]; id < ids[0] + ids[1]; id++) this.alive[id] = 0;
      this.living -= ids[1];
      this.idsOf.delete(uri);
    }
    const entry = this.index.get(uri);
    if (entry) this.add(entry);
  }

  private add(entry: IndexEntry): void {
    if (!entry.summary.isLetter) return;
    const first = this.entryOf.length;
    // Not kept with the entry: the words are all the index needs, and kept texts would double its memory.
    const texts = (entry as IndexEntry & Searchable)[SEARCH] ?? searchTextsOf(entry);
    for (let l = 0; l < texts.length; l++)
      for (let i = 0; i < texts[l].length; i++) {
        const id = this.entryOf.length;
        this.entryOf.push(entry);
        this.letterOf.push(l);
        this.itemOf.push(i);
        if (id >= this.alive.length) {
          const grown = new Uint8Array(this.alive.length * 2);
          grown.set(this.alive);
          this.alive = grown;
        }
        this.alive[id] = 1;
        for (const word of new Set(wordsOf(texts[l][i]))) {
          const list = this.postings.get(word);
          if (list) list.push(id);
          else {
            this.postings.set(word, [id]);
            if (!this.sealedSlot.has(word)) this.added.push(word);
          }
          this.unsealed++;
        }
      }
    const count = this.entryOf.length - first;
    if (count === 0) return;
    this.living += count;
    this.idsOf.set(entry.uri, [first, count]);
  }
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** One search per index, made on the first query or, for the server's index, as entries come. */
const searches = new WeakMap<LetterIndex, ItemSearch>();
export function itemSearchOf(index: LetterIndex, inBackground = false): ItemSearch {
  let s = searches.get(index);
  if (!s) searches.set(index, (s = new ItemSearch(index, inBackground)));
  return s;
}
