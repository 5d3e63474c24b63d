// IMR: Show Decisions Report over the workspace folder (test/fixtures/editor-workspace: 9 letters,
// 20 items, 17 upheld, 1 overturned, 2 typed "Uphled"). Its numbers must be the export's; a click on
// a row opens the letter at the item. The webview's page runs in its own frame, out of the extension
// host's reach: the test reads the page the panel rendered and hands the panel the message a row's
// click posts (DecisionsReportPanel.receive, the handler the webview's onDidReceiveMessage calls).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DecisionsReportResult, ExportDecisionsResult } from '../../../server/src/protocol/requests';
import { ExtensionApi, FIXTURES, activateExtension, fixtureUri, indexed, openLetter, revert, until } from '../helpers';

interface ExportedItem {
  item: string;
  outcome: string;
  category: string;
}

describe('decisions report', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
    await indexed(api);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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
    assert.equal((html.match(/<svg class="chart"/g) ?? []).length, 4);
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
});
