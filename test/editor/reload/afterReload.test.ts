// The second half of the window reload (test/editor/run-browser.mjs), in a new workbench, extension
// host and language server: the notes beforeReload.test.ts left come back from the notes file alone,
// in the item's hover, its CodeLens and its comment thread; the decisions report comes back with
// the tag its picker had. Then it removes the notes folder, so the fixture folder is left as it was.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, lineOf, openLetter, positionOf, until, type ExtensionApi } from '../helpers';
import { hoverUntil, lensTitlesUntil, removeNotes } from '../noteHelpers';
import { BY_COMMAND, DECISION_LINE, IN_THREAD, ITEM, LETTER, TAG, reportHalf } from './reloadNotes';

describe('window reload, after: the notes come back', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let document: vscode.TextDocument;
  let line: number;

  before(async () => {
    reportHalf('after');
    api = await activateExtension();
    document = (await openLetter(LETTER)).document;
    line = lineOf(document, DECISION_LINE);
  });
  after(removeNotes);

  it("the item's hover shows both notes and the tag", async () => {
    const hover = await hoverUntil(document, positionOf(document, line, 'XANAX', 1), /\*\*2 notes\*\*/);
    assert.match(hover, new RegExp(`\\*\\*2 notes\\*\\* · \\\\#${TAG}`));
    assert.ok(hover.includes(BY_COMMAND), hover);
    assert.ok(hover.includes(IN_THREAD), hover);
  });

  it('the CodeLens counts them and the comment thread holds them, in order', async () => {
    assert.ok((await lensTitlesUntil(document.uri, `2 notes · ${TAG}`)).includes(`2 notes · ${TAG}`));
    const thread = await until(
      [],
      () => api.notes.comments.threadsOf(document.uri).find((t) => t.range?.start.line === line),
      () => `a comment thread on the ${ITEM} decision line`,
      { pollMs: 100 },
    );
    assert.deepEqual(
      thread.comments.map((c) => (typeof c.body === 'string' ? c.body : c.body.value)),
      [BY_COMMAND, IN_THREAD],
    );
  });

  it('the decisions report comes back, still kept to the tag its picker had', async () => {
    const restored = await until(
      [],
      () => api.decisionsReport.last?.report,
      () => 'the decisions report restored with the window',
      { pollMs: 100 },
    );
    assert.deepEqual(restored.filter?.tags, [TAG]);
    // Drawn at once, perhaps before the notes file is read: drawn again, with its item, once it is.
    let items: string[] = [];
    await until(
      [],
      () => {
        items = api.decisionsReport.last?.report.items.map((i) => i.item) ?? [];
        return items.length > 0 ? items : undefined;
      },
      () => `the item kept to #${TAG} in the restored report; it lists: ${items.join(', ')}`,
      { pollMs: 100 },
    );
    assert.deepEqual(items, [ITEM]);
    assert.deepEqual(api.decisionsReport.last?.report.filter?.tags, [TAG]);
  });
});
