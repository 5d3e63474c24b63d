// The Letters view with the user's notes and the appeal window (issue 30, item 6): real letters'
// headers give the last days (read from the letters: dated 01/30/2017, 02/03/2017 and 12/09/2016,
// 30 days + 5 for mail), a notes file gives the status and tags, and the filter's terms select on them.

import * as assert from 'assert';
import { detachedRow, letterRow, lostLetterRow, notFoundGroupRow } from '../../client/src/letterRows';
import { DEFAULT_APPEAL_OPTIONS } from '../../server/src/engine/appeal';
import { summarizeText } from '../../server/src/export/summarizeText';
import { letterGroups, lettersInGroup } from '../../server/src/features/letterGroups';
import type { MarksContext } from '../../server/src/features/letterMarks';
import { WorkspaceNotes } from '../../server/src/features/workspaceNotes';
import { detachedNotes } from '../../server/src/features/detachedNotes';
import { itemKeyOf } from '../../server/src/notes/keys';
import type { NotesFile } from '../../server/src/notes/model';
import type { LetterGrouping } from '../../server/src/protocol';
import type { IndexEntry } from '../../server/src/workspace/letterIndex';
import { fixtureText } from './helpers';

const FILES = ['CM16-0245796.pdftotext-raw.txt', 'CM16-0247274.pdftotext-raw.txt', 'CM16-0213037.pdftotext.txt'];
const ENTRIES: IndexEntry[] = FILES.map((name) => {
  const uri = `file:///ws/letters/${name}`;
  return { uri, size: 0, mtimeMs: 0, summary: summarizeText(uri, fixtureText('extraction', name)) } as IndexEntry;
});

const NOTE = (text: string) => ({
  id: text,
  created: '2026-12-07T11:00:00.000Z',
  updated: '2026-12-07T11:00:00.000Z',
  text,
});

const FILE: NotesFile = {
  version: 1,
  letters: {
    'case:CM16-0245796': {
      status: { value: 'In review', updated: '2026-12-07T11:00:00.000Z' },
      tags: ['appeal'],
      notes: [NOTE('Ask for the **records**')],
      items: {
        [itemKeyOf('Salonpas pad #60')]: {
          name: 'Salonpas pad #60',
          tags: ['<b>topical</b>'],
          notes: [NOTE('[x](command:evil)')],
        },
      },
    },
    'case:CM16-0213037': {
      status: { value: 'Done', updated: '2026-12-07T11:00:00.000Z' },
      tags: [],
      notes: [],
      items: {},
    },
  },
};

function context(today: string): MarksContext {
  const notes = new WorkspaceNotes();
  notes.set({ folders: [{ folder: 'file:///ws', file: FILE }] });
  return { placeOf: (uri) => notes.placeOf(uri), appeal: DEFAULT_APPEAL_OPTIONS, today };
}

const TODAY = '2017-03-01';

function cases(filter: string, groupBy: LetterGrouping = 'outcome', key = 'upheld', today = TODAY): string[] {
  return lettersInGroup(ENTRIES, { groupBy, filter, key }, context(today)).letters.map(
    (l) => l.caseNumber ?? l.fileName,
  );
}

describe('Letters view: notes, tags, status and the appeal window', () => {
  it("sends each letter's status, tags, note count and appeal window", () => {
    const letters = lettersInGroup(ENTRIES, { groupBy: 'outcome', key: 'upheld' }, context(TODAY)).letters;
    const byCase = new Map(letters.map((l) => [l.caseNumber, l]));
    const a = byCase.get('CM16-0245796')!;
    assert.strictEqual(a.status, 'In review');
    assert.deepStrictEqual(a.tags, ['<b>topical</b>', 'appeal']);
    assert.strictEqual(a.notes, 2);
    assert.deepStrictEqual(a.appeal, {
      lastDay: '2017-03-06',
      daysLeft: 5,
      open: true,
      rule: '30 days from 01/30/2017 + 5 for mail: Monday 2017-03-06',
    });
    const b = byCase.get('CM16-0247274')!;
    assert.deepStrictEqual(
      [b.status, b.tags, b.notes, b.appeal?.lastDay, b.appeal?.daysLeft],
      [undefined, undefined, undefined, '2017-03-10', 9],
    );
    const c = byCase.get('CM16-0213037')!;
    assert.deepStrictEqual(
      [c.status, c.appeal?.lastDay, c.appeal?.open, c.appeal?.daysLeft],
      ['Done', '2017-01-13', false, -47],
    );
  });

  it('shows them in the row, numbers first, and the rest in a plain-text tooltip', () => {
    const letters = lettersInGroup(ENTRIES, { groupBy: 'outcome', key: 'upheld' }, context(TODAY)).letters;
    const row = letterRow(letters.find((l) => l.caseNumber === 'CM16-0245796')!);
    assert.strictEqual(row.description, '2 items \u00b7 5 days left \u00b7 In review \u00b7 #<b>topical</b> +1');
    assert.ok(row.tooltip.includes('Status: In review\nTags: #<b>topical</b> #appeal\n2 notes'), row.tooltip);
    assert.ok(row.tooltip.includes('appeal by 2017-03-06 \u00b7 5 days left\n30 days from 01/30/2017'), row.tooltip);
    const closed = letterRow(letters.find((l) => l.caseNumber === 'CM16-0213037')!);
    assert.strictEqual(closed.description, '2 items \u00b7 appeal closed \u00b7 Done');
    assert.ok(closed.tooltip.includes('appeal closed 2017-01-13'), closed.tooltip);
  });

  it('filters by tag, status, outcome and open appeal window, with words as before', () => {
    assert.deepStrictEqual(cases('#appeal'), ['CM16-0245796']);
    assert.deepStrictEqual(cases('#APPEAL salonpas'), ['CM16-0245796']);
    assert.deepStrictEqual(cases('#appeal mri'), []);
    assert.deepStrictEqual(cases('#<b>topical</b>'), ['CM16-0245796']);
    assert.deepStrictEqual(cases('status:in-review'), ['CM16-0245796']);
    assert.deepStrictEqual(cases('status:"In Review"'), ['CM16-0245796']);
    assert.deepStrictEqual(cases('status:done'), ['CM16-0213037']);
    assert.deepStrictEqual(cases('outcome:upheld').length, 3);
    assert.deepStrictEqual(cases('outcome:overturned'), []);
    assert.deepStrictEqual(cases('appeal:open').sort(), ['CM16-0245796', 'CM16-0247274']);
    assert.deepStrictEqual(cases('appeal:closed'), ['CM16-0213037']);
    assert.deepStrictEqual(cases('appeal:open', 'outcome', 'upheld', '2017-03-08'), ['CM16-0247274']);
    const totals = letterGroups(
      ENTRIES,
      { groupBy: 'outcome', filter: '#appeal' },
      ['file:///ws'],
      0,
      false,
      context(TODAY),
    ).totals;
    assert.deepStrictEqual([totals.letters, totals.items], [1, 2]);
  });

  it('groups by appeal deadline: open windows first, soonest first, then closed', () => {
    const groups = letterGroups(ENTRIES, { groupBy: 'appeal' }, ['file:///ws'], 0, false, context(TODAY)).groups;
    assert.deepStrictEqual(
      groups.map((g) => [g.key, g.label, g.letters]),
      [
        ['open', 'Appeal window open', 2],
        ['closed', 'Appeal window closed', 1],
      ],
    );
    assert.deepStrictEqual(cases('', 'appeal', 'open'), ['CM16-0245796', 'CM16-0247274']);
    assert.deepStrictEqual(cases('', 'appeal', 'closed'), ['CM16-0213037']);
  });

  it('without notes for the folder, letters carry only their appeal window', () => {
    const bare: MarksContext = { appeal: DEFAULT_APPEAL_OPTIONS, today: TODAY };
    const l = lettersInGroup(ENTRIES, { groupBy: 'outcome', key: 'upheld' }, bare).letters;
    assert.ok(l.every((x) => x.status === undefined && x.tags === undefined && x.appeal !== undefined));
    assert.deepStrictEqual(
      lettersInGroup(ENTRIES, { groupBy: 'outcome', key: 'upheld', filter: '#appeal' }, bare).letters,
      [],
    );
  });
});

describe('Letters view: detached notes and notes of letters not found', () => {
  const LOST = 'path:letters/renamed-away.txt';
  const WITH_DETACHED: NotesFile = {
    version: 1,
    letters: {
      ...FILE.letters,
      'case:CM16-0245796': {
        ...FILE.letters['case:CM16-0245796'],
        items: {
          ...FILE.letters['case:CM16-0245796'].items,
          // An item name the letter does not have (it decides "Salonpas pad #60" only).
          [itemKeyOf('AneCream #1')]: {
            name: 'AneCream #1',
            tags: ['topical'],
            notes: [NOTE('Ask for the AneCream trial')],
          },
        },
      },
      [LOST]: { tags: [], notes: [NOTE('On the letter that was here')], items: {} },
    },
  };
  const notes = new WorkspaceNotes();
  notes.set({ folders: [{ folder: 'file:///ws', file: WITH_DETACHED }] });
  const ctx: MarksContext = { placeOf: (uri) => notes.placeOf(uri), appeal: DEFAULT_APPEAL_OPTIONS, today: TODAY };

  it("sends a letter's detached items with its key, and leaves attached ones out", () => {
    const letters = lettersInGroup(ENTRIES, { groupBy: 'outcome', key: 'upheld' }, ctx).letters;
    const a = letters.find((l) => l.caseNumber === 'CM16-0245796')!;
    assert.strictEqual(a.letterKey, 'case:CM16-0245796');
    assert.deepStrictEqual(
      a.detached?.map((d) => [d.key, d.name, d.tags, d.notes.map((n) => n.text)]),
      [['anecream #1', 'AneCream #1', ['topical'], ['Ask for the AneCream trial']]],
    );
    // Counted among the letter's notes: nothing hidden.
    assert.strictEqual(a.notes, 3);
    const b = letters.find((l) => l.caseNumber === 'CM16-0247274')!;
    assert.strictEqual(b.detached, undefined);
  });

  it('lists every detached item, and the letters no file holds once the index is built', () => {
    const r = detachedNotes(ENTRIES, notes, false);
    assert.deepStrictEqual(
      r.detached.map((l) => [l.key, l.uri, l.letterIndex, l.items.map((i) => i.name)]),
      [['case:CM16-0245796', ENTRIES[0].uri, 0, ['AneCream #1']]],
    );
    assert.deepStrictEqual(
      r.notFound.map((l) => [l.folder, l.key, l.label, l.notes.map((n) => n.text), l.items]),
      [['file:///ws', LOST, 'letters/renamed-away.txt', ['On the letter that was here'], []]],
    );
    // While the index is built, a letter not read yet is not lost.
    assert.deepStrictEqual(detachedNotes(ENTRIES, notes, true).notFound, []);
    // Without notes, nothing to say.
    const none = new WorkspaceNotes();
    assert.deepStrictEqual(detachedNotes(ENTRIES, none, false), { detached: [], notFound: [], indexing: false });
  });

  it('says in each row what is detached and where, numbers first', () => {
    const a = lettersInGroup(ENTRIES, { groupBy: 'outcome', key: 'upheld' }, ctx).letters.find(
      (l) => l.caseNumber === 'CM16-0245796',
    )!;
    assert.deepStrictEqual(detachedRow(a.detached![0]), {
      label: 'detached: AneCream #1',
      description: '1 note \u00b7 #topical',
      tooltip:
        'Item "AneCream #1" is no longer found in this letter (renamed or removed). ' +
        'Re-attach them (IMR: Re-attach Notes\u2026) or delete them; they are never dropped.',
    });
    assert.match(letterRow(a).tooltip, /1 item no longer found, with notes kept: re-attach or delete them/);
    const lost = detachedNotes(ENTRIES, notes, false).notFound;
    assert.strictEqual(notFoundGroupRow(lost.length).label, 'Notes of letters not found (1)');
    assert.strictEqual(lostLetterRow(lost[0]).label, 'letters/renamed-away.txt');
    assert.strictEqual(lostLetterRow(lost[0]).description, '1 note');
  });
});
