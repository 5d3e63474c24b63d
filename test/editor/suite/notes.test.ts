// Notes in the real editor: IMR: Add Note with arguments and a reply in a comment thread both reach
// the notes file (.imr-letters/notes.json in the workspace folder), the item's hover, its CodeLens
// and the thread; they come back when the language server starts again with nothing but the file
// (a real window reload is test/editor/reload/); the PDF letter shows the notes of its case; a
// deleted note comes back with Undo. The suite writes into the fixture folder, so it removes the
// notes folder before and after.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  FIXTURES,
  activateExtension,
  fixtureUri,
  lineOf,
  openLetter,
  positionOf,
  until,
  type ExtensionApi,
} from '../helpers';
import { hoverUntil, itemNotesInFile, lensTitlesUntil, notesFileText, removeNotes } from '../noteHelpers';

const XANAX = 'Xanax 2mg, 1 twice a day as needed for 12 months';
const BUSPAR = 'Buspar 15mg, 1 three times a day as needed for 12 months';
/** A note holding what must never run or load: a command link, HTML, a remote image. */
const HOSTILE =
  'Check the **refill** [run](command:imrLetters.restartServer) <b>x</b> ![img](https://example.com/a.png)';

describe('notes', function () {
  // Each step waits for a file write, the server and the editor: slow on a loaded machine.
  this.timeout(60_000);
  let api: ExtensionApi;
  let document: vscode.TextDocument;
  let xanaxLine: number;
  let xanaxName: vscode.Position;

  before(async () => {
    await removeNotes();
    api = await activateExtension();
    await api.notes.store.load();
    document = (await openLetter(FIXTURES.letter001)).document;
    xanaxLine = lineOf(document, `${XANAX}: Upheld`);
    xanaxName = positionOf(document, xanaxLine, 'Xanax', 1);
  });
  after(removeNotes);

  it('IMR: Add Note with arguments: in the notes file, the hover, the CodeLens and a comment thread', async () => {
    const id = await vscode.commands.executeCommand<string>('imrLetters.addNote', {
      uri: document.uri.toString(),
      line: xanaxLine,
      text: HOSTILE,
      tags: ['appeal'],
    });
    assert.match(id ?? '', /^[0-9a-f]{16}$/);
    // Letter 001 states no case number: it is keyed by its path in the folder; the item by its name.
    assert.deepEqual(await itemNotesInFile(FIXTURES.letter001), [[XANAX, ['appeal'], [HOSTILE]]]);

    const hover = await hoverUntil(document, xanaxName, /1 note/);
    assert.match(hover, /\*\*1 note\*\* · \\#appeal/);
    // Shown literally: the link, the HTML and the image are escaped text, never live.
    assert.doesNotMatch(hover, /\]\(command:/);
    assert.doesNotMatch(hover, /<b>|!\[img\]\(/);
    assert.match(hover, /\\\[run\\\]\\\(command:imrLetters\\.restartServer\\\)/);

    assert.ok((await lensTitlesUntil(document.uri, '1 note · appeal')).includes('1 note · appeal'));

    const thread = await until(
      [],
      () => api.notes.comments.threadsOf(document.uri).find((t) => t.range?.start.line === xanaxLine),
      () => 'a comment thread on the Xanax decision line',
      { pollMs: 100 },
    );
    assert.equal(thread.comments.length, 1);
    const body = thread.comments[0].body as vscode.MarkdownString;
    // Rendered as Markdown that can run nothing: not trusted, no HTML, the image reduced to its alt text.
    assert.equal(typeof body, 'object');
    assert.ok(!body.isTrusted, 'a note is never trusted Markdown');
    assert.ok(!body.supportHtml, 'a note renders no HTML');
    assert.ok(!body.value.includes('![img]'), body.value);
  });

  it('a reply in the comment thread adds a second note; a thread opened on the first line notes the letter', async () => {
    const thread = api.notes.comments.threadsOf(document.uri).find((t) => t.range?.start.line === xanaxLine);
    assert.ok(thread);
    await vscode.commands.executeCommand('imrLetters.notes.reply', { thread, text: 'Second look: *agreed*' });
    await hoverUntil(document, xanaxName, /2 notes/);

    const opened = api.notes.comments.controller.createCommentThread(document.uri, new vscode.Range(0, 0, 0, 0), []);
    await vscode.commands.executeCommand('imrLetters.notes.reply', {
      thread: opened,
      text: 'Whole letter: ask for records',
    });
    const file = JSON.parse(await notesFileText());
    const letter = file.letters[`path:${FIXTURES.letter001}`];
    assert.deepEqual(
      letter.notes.map((n: { text: string }) => n.text),
      ['Whole letter: ask for records'],
    );
    const items = Object.values(letter.items) as Array<{ notes: Array<{ text: string }> }>;
    assert.deepEqual(
      items[0].notes.map((n) => n.text),
      [HOSTILE, 'Second look: *agreed*'],
    );
  });

  it('the notes come back from the file alone: the language server restarted', async () => {
    await vscode.commands.executeCommand('imrLetters.restartServer');
    await api.ready;
    const hover = await hoverUntil(document, xanaxName, /2 notes/);
    assert.match(hover, /Second look/);
  });

  it('delete, then undo: the note leaves the file and comes back as it was', async () => {
    const thread = await until(
      [],
      () =>
        api.notes.comments
          .threadsOf(document.uri)
          .find((t) => t.range?.start.line === xanaxLine && t.comments.length === 2),
      () => 'the Xanax thread with two notes',
      { pollMs: 100 },
    );
    const second = thread.comments[1] as import('../../../client/src/notes/notesComments').NoteComment;
    const before = await notesFileText();
    assert.ok(await api.notes.comments.delete(second, false));
    assert.doesNotMatch(await notesFileText(), /Second look/);
    assert.ok(await api.notes.comments.undoDelete());
    assert.equal(await notesFileText(), before);
  });

  it('the PDF letter shows the notes of its case; Set Letter Status and Tag Item with arguments', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      'imrLetters.openPdfAsText',
      fixtureUri('CM16-0213037.pdf'),
    );
    assert.ok(editor);
    const pdf = editor.document;
    // The first item's decision line, as pdf.js lays it out.
    const mriAt = pdf.getText().search(/MRI of the right shoulder\s+without\s+contrast\s*:/);
    assert.ok(mriAt >= 0, 'the MRI item in the PDF letter');
    const mri = pdf.positionAt(mriAt).line;
    await vscode.commands.executeCommand('imrLetters.addNote', {
      uri: pdf.uri,
      line: mri,
      text: 'Compare with the CT',
    });
    assert.equal(
      await vscode.commands.executeCommand('imrLetters.setLetterStatus', { uri: pdf.uri, status: 'In review' }),
      'In review',
    );
    assert.deepEqual(
      await vscode.commands.executeCommand('imrLetters.tagItem', { uri: pdf.uri, line: mri, tags: ['#qa', 'appeal'] }),
      ['appeal', 'qa'],
    );
    const file = JSON.parse(await notesFileText());
    const letter = file.letters['case:CM16-0213037'];
    assert.equal(letter.status.value, 'In review');
    const hover = await hoverUntil(pdf, positionOf(pdf, mri, 'MRI', 1), /1 note/);
    assert.match(hover, /\\#appeal \\#qa/);
    assert.match(hover, /Compare with the CT/);
    // The case hover: the status, and the appeal window.
    const caseLine = pdf.positionAt(pdf.getText().indexOf('Case Number:')).line;
    const caseHover = await hoverUntil(pdf, positionOf(pdf, caseLine, 'Case', 1), /Status: \*\*In review\*\*/);
    assert.match(caseHover, /Last day to appeal: \*\*2017-01-13\*\* \(closed\)/);
    await until(
      [],
      () => (/appeal closed 2017-01-13/.test(api.statusBarText() ?? '') ? true : undefined),
      () => `the status bar to show the appeal window: ${api.statusBarText()}`,
      { pollMs: 100 },
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a command: link in a note runs nothing: untrusted Markdown in the hover and the thread', async () => {
    // A command of the test's own, so that running it would be seen.
    let ran = 0;
    const probe = vscode.commands.registerCommand('imrLettersTest.linkRan', () => ran++);
    try {
      const editor = await vscode.window.showTextDocument(document);
      const line = lineOf(document, `${BUSPAR}: Upheld`);
      const link = '[run](command:imrLettersTest.linkRan) <a href="command:imrLettersTest.linkRan">run</a>';
      await vscode.commands.executeCommand('imrLetters.addNote', { uri: document.uri.toString(), line, text: link });
      const buspar = positionOf(document, line, 'Buspar', 1);
      await hoverUntil(document, buspar, /1 note/);
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, buspar)) ??
        [];
      const contents = hovers.flatMap((h) => h.contents).filter((c) => c instanceof vscode.MarkdownString);
      assert.ok(contents.length > 0, 'the hover is Markdown');
      for (const c of contents) {
        assert.ok(!c.isTrusted, 'hover Markdown is never trusted');
        assert.ok(!c.supportHtml, 'hover Markdown renders no HTML');
        assert.doesNotMatch(c.value, /\]\(command:|<a /, c.value);
      }
      const thread = await until(
        [],
        () => api.notes.comments.threadsOf(document.uri).find((t) => t.range?.start.line === line),
        () => 'a comment thread on the Buspar decision line',
        { pollMs: 100 },
      );
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      const body = thread.comments[0].body as vscode.MarkdownString;
      assert.ok(!body.isTrusted, 'the comment is never trusted Markdown');
      assert.ok(!body.supportHtml, 'the comment renders no HTML');
      // Shown in the editor, the hover and the thread ran nothing; the probe itself works.
      editor.selection = new vscode.Selection(buspar, buspar);
      await vscode.commands.executeCommand('editor.action.showHover');
      assert.equal(ran, 0);
      await vscode.commands.executeCommand('imrLettersTest.linkRan');
      assert.equal(ran, 1);
    } finally {
      probe.dispose();
    }
  });

  it('the decisions report keeps the items of a tag or a status, each with its status and tags', async () => {
    // The PDF letter's MRI item was tagged appeal and qa, and its letter set In review, above.
    const byTag = await vscode.commands.executeCommand<{
      report: { items: Array<{ item: string; status?: string; tags?: string[] }> };
    }>('imrLetters.showDecisionsReport', { tag: '#qa' });
    assert.ok(byTag);
    assert.deepEqual(
      byTag.report.items.map((r) => [r.item, r.status, r.tags]),
      [['MRI of the right shoulder without contrast', 'In review', ['appeal', 'qa']]],
    );
    const byStatus = await vscode.commands.executeCommand<{ report: { items: Array<{ item: string }> } }>(
      'imrLetters.showDecisionsReport',
      { status: 'in review' },
    );
    assert.deepEqual(
      byStatus?.report.items.map((r) => r.item),
      ['MRI of the right shoulder without contrast', 'MRI of the cervical spine without contrast'],
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
