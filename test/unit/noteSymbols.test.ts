// Go to Symbol in Workspace by the user's tags and notes (issue 30, item 6), on real letters:
// CM16-0245796 (Salonpas pad #60, Anecream cream 4% #30, both upheld) and CM16-0247274.

import * as assert from 'assert';
import { summarizeText } from '../../server/src/export/summarizeText';
import { WorkspaceNotes } from '../../server/src/features/workspaceNotes';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { itemKeyOf } from '../../server/src/notes/keys';
import type { NotesFile } from '../../server/src/notes/model';
import { LetterIndex } from '../../server/src/workspace/letterIndex';
import { fixtureText } from './helpers';

const AT = '2026-12-07T11:00:00.000Z';
const FILE: NotesFile = {
  version: 1,
  letters: {
    'case:CM16-0245796': {
      tags: [],
      notes: [],
      items: {
        [itemKeyOf('Salonpas pad #60')]: {
          name: 'Salonpas pad #60',
          tags: ['appeal'],
          notes: [{ id: 'n1', created: AT, updated: AT, text: 'Ask the <b>adjuster</b> for the records' }],
        },
      },
    },
    'case:CM16-0247274': {
      tags: ['followup'],
      notes: [{ id: 'n2', created: AT, updated: AT, text: 'Whole letter: physiotherapy records missing' }],
      items: {},
    },
  },
};

function setUp(): { index: LetterIndex; notes: WorkspaceNotes } {
  const index = new LetterIndex();
  for (const name of ['CM16-0245796.pdftotext-raw.txt', 'CM16-0247274.pdftotext-raw.txt']) {
    const uri = `file:///ws/${name}`;
    index.set(uri, summarizeText(uri, fixtureText('extraction', name)), 0, 0, false);
  }
  const notes = new WorkspaceNotes();
  notes.set({ folders: [{ folder: 'file:///ws', file: FILE }] });
  return { index, notes };
}

const names = (index: LetterIndex, notes: WorkspaceNotes, q: string) =>
  workspaceSymbols(index, q, 256, notes).map((s) => s.name.split(' \u00b7 ')[0]);

describe('Go to Symbol in Workspace: tags and notes', () => {
  it('finds the item tagged #appeal, its name carrying the tag and the note', () => {
    const { index, notes } = setUp();
    const found = workspaceSymbols(index, '#appeal', 256, notes);
    assert.deepStrictEqual(
      found.map((s) => s.name),
      [
        'Salonpas pad #60 \u00b7 Upheld \u00b7 ODG, ACOEM, MTUS \u00b7 CM16-0245796 \u00b7 #appeal \u00b7 \u201cAsk the <b>adjuster</b> for the records\u201d',
      ],
    );
    assert.strictEqual(found[0].location.uri, 'file:///ws/CM16-0245796.pdftotext-raw.txt');
  });

  it("finds items by words of their notes and of their letter's notes", () => {
    const { index, notes } = setUp();
    assert.deepStrictEqual(names(index, notes, 'adjuster'), ['Salonpas pad #60']);
    // The letter-wide note is on every item of CM16-0247274 (six), the item's note on one.
    const records = names(index, notes, 'records');
    assert.strictEqual(records.length, 7);
    assert.ok(records.includes('Salonpas pad #60'));
    // Found by its note and its name, first; then the word index's items holding one of the words.
    const both = workspaceSymbols(index, 'records salonpas', 256, notes);
    assert.ok(both[0].name.startsWith('Salonpas pad #60') && both[0].name.includes('#appeal'), both[0].name);
    assert.strictEqual(both.filter((s) => s.name.startsWith('Salonpas pad #60')).length, 1);
    assert.deepStrictEqual(names(index, notes, '#followup').length, 6);
    assert.deepStrictEqual(names(index, notes, '#nosuchtag'), []);
  });

  it('without notes, the word index answers as before', () => {
    const { index } = setUp();
    assert.deepStrictEqual(names(index, new WorkspaceNotes(), 'adjuster'), []);
    assert.deepStrictEqual(names(index, new WorkspaceNotes(), 'salonpas'), ['Salonpas pad #60']);
  });
});
