// The Letters view, in its own container of the activity bar: the workspace's letters grouped by
// outcome, guideline source, reviewer specialty or folder, from the language server's index
// (imrLetters/letterGroups and imrLetters/lettersInGroup). A summary row on top, counts in each
// group's description (letterRows.ts says what each row reads), a badge with the number of letters
// with problems, a filter; a letter opens to its items, and an item opens the letter with its
// decision line near the top. Outcome icons use chart colours, never error colours: an overturned
// decision is not a mistake.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DetachedNotesItem,
  DetachedNotesLetter,
  DetachedNotesRequest,
  DetachedNotesResult,
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
  LetterPosition,
  LetterTotals,
} from '../../server/src/protocol';
import {
  count,
  detachedId,
  detachedRow,
  groupId,
  groupRow,
  itemId,
  itemRow,
  letterId,
  letterRow,
  lostLetterId,
  lostLetterOwnRow,
  lostLetterRow,
  NOT_FOUND_ID,
  notFoundGroupRow,
  RowText,
  summaryRow,
} from './letterRows';
import { untrustedMarkdown } from './notes/noteMarkdown';

export const LETTERS_VIEW = 'imrLetters.letters';

export const GROUPINGS: ReadonlyArray<{ value: LetterGrouping; label: string }> = [
  { value: 'outcome', label: 'Outcome' },
  { value: 'category', label: 'Request category (DWC)' },
  { value: 'source', label: 'Guideline source' },
  { value: 'specialty', label: 'Reviewer specialty' },
  { value: 'folder', label: 'Folder' },
  { value: 'appeal', label: 'Appeal deadline (soonest first)' },
];

/** A row of the tree. Every row below a group keeps its parent, so that reveal() finds its way up. */
export type LetterNode =
  | { kind: 'summary'; totals: LetterTotals }
  | { kind: 'group'; group: LetterGroup; groupBy: LetterGrouping }
  | { kind: 'letter'; letter: LetterListEntry; parent: GroupNode }
  | { kind: 'item'; item: LetterListItem; index: number; parent: LetterEntryNode }
  | { kind: 'more'; text: string; parent: GroupNode }
  // Notes kept for an item the letter no longer has.
  | { kind: 'detached'; item: DetachedNotesItem; parent: LetterEntryNode }
  // Notes of letters no file holds any more: the group, a letter, and a part of it (an item, or
  // the letter as a whole when `item` is absent).
  | { kind: 'notFound'; letters: DetachedNotesLetter[] }
  | { kind: 'lostLetter'; letter: DetachedNotesLetter; parent: NotFoundNode }
  | { kind: 'lostPart'; letter: DetachedNotesLetter; item?: DetachedNotesItem; parent: LostLetterNode };
type GroupNode = Extract<LetterNode, { kind: 'group' }>;
type LetterEntryNode = Extract<LetterNode, { kind: 'letter' }>;
type NotFoundNode = Extract<LetterNode, { kind: 'notFound' }>;
type LostLetterNode = Extract<LetterNode, { kind: 'lostLetter' }>;

/** The context value of the rows that hold detached notes: their menu re-attaches or deletes them. */
export const DETACHED_CONTEXT = 'detachedNotes';
/** Set while some notes are detached: the palette offers the commands on them only then. */
const HAS_DETACHED = 'imrLetters.hasDetachedNotes';

const OUTCOME_ICONS: Record<string, [string, string]> = {
  upheld: ['check', 'charts.blue'],
  overturned: ['arrow-swap', 'charts.purple'],
  unknown: ['question', 'charts.yellow'],
  missing: ['circle-large-outline', 'charts.yellow'],
};

const GROUP_ICONS: Record<Exclude<LetterGrouping, 'outcome'>, string> = {
  source: 'book',
  specialty: 'person',
  folder: 'folder',
  category: 'tag',
  appeal: 'calendar',
};

export function outcomeIcon(outcome: string): vscode.ThemeIcon {
  const [icon, colour] = OUTCOME_ICONS[outcome] ?? OUTCOME_ICONS.unknown;
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
}

/** A row's tooltip with notes under it: the row's words as text, each note as untrusted Markdown. */
function notesTooltip(head: string, notes: ReadonlyArray<{ text: string }>): vscode.MarkdownString {
  const md = untrustedMarkdown('');
  md.appendText(head);
  for (const n of notes) {
    md.appendMarkdown('\n\n---\n\n');
    md.appendMarkdown(untrustedMarkdown(n.text).value);
  }
  return md;
}

function treeItem(text: RowText, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const t = new vscode.TreeItem(text.label, state);
  t.description = text.description;
  t.tooltip = text.tooltip;
  return t;
}

/** Opens a letter with an item's decision line near the top of the editor, the cursor on it. */
export async function openAtDecision(uri: string, at: LetterPosition): Promise<vscode.TextEditor> {
  const target = vscode.Uri.parse(uri);
  const position = new vscode.Position(at.line, at.character);
  const selection = new vscode.Range(position, position);
  // A .txt letter opens as plain text and is then switched to a letter (extension.ts), which
  // reopens it: in an editor, that scrolls the selection back to the middle. Opened first, switched
  // before an editor shows it.
  const switched = letterLanguageOf(target);
  const opened = await vscode.workspace.openTextDocument(target);
  const detects = vscode.workspace.getConfiguration('imrLetters', target).get<boolean>('detect.plainText', true);
  // Still plain text once open: the switch is on its way (the event may already have come).
  if (opened.languageId === PLAIN_TEXT_LANGUAGE && detects && !opened.isClosed) await switched.wait();
  else switched.cancel();
  const editor = await vscode.window.showTextDocument(target, { selection });
  // VS Code keeps a few lines above a line revealed at the top: the item's name often wraps onto them.
  editor.revealRange(selection, vscode.TextEditorRevealType.AtTop);
  return editor;
}

const PLAIN_TEXT_LANGUAGE = 'plaintext';
/** How long a plain-text letter may take to become a letter before it is placed all the same. */
const SWITCH_WAIT_MS = 2000;

/** Waits for the document at `uri` to be reopened in another language, for SWITCH_WAIT_MS at most. */
function letterLanguageOf(uri: vscode.Uri): { wait(): Promise<void>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: () => void = () => undefined;
  let switchedAlready = false;
  const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (doc.uri.toString() !== uri.toString() || doc.languageId === PLAIN_TEXT_LANGUAGE) return;
    switchedAlready = true;
    settle();
  });
  const cancel = () => {
    clearTimeout(timer);
    listener.dispose();
  };
  const wait = () =>
    new Promise<void>((resolve) => {
      settle = () => {
        cancel();
        resolve();
      };
      if (switchedAlready) settle();
      else timer = setTimeout(settle, SWITCH_WAIT_MS);
    });
  return { wait, cancel };
}

export const OPEN_ITEM_COMMAND = 'imrLetters.letters.openItem';

/** A row of detached notes: a broken-link icon, the notes in its tooltip. */
function detachedItem(
  text: RowText,
  notes: ReadonlyArray<{ text: string }>,
  state: vscode.TreeItemCollapsibleState,
): vscode.TreeItem {
  const t = treeItem(text, state);
  t.tooltip = notesTooltip(text.tooltip, notes);
  t.iconPath = new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('list.warningForeground'));
  return t;
}

export class LettersView implements vscode.TreeDataProvider<LetterNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LetterNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The tree as VS Code shows it (the editor tests reveal its rows through it). */
  readonly view: vscode.TreeView<LetterNode>;
  private readonly subscriptions: vscode.Disposable[] = [];
  groupBy: LetterGrouping = 'outcome';
  filter = '';
  /** The server's index changed (the client takes one handler per notification: others listen here). */
  readonly indexChanged = new vscode.EventEmitter<void>();
  /** The last answer, for tests and the badge. */
  lastGroups: LetterGroupsResult | undefined;
  /** The last list of detached notes (the commands offer it without a row). */
  lastDetached: DetachedNotesResult | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.view = vscode.window.createTreeView(LETTERS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.changed,
      this.indexChanged,
      vscode.commands.registerCommand(OPEN_ITEM_COMMAND, openAtDecision),
    );
    void ready.then(
      () =>
        this.subscriptions.push(
          client.onNotification(IndexChangedNotification, () => {
            this.refresh();
            this.indexChanged.fire();
            // The activity bar's badge says how many letters have problems before the view is opened.
            if (!this.view.visible) {
              void this.groups().then((r) => this.showTotals(r));
              void this.detachedNotes();
            }
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
      this.showTotals(r);
      if (!r) return [];
      const lost = this.filter ? [] : ((await this.detachedNotes())?.notFound ?? []);
      const notFound: LetterNode[] = lost.length > 0 ? [{ kind: 'notFound', letters: lost }] : [];
      if (r.totals.letters === 0 && !r.totals.indexing && !this.filter) return notFound;
      const groupBy = this.groupBy;
      return [
        { kind: 'summary', totals: r.totals },
        ...r.groups.map((group): LetterNode => ({ kind: 'group', group, groupBy })),
        ...notFound,
      ];
    }
    if (node.kind === 'notFound') return node.letters.map((letter) => ({ kind: 'lostLetter', letter, parent: node }));
    if (node.kind === 'lostLetter') {
      const l = node.letter;
      const own: LetterNode[] =
        l.notes.length > 0 || l.tags.length > 0 ? [{ kind: 'lostPart', letter: l, parent: node }] : [];
      return [...own, ...l.items.map((item): LetterNode => ({ kind: 'lostPart', letter: l, item, parent: node }))];
    }
    if (node.kind === 'group') {
      const params: LettersInGroupParams = { groupBy: node.groupBy, filter: this.filter, key: node.group.key };
      const r = await this.client
        .sendRequest<LettersInGroupResult>(LettersInGroupRequest, params)
        .catch(() => undefined);
      if (!r) return [];
      const out: LetterNode[] = r.letters.map((letter) => ({ kind: 'letter', letter, parent: node }));
      if (r.truncated)
        out.push({
          kind: 'more',
          text: `Only the first ${r.letters.length} letters: filter to see others`,
          parent: node,
        });
      return out;
    }
    if (node.kind === 'letter')
      return [
        ...node.letter.items.map((item, index): LetterNode => ({ kind: 'item', item, index, parent: node })),
        ...(node.letter.detached ?? []).map((item): LetterNode => ({ kind: 'detached', item, parent: node })),
      ];
    return [];
  }

  /** Every detached note of the folders, as the server finds them; also says whether the palette offers the commands. */
  async detachedNotes(): Promise<DetachedNotesResult | undefined> {
    try {
      await this.ready;
      const r = await this.client.sendRequest<DetachedNotesResult>(DetachedNotesRequest);
      this.lastDetached = r;
      const any = r.detached.length > 0 || r.notFound.length > 0;
      void vscode.commands.executeCommand('setContext', HAS_DETACHED, any);
      return r;
    } catch {
      return undefined;
    }
  }

  private showTotals(r: LetterGroupsResult | undefined): void {
    this.lastGroups = r;
    const problems = r?.totals.lettersWithProblems ?? 0;
    this.view.badge =
      problems > 0 ? { value: problems, tooltip: `${count(problems, 'letter')} with problems` } : undefined;
  }

  getParent(node: LetterNode): LetterNode | undefined {
    return node.kind === 'summary' || node.kind === 'group' || node.kind === 'notFound' ? undefined : node.parent;
  }

  /** The row's id: unique in the tree, since a letter is listed in every group it belongs to. */
  idOf(node: LetterNode): string {
    switch (node.kind) {
      case 'summary':
        return 'summary';
      case 'group':
        return groupId(node.groupBy, node.group.key);
      case 'letter':
        return letterId(node.parent.groupBy, node.parent.group.key, node.letter);
      case 'item':
        return itemId(this.idOf(node.parent), node.index);
      case 'more':
        return `${this.idOf(node.parent)}/more`;
      case 'detached':
        return detachedId(this.idOf(node.parent), node.item.key);
      case 'notFound':
        return NOT_FOUND_ID;
      case 'lostLetter':
        return lostLetterId(node.letter);
      case 'lostPart':
        return `${lostLetterId(node.letter)}/${node.item ? `item:${node.item.key}` : 'letter'}`;
    }
  }

  getTreeItem(node: LetterNode): vscode.TreeItem {
    const t = this.treeItemOf(node);
    t.id = this.idOf(node);
    t.contextValue =
      node.kind === 'detached' || node.kind === 'lostLetter' || node.kind === 'lostPart' ? DETACHED_CONTEXT : node.kind;
    return t;
  }

  private treeItemOf(node: LetterNode): vscode.TreeItem {
    const { None, Collapsed } = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'summary': {
        const t = treeItem(summaryRow(node.totals), None);
        t.iconPath = new vscode.ThemeIcon('graph');
        return t;
      }
      case 'more': {
        const t = new vscode.TreeItem(node.text, None);
        t.iconPath = new vscode.ThemeIcon('info');
        return t;
      }
      case 'group': {
        const t = treeItem(groupRow(node.group), Collapsed);
        t.iconPath =
          node.groupBy === 'outcome' ? outcomeIcon(node.group.key) : new vscode.ThemeIcon(GROUP_ICONS[node.groupBy]);
        return t;
      }
      case 'letter': {
        const l = node.letter;
        const t = treeItem(letterRow(l), Collapsed);
        t.resourceUri = vscode.Uri.parse(l.uri);
        t.iconPath = new vscode.ThemeIcon(
          l.problems > 0 ? 'warning' : 'mail',
          new vscode.ThemeColor(l.problems > 0 ? 'list.warningForeground' : 'foreground'),
        );
        return t;
      }
      case 'item': {
        const i = node.item;
        const t = treeItem(itemRow(i), None);
        t.iconPath = outcomeIcon(i.outcome);
        t.command = {
          title: 'Open at the decision',
          command: OPEN_ITEM_COMMAND,
          arguments: [node.parent.letter.uri, i.decision],
        };
        return t;
      }
      case 'detached':
        return detachedItem(detachedRow(node.item), node.item.notes, None);
      case 'notFound': {
        const t = treeItem(notFoundGroupRow(node.letters.length), Collapsed);
        t.iconPath = new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
        return t;
      }
      case 'lostLetter':
        return detachedItem(lostLetterRow(node.letter), node.letter.notes, Collapsed);
      case 'lostPart': {
        const l = node.letter;
        return node.item
          ? detachedItem(detachedRow(node.item), node.item.notes, None)
          : detachedItem(lostLetterOwnRow(l), l.notes, None);
      }
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
