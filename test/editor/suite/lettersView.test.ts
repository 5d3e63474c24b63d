// The Letters view as VS Code shows it: every group expanded under each grouping. A letter sits in
// every group one of its items belongs to (malformed 001 in Upheld and unknown outcome; nearly
// every letter under two guideline sources), and each of its rows must have an id of its own, or
// VS Code refuses the second group ("Element with id ... is already registered").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LetterNode } from '../../../client/src/lettersView';
import { ExtensionApi, FIXTURES, activateExtension, fixtureUri, indexed, lineOf, openLetter, until } from '../helpers';

const QUIET = { select: false, focus: false } as const;

describe('the Letters view', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
    await indexed(api);
    await vscode.commands.executeCommand('imrLetters.letters.focus');
  });
  after(async () => {
    api.letters.setGrouping('outcome');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  const expected: Record<string, Array<[string, number]>> = {
    // 8 letters hold an upheld item, 1 an overturned one, 2 an outcome typed "Uphled" (both also upheld).
    outcome: [
      ['Upheld', 8],
      ['Overturned', 1],
      ['unknown outcome', 2],
    ],
  };

  for (const groupBy of ['outcome', 'source', 'specialty', 'folder'] as const) {
    it(`grouped by ${groupBy}, shows every group's letters and items when expanded`, async () => {
      api.letters.setGrouping(groupBy);
      const roots = await api.letters.getChildren();
      const groups = roots.filter((n): n is Extract<LetterNode, { kind: 'group' }> => n.kind === 'group');
      if (expected[groupBy])
        assert.deepEqual(
          groups.map((g) => [g.group.label, g.group.letters]),
          expected[groupBy],
        );
      const ids = new Map<string, string>();
      const keep = (n: LetterNode) => {
        const item = api.letters.getTreeItem(n);
        // A row without an id gets one from VS Code, made from its parent's.
        if (item.id === undefined) return;
        const id = item.id;
        assert.ok(!ids.has(id), `two rows with the id ${id}: ${ids.get(id)} and ${String(item.label)}`);
        ids.set(id, String(item.label));
      };
      roots.forEach(keep);
      let shared = 0;
      const seen = new Set<string>();
      const lettersOf = new Map<LetterNode, LetterNode[]>();
      for (const group of groups) {
        const letters = await api.letters.getChildren(group);
        assert.equal(letters.length, group.group.letters, `letters under ${group.group.label}`);
        lettersOf.set(group, letters);
        for (const letter of letters) {
          assert.equal(letter.kind, 'letter');
          keep(letter);
          (await api.letters.getChildren(letter)).forEach(keep);
          if (letter.kind === 'letter') {
            const key = `${letter.letter.uri}#${letter.letter.letterIndex}`;
            if (seen.has(key)) shared++;
            seen.add(key);
          }
        }
      }
      // Revealed in VS Code's own tree, every group expanded: where a second group with the same ids failed.
      for (const group of groups) {
        await api.letters.view.reveal(group, { ...QUIET, expand: true });
        for (const letter of lettersOf.get(group) ?? []) {
          await api.letters.view.reveal(letter, { ...QUIET, expand: true });
          assert.ok((await api.letters.getChildren(letter)).length > 0, `items of ${api.letters.idOf(letter)}`);
        }
      }
      assert.equal(seen.size, 9, 'every letter is in some group');
      if (groupBy === 'outcome' || groupBy === 'source') assert.ok(shared > 0, 'some letter is in two groups');
    });
  }

  it('opens an item with its decision line near the top of the editor', async () => {
    api.letters.setGrouping('outcome');
    const roots = await api.letters.getChildren();
    const upheld = roots.find((n) => n.kind === 'group' && n.group.key === 'upheld')!;
    const letters = await api.letters.getChildren(upheld);
    const letter001 = letters.find((n) => n.kind === 'letter' && n.letter.fileName === FIXTURES.letter001)!;
    const items = await api.letters.getChildren(letter001);
    // The last item of letter 001, far down a long letter.
    const row = api.letters.getTreeItem(items[items.length - 1]);
    assert.equal(row.label, '12 Sessions of medication management with a psychiatrist');
    assert.ok(row.command, 'an item opens its letter');
    await vscode.commands.executeCommand(row.command.command, ...(row.command.arguments ?? []));
    const editor = await until(
      [vscode.window.onDidChangeActiveTextEditor],
      () =>
        vscode.window.activeTextEditor?.document.uri.toString() === fixtureUri(FIXTURES.letter001).toString()
          ? vscode.window.activeTextEditor
          : undefined,
      () => 'letter 001 in the editor',
    );
    const decision = lineOf(editor.document, '12 Sessions of medication management with a psychiatrist: Upheld');
    assert.equal(editor.selection.active.line, decision);
    // In the top third of what the editor shows (VS Code keeps a few lines above a line it reveals at the top).
    const shown = await until(
      [vscode.window.onDidChangeTextEditorVisibleRanges],
      () => {
        const range = editor.visibleRanges[0];
        if (!range) return undefined;
        const third = (range.end.line - range.start.line) / 3;
        return range.start.line <= decision && decision - range.start.line <= third ? range : undefined;
      },
      () => `the decision line ${decision} near the top (visible: ${JSON.stringify(editor.visibleRanges)})`,
      { pollMs: 100 },
    );
    assert.ok(shown.end.line < editor.document.lineCount - 1, 'the letter goes on below the window');
  });

  it('filters by a tag of the notes file, and shows the tag in the letter row', async function () {
    this.timeout(60_000);
    const notesDir = fixtureUri('.imr-letters');
    const removeNotes = () =>
      vscode.workspace.fs.delete(notesDir, { recursive: true }).then(undefined, () => undefined);
    await removeNotes();
    try {
      await api.notes.store.load();
      const document = (await openLetter(FIXTURES.letter001)).document;
      await vscode.commands.executeCommand('imrLetters.addNote', {
        uri: document.uri.toString(),
        line: lineOf(document, 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld'),
        text: 'Ask for the refill history',
        tags: ['viewtag'],
      });
      api.letters.setGrouping('outcome');
      await vscode.commands.executeCommand('imrLetters.letters.filter', '#viewtag');
      let rows: string[] = [];
      // The server gets the notes a moment after the file is written: the view is asked until it shows them.
      await until(
        [],
        () => {
          void (async () => {
            const groups = (await api.letters.getChildren()).filter((n) => n.kind === 'group');
            const letters = (await Promise.all(groups.map((g) => api.letters.getChildren(g)))).flat();
            rows = letters.map(
              (l) => `${String(api.letters.getTreeItem(l).label)} | ${api.letters.getTreeItem(l).description}`,
            );
          })();
          return rows.length === 1 ? rows : undefined;
        },
        () => `one letter under #viewtag; rows: ${rows.join(' ; ')}`,
        { pollMs: 100 },
      );
      assert.equal(rows[0].split(' | ')[0], FIXTURES.letter001);
      assert.match(rows[0], /#viewtag/);
      await vscode.commands.executeCommand('imrLetters.letters.filter', '#nosuchtag');
      const groups = (await api.letters.getChildren()).filter((n) => n.kind === 'group');
      assert.equal(groups.length, 0);
    } finally {
      api.letters.setFilter('');
      await removeNotes();
    }
  });
});
