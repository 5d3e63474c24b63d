// Notes where the letter is shown: the server's hover and CodeLens of an item with notes, the case
// hover with the letter's status, the keys imrLetters/items gives the client, and where the client
// puts a thread or a note for a line (client/src/notes/noteTargets.ts). On real letters: 001 (no
// case number: keyed by its path) and CM16-0213037 as pdftotext wrote it.

import * as assert from 'assert';
import type { MarkupContent } from 'vscode-languageserver';
import { targetAt, targetsOf, commentingLines } from '../../client/src/notes/noteTargets';
import { codeLenses } from '../../server/src/features/codeLens';
import { createContext } from '../../server/src/features/context';
import { hover } from '../../server/src/features/hover';
import { letterItems } from '../../server/src/features/letterItems';
import { uriPath, WorkspaceNotes } from '../../server/src/features/workspaceNotes';
import { DEFAULT_APPEAL_OPTIONS } from '../../server/src/engine/appeal';
import { EMPTY_NOTES_FILE, type NotesFile } from '../../server/src/notes/model';
import { addNote, changeTags, setStatus } from '../../server/src/notes/operations';
import { fixtureText, letterText, FIXTURES } from './helpers';

const STAMP = { now: '2026-12-07T10:00:00.000Z', id: '0123456789abcdef' };
const XANAX = 'Xanax 2mg, 1 twice a day as needed for 12 months';

function apply(file: NotesFile, result: { ok: boolean; file?: NotesFile; error?: string }): NotesFile {
  assert.ok(result.ok, result.error);
  return result.file!;
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return text.slice(0, at).split('\n').length - 1;
}

describe('notes in the editor', () => {
  const text = letterText(FIXTURES.familyPractice);
  const uri = `file:///work/folder/letters/${FIXTURES.familyPractice}`;
  const ctx = createContext(uri, 1, text, 'imr-letter');
  const relativePath = `letters/${FIXTURES.familyPractice}`;
  const letterKey = `path:${relativePath}`;
  const result = letterItems(ctx, relativePath, DEFAULT_APPEAL_OPTIONS);
  const xanaxLine = lineOf(text, `${XANAX}: Upheld`);

  it('the keys: the letter by its path in the folder (it states no case number), each item by its folded name', () => {
    assert.deepStrictEqual(result.letterKeys, [letterKey]);
    assert.strictEqual(result.itemKeys!.length, 4);
    const xanax = result.items.findIndex((i) => i.name === XANAX);
    assert.strictEqual(result.itemKeys![xanax], 'xanax 2mg 1 twice a day as needed for 12 months');
  });

  it("a line's target: the item whose decision line is at or above it, the letter above the first item", () => {
    const targets = targetsOf(result);
    assert.strictEqual(targets.length, 5);
    assert.deepStrictEqual(targetAt(result, xanaxLine)!.target.itemName, XANAX);
    // A line of Xanax's rationale, below its decision line: still Xanax.
    assert.deepStrictEqual(
      targetAt(result, lineOf(text, 'Decision rationale: According to the guidelines, BuSpar') + 0)?.target.itemName,
      'Buspar 15mg, 1 three times a day as needed for 12 months',
    );
    assert.deepStrictEqual(targetAt(result, 0)!.target, { letter: letterKey });
    assert.deepStrictEqual(
      commentingLines(result),
      [...new Set(targets.map((t) => t.line))].sort((a, b) => a - b),
    );
  });

  it("an item's hover and CodeLens show its notes and tags; a command link in a note stays text", () => {
    const target = {
      letter: letterKey,
      item: result.itemKeys![result.items.findIndex((i) => i.name === XANAX)],
      itemName: XANAX,
    };
    let file = apply(
      EMPTY_NOTES_FILE,
      addNote(EMPTY_NOTES_FILE, target, 'Refill [x](command:workbench.action.openSettings) <img src=x>', STAMP),
    );
    file = apply(file, addNote(file, target, 'Second', { now: '2026-12-07T11:00:00.000Z', id: 'fedcba9876543210' }));
    file = apply(file, changeTags(file, target, { add: ['appeal'] }));
    file = apply(file, setStatus(file, letterKey, 'In review', STAMP));
    const notes = new WorkspaceNotes();
    notes.set({ folders: [{ folder: 'file:///work/folder', file }] });
    const views = notes.viewsOf(ctx);
    assert.ok(views);
    const h = hover(ctx, { line: xanaxLine, character: 2 }, { notes: views });
    const md = (h!.contents as MarkupContent).value;
    assert.match(md, /\n\n---\n\n\*\*2 notes\*\* · \\#appeal\n\n> Refill /);
    assert.doesNotMatch(md, /\]\(command:|<img/);
    assert.match(md, /\\\[x\\\]\\\(command:workbench\\\.action\\\.openSettings\\\) &lt;img src=x&gt;/);
    assert.match(md, /> Second \*\(2026\\-12\\-07\)\*/);
    const lenses = codeLenses(ctx, undefined, views).map((l) => l.command?.title);
    assert.ok(lenses.includes('2 notes · appeal'), lenses.join(' | '));
    assert.strictEqual(lenses.filter((t) => t?.includes('note')).length, 1);
    // Another folder's notes are not this letter's.
    notes.set({ folders: [{ folder: 'file:///work/other', file }] });
    assert.strictEqual(notes.viewsOf(ctx), undefined);
  });

  it("the case hover shows the letter's status, notes and tags beside the appeal window", () => {
    const pdfText = fixtureText('extraction', 'CM16-0213037.pdftotext.txt');
    const pdfCtx = createContext('imr-pdf:/work/folder/CM16-0213037.pdf?x', 1, pdfText, 'imr-letter');
    let file = apply(EMPTY_NOTES_FILE, setStatus(EMPTY_NOTES_FILE, 'case:CM16-0213037', 'Appeal', STAMP));
    file = apply(file, addNote(file, { letter: 'case:CM16-0213037' }, 'File by the 13th', STAMP));
    const notes = new WorkspaceNotes();
    notes.set({ folders: [{ folder: 'file:///work/folder', file }] });
    const md = (
      hover(pdfCtx, { line: lineOf(pdfText, 'Case Number'), character: 2 }, { notes: notes.viewsOf(pdfCtx) })!
        .contents as MarkupContent
    ).value;
    assert.match(md, /Last day to appeal: \*\*2017-01-13\*\*/);
    assert.match(md, /---\n\nStatus: \*\*Appeal\*\* · \*\*1 note\*\*\n\n> File by the 13th/);
  });

  it("a URI's path whatever its scheme, decoded", () => {
    assert.strictEqual(uriPath('file:///work/my%20letters/a.txt'), '/work/my letters/a.txt');
    assert.strictEqual(uriPath('imr-pdf:/work/a.pdf?file%3A%2F%2F%2Fwork%2Fa.pdf'), '/work/a.pdf');
    assert.strictEqual(uriPath('vscode-vfs://github/o/r/a.txt'), '/o/r/a.txt');
  });
});
