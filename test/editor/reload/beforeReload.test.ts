// The first half of the window reload (test/editor/run-browser.mjs): two notes on one item, one
// through IMR: Add Note with arguments and one typed into the item's comment thread, both in the
// notes file. They stay there for afterReload.test.ts, which removes them. The decisions report,
// kept to their tag, stays open: VS Code brings it back after the reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, lineOf, openLetter, until, type ExtensionApi } from '../helpers';
import { itemNotesInFile, removeNotes } from '../noteHelpers';
import { BY_COMMAND, DECISION_LINE, IN_THREAD, ITEM, LETTER, TAG, reportHalf } from './reloadNotes';

describe('window reload, before: notes left in the notes file', function () {
  this.timeout(60_000);
  let api: ExtensionApi;

  before(async () => {
    await removeNotes();
    api = await activateExtension();
    await api.notes.store.load();
  });

  it('a note through IMR: Add Note with arguments and one in the comment thread reach the file', async () => {
    const document = (await openLetter(LETTER)).document;
    const line = lineOf(document, DECISION_LINE);
    await vscode.commands.executeCommand('imrLetters.addNote', {
      uri: document.uri.toString(),
      line,
      text: BY_COMMAND,
      tags: [TAG],
    });
    const thread = await until(
      [],
      () => api.notes.comments.threadsOf(document.uri).find((t) => t.range?.start.line === line),
      () => `a comment thread on the ${ITEM} decision line`,
      { pollMs: 100 },
    );
    await vscode.commands.executeCommand('imrLetters.notes.reply', { thread, text: IN_THREAD });

    assert.deepEqual(await itemNotesInFile(LETTER), [[ITEM, [TAG], [BY_COMMAND, IN_THREAD]]]);
  });

  it('the decisions report, kept to the tag, stays open', async function () {
    this.timeout(90_000);
    const shown = await vscode.commands.executeCommand<{ report: { totals: { items: number } } }>(
      'imrLetters.showDecisionsReport',
      { tag: TAG },
    );
    assert.equal(shown?.report.totals.items, 1);
    // The web workbench writes its open editors down every 60 s; on unload it may not finish ("Long
    // running operations during shutdown are unsupported"). Waiting 70 s, past one write, keeps the test
    // about the report's serializer, not about that race.
    await new Promise((resolve) => setTimeout(resolve, 70_000));
    reportHalf('before');
  });
});
