// The word index behind Go to Symbol in Workspace (server/src/features/itemSearch.ts): what a query
// finds in the real letters, and that the index kept up to date through changes (and rebuilt when
// the dead outnumber the living) answers as a plain scan of the entries would.

import * as assert from 'assert';
import { OUTCOME_LABELS } from '../../server/src/engine/vocabulary';
import { ItemSearch, queryWords, wordsOf } from '../../server/src/features/itemSearch';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { LetterIndex } from '../../server/src/workspace/letterIndex';
import type { FileSummary } from '../../server/src/export/summary';
import { summarizeText } from '../../server/src/export/summarizeText';
import { fixtureText } from './helpers';

const LETTERS = [
  '000_ccd83326e20498fa.txt',
  '001_95d645f4881bb0c4.txt',
  '002_5ad3443a4d2d1746.txt',
  '004_b9c7ee4c5df882e9.txt',
];
const summaries = new Map(LETTERS.map((n) => [n, summarizeText(n, fixtureText('letters', n))]));
const uri = (name: string) => `file:///case/${name}`;

function indexOf(names: readonly string[]): LetterIndex {
  const index = new LetterIndex();
  for (const n of names) index.set(uri(n), summaries.get(n)!, 1, 1, false);
  return index;
}

/** [file, item name] of each symbol, in the order given. */
function found(index: LetterIndex, query: string, limit?: number): string[][] {
  return workspaceSymbols(index, query, limit).map((s) => [
    s.location.uri.split('/').pop()!,
    s.name.split(' \u00b7 ')[0],
  ]);
}

/** Each matching item ("uri letter item") with the number of query words it holds, found by reading every item. */
function scan(index: LetterIndex, words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of index.values())
    e.summary.letters.forEach((letter, l) =>
      letter.items.forEach((item, i) => {
        const sources = item.sources.flatMap((s) => s.split('/'));
        const file = e.uri.split('/').pop()!;
        const text = [item.name, OUTCOME_LABELS[item.outcome], ...sources, letter.caseNumber ?? '', file]
          .join(' ')
          .toLowerCase();
        const own = wordsOf(text);
        const n = words.filter((w) => {
          const parts = wordsOf(w);
          if (parts.length === 0) return false;
          const last = parts[parts.length - 1];
          const begins = own.some((o) => o.startsWith(last)) && parts.slice(0, -1).every((p) => own.includes(p));
          return begins && (parts.length === 1 && parts[0] === w ? true : text.includes(w));
        }).length;
        if (n > 0) out.set(`${e.uri} ${l} ${i}`, n);
      }),
    );
  return out;
}

/** The search's answer checked against the scan: the same items, those holding more words first. */
function assertAsScan(index: LetterIndex, search: ItemSearch, query: string, label: string): void {
  const words = [...new Set(queryWords(query))];
  const expected = scan(index, words);
  const hits = search.search(words, 1_000_000).map((h) => {
    const l = h.entry.summary.letters.indexOf(h.letter);
    return `${h.entry.uri} ${l} ${h.letter.items.indexOf(h.item)}`;
  });
  assert.deepStrictEqual([...hits].sort(), [...expected.keys()].sort(), label);
  const counts = hits.map((k) => expected.get(k)!);
  assert.ok(
    counts.every((n, i) => i === 0 || n <= counts[i - 1]),
    `${label}: best first (${counts.join(',')})`,
  );
}

describe('workspace symbols: the word index', () => {
  it('finds items by a word of their name, or its beginning, never by letters inside a word', () => {
    const index = indexOf(LETTERS);
    const xanax = [
      ['000_ccd83326e20498fa.txt', 'XANAX 0.5MG #90'],
      ['001_95d645f4881bb0c4.txt', 'Xanax 2mg, 1 twice a day as needed for 12 months'],
      ['002_5ad3443a4d2d1746.txt', 'Refill of Xanax 1mg, QTY: 90'],
    ];
    assert.deepStrictEqual(found(index, 'xanax').sort(), xanax);
    assert.deepStrictEqual(found(index, 'XAN').sort(), xanax);
    assert.deepStrictEqual(found(index, 'anax'), []);
    // "0.5mg" holds a dot: it must appear as written; only letter 000 writes it.
    assert.deepStrictEqual(found(index, '0.5mg'), [['000_ccd83326e20498fa.txt', 'XANAX 0.5MG #90']]);
  });

  it('puts the items that hold every word first, and keeps to the limit', () => {
    const index = indexOf(LETTERS);
    // Letter 001's Lexapro and medication-management items cite ODG; 002's Xanax item too.
    // "xanax odg": 002's item holds both; 000's and 001's Xanax items and the other ODG items one.
    const both = found(index, 'xanax odg');
    assert.deepStrictEqual(both[0], ['002_5ad3443a4d2d1746.txt', 'Refill of Xanax 1mg, QTY: 90']);
    assert.deepStrictEqual(
      both
        .slice(1)
        .map((h) => h[1])
        .sort(),
      [
        '12 Sessions of medication management with a psychiatrist',
        'Lexapro 20mg, 1 daily for 12 months',
        'XANAX 0.5MG #90',
        'Xanax 2mg, 1 twice a day as needed for 12 months',
      ],
    );
    // Every one of the 8 items is upheld; the limit keeps the first 3.
    assert.strictEqual(found(index, 'upheld').length, 8);
    assert.strictEqual(found(index, 'upheld', 3).length, 3);
    assert.strictEqual(found(index, '').length, 8);
    // The file name: "002_5ad" holds an underscore, and must appear as written.
    assert.deepStrictEqual(found(index, '002_5ad'), [['002_5ad3443a4d2d1746.txt', 'Refill of Xanax 1mg, QTY: 90']]);
  });

  it('follows entries set and deleted after the first query', () => {
    const index = indexOf(LETTERS);
    assert.strictEqual(found(index, 'xanax').length, 3);
    const renamed = summarizeText(
      LETTERS[2],
      fixtureText('letters', LETTERS[2]).replace('Refill of Xanax 1mg', 'Refill of Alprazolam 1mg'),
    );
    index.set(uri(LETTERS[2]), renamed, 2, 2, false);
    index.delete(uri(LETTERS[0]));
    assert.deepStrictEqual(found(index, 'xanax'), [
      ['001_95d645f4881bb0c4.txt', 'Xanax 2mg, 1 twice a day as needed for 12 months'],
    ]);
    assert.deepStrictEqual(found(index, 'alprazolam'), [
      ['002_5ad3443a4d2d1746.txt', 'Refill of Alprazolam 1mg, QTY: 90'],
    ]);
  });

  it('built in the background as entries come, answers the same before and after it is done', async () => {
    const index = indexOf(LETTERS.slice(0, 2));
    const search = new ItemSearch(index, true);
    for (let f = 0; f < 1500; f++) index.set(`file:///bg/${f}.txt`, summaries.get(LETTERS[f % 4])!, 1, 1, false);
    // Asked before the background work is done: the rest is added at once.
    assertAsScan(index, search, 'xanax odg', 'before the background work');
    for (let f = 0; f < 1500; f += 3) index.delete(`file:///bg/${f}.txt`);
    for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
    assertAsScan(index, search, 'xanax odg', 'after it');
    assertAsScan(index, search, 'psychotropic 12', 'after it');
  });

  it('answers as a scan of every item would, through thousands of changes and a rebuild', () => {
    const index = new LetterIndex();
    const search = new ItemSearch(index);
    const list = [...summaries.values()];
    const notALetter: FileSummary = { isLetter: false, letters: [], problems: [] };
    const queries = [
      'xanax',
      'mtus upheld',
      'odg 12 months',
      'psycho',
      'ps med',
      '0.5mg',
      '0012_3',
      'x',
      'nothing-here',
    ];
    // 3,000 files changed five times over: 12,000 dead ids, past the rebuild threshold (10,000).
    for (let round = 0; round < 5; round++) {
      for (let f = 0; f < 2000; f++) {
        const file = `file:///many/${String(f).padStart(4, '0')}_${f % 7}.txt`;
        if ((f + round) % 11 === 0) index.delete(file);
        else index.set(file, (f + round) % 13 === 0 ? notALetter : list[(f + round) % list.length], 1, round, false);
      }
      for (const q of queries) assertAsScan(index, search, q, `"${q}", round ${round}`);
    }
  });
});
