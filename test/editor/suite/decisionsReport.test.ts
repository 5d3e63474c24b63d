// IMR: Show Decisions Report over the workspace folder (test/fixtures/editor-workspace: 9 letters,
// 20 items, 17 upheld, 1 overturned, 2 typed "Uphled"). Its numbers must be the export's; a click on
// a row opens the letter at the item. The webview's page runs in its own frame, out of the extension
// host's reach: the test reads the page the panel rendered and hands the panel the message a row's
// click posts (DecisionsReportPanel.receive, the handler the webview's onDidReceiveMessage calls),
// and likewise what its status and tag pickers post. The notes that test writes (letter 001 in
// Appeal, its Xanax item tagged esi) are removed before and after.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DecisionsReportResult, ExportDecisionsResult } from '../../../server/src/protocol/requests';
import {
  ExtensionApi,
  FIXTURES,
  activateExtension,
  fixtureUri,
  indexed,
  lineOf,
  openLetter,
  revert,
  until,
} from '../helpers';

const NOTES_DIR = '.imr-letters';

async function removeNotes(): Promise<void> {
  await vscode.workspace.fs.delete(fixtureUri(NOTES_DIR), { recursive: true }).then(undefined, () => undefined);
}

interface ExportedItem {
  item: string;
  outcome: string;
  category: string;
}

describe('decisions report', () => {
  let api: ExtensionApi;
  before(async () => {
    await removeNotes();
    api = await activateExtension();
    await indexed(api);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeNotes();
  });

  it("opens over the folder's letters with the export's numbers", async () => {
    const result = await vscode.commands.executeCommand<DecisionsReportResult>('imrLetters.showDecisionsReport');
    assert.ok(result, 'the command returns the report it shows');
    const out = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-report-')), 'decisions.jsonl'));
    const exported = await vscode.commands.executeCommand<ExportDecisionsResult>(
      'imrLetters.exportDecisions',
      out,
      'jsonl',
    );
    const records = fs
      .readFileSync(out.fsPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ExportedItem);
    const t = result.report.totals;
    assert.deepEqual(
      { letters: t.letters, items: t.items, upheld: t.upheld, overturned: t.overturned, unknown: t.unknown },
      {
        letters: exported.letters,
        items: records.length,
        upheld: records.filter((r) => r.outcome === 'Upheld').length,
        overturned: records.filter((r) => r.outcome === 'Overturned').length,
        unknown: records.filter((r) => r.outcome === 'unknown').length,
      },
    );
    assert.deepEqual([t.letters, t.items, t.upheld, t.overturned, t.unknown], [9, 20, 17, 1, 2]);
    const byCategory = new Map<string, number>();
    for (const r of records) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + 1);
    assert.deepEqual(new Map(result.report.byCategory.map((g) => [g.key, g.items])), byCategory, 'items by category');
    assert.deepEqual(result.report.items.map((i) => i.item).sort(), records.map((r) => r.item).sort());

    // The page: the theme's colours, a nonce'd policy, a row per item that knows its letter.
    const html = api.decisionsReport.html;
    assert.match(html, /Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[^']+'/);
    assert.ok(!html.includes('unsafe-inline'));
    assert.equal((html.match(/<tr data-outcome="[^"]+" data-uri="/g) ?? []).length, 20);
    assert.equal((html.match(/<svg class="chart"/g) ?? []).length, 6);
    // A text page that names its folder, its files relative to it, no column of letter numbers all 1.
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(html), 'a control character in the page');
    assert.match(html, /<div class="made">Letters in editor-workspace, made \d{4}-\d\d-\d\d \d\d:\d\d UTC<\/div>/);
    assert.ok(html.includes('>archive/2014/malformed_never_opened.txt:121</td>'), 'a path relative to the folder');
    assert.ok(!html.includes('>Letter</th>'));
  });

  it('a click on a row opens the letter at the item', async () => {
    const report = api.decisionsReport.last!.report;
    const overturned = report.items.find((i) => i.outcome === 'Overturned');
    assert.ok(overturned?.uri, 'the overturned item has a URI');
    assert.equal(vscode.Uri.parse(overturned.uri).toString(), fixtureUri(FIXTURES.malformed004).toString());
    // What the page posts for this row (its data-uri, data-line, data-character).
    const row = new RegExp(
      `data-uri="${overturned.uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" data-line="(\\d+)" data-character="(\\d+)"`,
    );
    const [, line, character] = api.decisionsReport.html.match(row) ?? [];
    const editor = await api.decisionsReport.receive({
      type: 'open',
      uri: overturned.uri,
      line: +line,
      character: +character,
    });
    assert.ok(editor);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), overturned.uri);
    const at = editor.selection.active;
    // Letter 004's item, its outcome alone on the next line.
    assert.match(editor.document.lineAt(at.line).text, /^Psychotropic Med Management consultation, 1 time per month/);
    assert.equal(editor.document.lineAt(at.line + 1).text.trim(), 'Overturned');
  });

  it('follows the index: an edit to an open letter changes the report', async () => {
    const editor = await openLetter(FIXTURES.malformed004);
    try {
      const line = editor.document.lineAt(44);
      assert.equal(line.text.trim(), 'Overturned');
      await editor.edit((e) => e.replace(line.range, 'Upheld '));
      // The panel, still open beside the letter, redraws when the server says the index changed.
      const totals = await until(
        [],
        () => {
          const t = api.decisionsReport.last?.report.totals;
          return t && t.overturned === 0 ? t : undefined;
        },
        () =>
          `the report to count the edited item as upheld (${JSON.stringify(api.decisionsReport.last?.report.totals)})`,
        { pollMs: 100, limitMs: 20000 },
      );
      assert.equal(totals.upheld, 18);
    } finally {
      await revert(editor);
    }
  });

  it('the status and tag pickers filter the report, and keep their choice while the panel lives', async function () {
    // A note written, the server told, the report drawn: slow on a loaded machine.
    this.timeout(60_000);
    await api.notes.store.load();
    const letter = (await openLetter(FIXTURES.letter001)).document;
    const xanax = lineOf(letter, 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld');
    assert.equal(
      await vscode.commands.executeCommand('imrLetters.setLetterStatus', {
        uri: letter.uri.toString(),
        status: 'Appeal',
      }),
      'Appeal',
    );
    assert.deepEqual(
      await vscode.commands.executeCommand('imrLetters.tagItem', {
        uri: letter.uri.toString(),
        line: xanax,
        tags: ['esi'],
      }),
      ['esi'],
    );
    await vscode.commands.executeCommand('imrLetters.showDecisionsReport');
    const panel = api.decisionsReport;
    // What the page posts when the status picker is set to Appeal (the tag left at All).
    let pending: Promise<unknown> | undefined;
    const appeal = await until(
      [],
      () => {
        pending ??= panel.receive({ type: 'filter', status: 'Appeal', tag: '' }).finally(() => (pending = undefined));
        return panel.last?.report.totals.items === 4 ? panel.last : undefined;
      },
      () => `the report kept to letter 001's four items (${JSON.stringify(panel.last?.report.totals)})`,
      { pollMs: 200, limitMs: 30_000 },
    );
    await pending;
    // The pickers offer the statuses of the setting (its default) and the tags the folder's letters have.
    assert.deepEqual(appeal.choices, { statuses: ['New', 'In review', 'Appeal', 'Done'], tags: ['esi'] });
    assert.deepEqual(
      appeal.report.items.map((i) => i.item.split(',')[0]),
      ['Lexapro 20mg', 'Buspar 15mg', 'Xanax 2mg', '12 Sessions of medication management with a psychiatrist'],
    );
    assert.equal(appeal.report.totals.letters, 1);
    assert.match(panel.html, /<option value="Appeal" selected>Appeal<\/option>/);
    assert.match(panel.html, /<span class="filtered">Status: Appeal \u00b7 4 of 20 items<\/span>/);

    // Then the tag picker set to esi as well: the Xanax item alone.
    await panel.receive({ type: 'filter', status: 'Appeal', tag: 'esi' });
    assert.deepEqual([panel.last!.report.totals.letters, panel.last!.report.totals.items], [1, 1]);
    assert.match(panel.last!.report.items[0].item, /^Xanax 2mg/);
    assert.match(panel.html, /<option value="esi" selected>#esi<\/option>/);
    assert.match(panel.html, /Status: Appeal \u00b7 Tag: esi \u00b7 1 of 20 items/);
    // The page keeps its nonce'd policy with its pickers.
    assert.match(panel.html, /Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[^']+'/);
    assert.ok(!panel.html.includes('unsafe-inline'));

    // Hidden behind the letter and shown again from the palette: the same filter.
    await vscode.window.showTextDocument(letter, { viewColumn: vscode.ViewColumn.Active });
    await vscode.commands.executeCommand('imrLetters.showDecisionsReport');
    assert.deepEqual(panel.last!.report.filter?.tags, ['esi']);
    assert.equal(panel.last!.report.totals.items, 1);
    assert.match(panel.html, /<option value="Appeal" selected>/);

    // Both pickers back at All: every item.
    await panel.receive({ type: 'filter', status: '', tag: '' });
    assert.equal(panel.last!.report.totals.items, 20);
    assert.equal(panel.last!.report.filter, undefined);
    assert.equal((panel.html.match(/<option value="" selected>All<\/option>/g) ?? []).length, 2);
  });
});
