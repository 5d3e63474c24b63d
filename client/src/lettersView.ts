// The Letters view in the Explorer: the workspace's letters grouped by outcome, guideline source,
// reviewer specialty or folder, from the language server's index (imrLetters/letterGroups and
// imrLetters/lettersInGroup). A summary line on top, counts in each group's description, a badge
// with the number of letters with problems, a filter; a letter opens to its items, and an item
// opens the letter at its decision line. Outcome icons use chart colours, never error colours:
// an overturned decision is not a mistake.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  IndexChangedNotification,
  LetterGroup,
  LetterGroupsParams,
  LetterGroupsRequest,
  LetterGroupsResult,
  LetterGrouping,
  LetterListEntry,
  LetterListItem,
  LettersInGroupParams,
  LettersInGroupRequest,
  LettersInGroupResult,
} from '../../server/src/protocol';
import type { OutcomeKind } from '../../server/src/engine/model';
import { OUTCOME_LABELS } from '../../server/src/engine/vocabulary';

export const LETTERS_VIEW = 'imrLetters.letters';

export const GROUPINGS: ReadonlyArray<{ value: LetterGrouping; label: string }> = [
  { value: 'outcome', label: 'Outcome' },
  { value: 'source', label: 'Guideline source' },
  { value: 'specialty', label: 'Reviewer specialty' },
  { value: 'folder', label: 'Folder' },
];

export type LetterNode =
  | { kind: 'summary'; text: string; tooltip: string }
  | { kind: 'group'; group: LetterGroup }
  | { kind: 'letter'; letter: LetterListEntry }
  | { kind: 'item'; letter: LetterListEntry; item: LetterListItem }
  | { kind: 'more'; text: string };

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryText(r: LetterGroupsResult): string {
  const t = r.totals;
  const parts = [
    plural(t.letters, 'letter'),
    plural(t.items, 'item'),
    `${t.upheld.toLocaleString('en-US')} upheld`,
    `${t.overturned.toLocaleString('en-US')} overturned`,
    `${t.lettersWithProblems.toLocaleString('en-US')} with problems`,
  ];
  if (t.indexing) parts.push(t.pending > 0 ? `indexing, ${t.pending.toLocaleString('en-US')} files to go` : 'indexing');
  return parts.join(' \u00b7 ');
}

const OUTCOME_ICONS: Record<string, [string, string]> = {
  upheld: ['check', 'charts.blue'],
  overturned: ['arrow-swap', 'charts.purple'],
  unknown: ['question', 'charts.yellow'],
  missing: ['circle-large-outline', 'charts.yellow'],
};

export function outcomeIcon(outcome: string): vscode.ThemeIcon {
  const [icon, colour] = OUTCOME_ICONS[outcome] ?? OUTCOME_ICONS.unknown;
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
}

export class LettersView implements vscode.TreeDataProvider<LetterNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LetterNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<LetterNode>;
  private readonly subscriptions: vscode.Disposable[] = [];
  groupBy: LetterGrouping = 'outcome';
  filter = '';
  /** The server's index changed (the client takes one handler per notification: others listen here). */
  readonly indexChanged = new vscode.EventEmitter<void>();
  /** The last answer, for tests and the badge. */
  lastGroups: LetterGroupsResult | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.view = vscode.window.createTreeView(LETTERS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(this.view, this.changed, this.indexChanged);
    void ready.then(
      () =>
        this.subscriptions.push(
          client.onNotification(IndexChangedNotification, () => {
            this.refresh();
            this.indexChanged.fire();
          }),
        ),
      () => undefined,
    );
    void vscode.commands.executeCommand('setContext', 'imrLetters.lettersFiltered', false);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  setGrouping(groupBy: LetterGrouping): void {
    this.groupBy = groupBy;
    this.refresh();
  }

  setFilter(filter: string): void {
    this.filter = filter.trim();
    this.view.message = this.filter ? `Letters holding: ${this.filter}` : undefined;
    void vscode.commands.executeCommand('setContext', 'imrLetters.lettersFiltered', this.filter !== '');
    this.refresh();
  }

  /** The tree's groups as the server sends them (also read by the editor tests). */
  async groups(): Promise<LetterGroupsResult | undefined> {
    try {
      await this.ready;
      const params: LetterGroupsParams = { groupBy: this.groupBy, filter: this.filter };
      return await this.client.sendRequest<LetterGroupsResult>(LetterGroupsRequest, params);
    } catch {
      return undefined;
    }
  }

  async getChildren(node?: LetterNode): Promise<LetterNode[]> {
    if (!node) {
      const r = await this.groups();
      this.lastGroups = r;
      if (!r) return [];
      const problems = r.totals.lettersWithProblems;
      this.view.badge =
        problems > 0 ? { value: problems, tooltip: `${plural(problems, 'letter')} with problems` } : undefined;
      if (r.totals.letters === 0 && !r.totals.indexing && !this.filter) return [];
      const summary: LetterNode = { kind: 'summary', text: summaryText(r), tooltip: summaryText(r) };
      return [summary, ...r.groups.map((group): LetterNode => ({ kind: 'group', group }))];
    }
    if (node.kind === 'group') {
      const params: LettersInGroupParams = { groupBy: this.groupBy, filter: this.filter, key: node.group.key };
      const r = await this.client
        .sendRequest<LettersInGroupResult>(LettersInGroupRequest, params)
        .catch(() => undefined);
      if (!r) return [];
      const out: LetterNode[] = r.letters.map((letter) => ({ kind: 'letter', letter }));
      if (r.truncated)
        out.push({ kind: 'more', text: `Only the first ${r.letters.length} letters: filter to see others` });
      return out;
    }
    if (node.kind === 'letter') return node.letter.items.map((item) => ({ kind: 'item', letter: node.letter, item }));
    return [];
  }

  getTreeItem(node: LetterNode): vscode.TreeItem {
    switch (node.kind) {
      case 'summary': {
        const t = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        t.tooltip = node.tooltip;
        t.iconPath = new vscode.ThemeIcon('graph');
        t.contextValue = 'summary';
        return t;
      }
      case 'more': {
        const t = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        t.iconPath = new vscode.ThemeIcon('info');
        return t;
      }
      case 'group': {
        const g = node.group;
        const t = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Collapsed);
        t.id = `group:${this.groupBy}:${g.key}`;
        t.description =
          plural(g.letters, 'letter') +
          (g.lettersWithProblems > 0 ? ` \u00b7 ${g.lettersWithProblems} with problems` : '');
        t.iconPath =
          this.groupBy === 'outcome'
            ? outcomeIcon(g.key)
            : new vscode.ThemeIcon(
                this.groupBy === 'folder' ? 'folder' : this.groupBy === 'source' ? 'book' : 'person',
              );
        t.contextValue = 'group';
        return t;
      }
      case 'letter': {
        const l = node.letter;
        const label = l.caseNumber ?? l.fileName + (l.letterIndex > 0 ? ` (letter ${l.letterIndex + 1})` : '');
        const t = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        t.id = `letter:${this.groupBy}:${l.uri}#${l.letterIndex}`;
        const outcomes = l.items.map((i) => OUTCOME_LABELS[i.outcome as OutcomeKind] ?? i.outcome);
        t.description = [
          l.caseNumber ? l.fileName : '',
          plural(l.items.length, 'item'),
          l.problems > 0 ? plural(l.problems, 'problem') : '',
        ]
          .filter((s) => s !== '')
          .join(' \u00b7 ');
        t.tooltip = `${l.fileName}\n${outcomes.join(', ')}`;
        t.resourceUri = vscode.Uri.parse(l.uri);
        t.iconPath = new vscode.ThemeIcon(
          l.problems > 0 ? 'warning' : 'mail',
          new vscode.ThemeColor(l.problems > 0 ? 'list.warningForeground' : 'foreground'),
        );
        t.contextValue = 'letter';
        return t;
      }
      case 'item': {
        const i = node.item;
        const t = new vscode.TreeItem(i.name || '(unnamed)', vscode.TreeItemCollapsibleState.None);
        t.description = [
          OUTCOME_LABELS[i.outcome as OutcomeKind] ?? i.outcome,
          i.sources.join(', '),
          i.problems > 0 ? plural(i.problems, 'problem') : '',
        ]
          .filter((s) => s !== '')
          .join(' \u00b7 ');
        t.iconPath = outcomeIcon(i.outcome);
        const at = new vscode.Position(i.decision.line, i.decision.character);
        t.command = {
          title: 'Open at the decision',
          command: 'vscode.open',
          arguments: [
            vscode.Uri.parse(node.letter.uri),
            { selection: new vscode.Range(at, at) } satisfies vscode.TextDocumentShowOptions,
          ],
        };
        t.contextValue = 'item';
        return t;
      }
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
