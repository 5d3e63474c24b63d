// Requests the extension's client sends to the language server beyond LSP itself.
// Plain types only, so the client bundle can import this file without pulling in the server.

import type { NotesFile } from '../notes/model';

/** `imrLetters/items`: the disputed items of a document, for navigation and the status bar. */
export const ItemsRequestMethod = 'imrLetters/items';

export interface ItemsParams {
  uri: string;
  /** The document's path in its workspace folder: the notes key of a letter without a case number. */
  relativePath?: string;
}

export interface ItemSummary {
  name: string;
  /** `upheld`, `overturned`, `unknown` or `missing`. */
  outcome: string;
  letterIndex: number;
  /** The decision line(s), LSP range (0-based line and UTF-16 character). */
  decisionRange: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ItemsResult {
  /** False when the document is plain text that is not a letter: the client shows nothing. */
  isLetter: boolean;
  letters: number;
  items: ItemSummary[];
  /** Each letter's appeal window (engine/appeal.ts), null for a letter that states no date to count from. */
  appeals?: (LetterAppeal | null)[];
  /** Each letter's notes key (notes/keys.ts) and first line: where its letter-wide notes go. */
  letterKeys?: string[];
  letterLines?: number[];
  /** Each item's notes key, in the order of `items`. */
  itemKeys?: string[];
}

export interface LetterAppeal {
  /** The last day to appeal, ISO. */
  lastDay: string;
  /** The rule applied, in words: `30 days from 12/09/2016 + 5 for mail: Friday 2017-01-13`. */
  rule: string;
}

/**
 * What the extension adds to the language server's environment. glibc's malloc raises its mmap
 * threshold to the size of the largest block it has freed (up to 32 MB): once the buffer of a
 * 10 MB document's message is freed, every smaller large block (line tables, line starts) comes
 * from the heap instead, and stays with the process after it is freed (docs/performance.md). A threshold set in the environment stays fixed, so such blocks are mapped on
 * their own and given back to the system when freed. Other C libraries and systems ignore it.
 * Editors that start the server themselves can set the same (see the README).
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

// --- the workspace of letters (issue 16) -------------------------------------------------------

/** What the extension's client tells the server at start, besides the settings. */
export interface WorkspaceInitOptions {
  /** The client lists and watches the letter files itself (imrLetters/workspaceFiles); otherwise the server walks the folders. */
  clientListsFiles?: boolean;
  /** Folder where the server may save its index between sessions (the extension's workspace storage). */
  storageDir?: string;
  /** The client reads the letter files for the server (imrLetters/readFile): VS Code for the Web, where the server has no disk. */
  clientReadsFiles?: boolean;
}

/** Server → client request (when the client reads files): one letter file's text, read with vscode.workspace.fs. */
export const ReadFileRequest = 'imrLetters/readFile';
export interface ReadFileParams {
  uri: string;
  /** Larger files are not read (imrLetters.workspace.maxFileSize). */
  maxBytes: number;
}
export type ReadFileResult =
  | { kind: 'text'; text: string; size: number; mtimeMs: number }
  | { kind: 'binary'; size: number; mtimeMs: number }
  | { kind: 'skipped'; reason: string };

/** Client → server notification: the workspace's letter files, as its file search found them. */
export const WorkspaceFilesNotification = 'imrLetters/workspaceFiles';
export interface WorkspaceFilesParams {
  uris: string[];
  /** The search stopped at imrLetters.workspace.maxFiles: there are more. */
  limitReached: boolean;
}

export type LetterGrouping = 'outcome' | 'category' | 'source' | 'specialty' | 'folder' | 'appeal';

export interface LetterTotals {
  letters: number;
  items: number;
  upheld: number;
  overturned: number;
  lettersWithProblems: number;
  /** Files still to read while the index is built. */
  pending: number;
  /** The index is being built (the folder listed or files read): counts will grow. */
  indexing: boolean;
}

/** `imrLetters/letterGroups`: the Letters view's groups. */
export const LetterGroupsRequest = 'imrLetters/letterGroups';
export interface LetterGroupsParams {
  groupBy: LetterGrouping;
  /**
   * Words every shown letter must hold (in an item, outcome, source, case number or file name), and
   * terms it must meet: `#tag`, `status:done` (`status:"in review"`), `outcome:upheld`, `appeal:open`.
   */
  filter?: string;
}
export interface LetterGroup {
  key: string;
  label: string;
  letters: number;
  lettersWithProblems: number;
}
export interface LetterGroupsResult {
  totals: LetterTotals;
  groups: LetterGroup[];
}

/** `imrLetters/lettersInGroup`: the letters of one group, with their items. */
export const LettersInGroupRequest = 'imrLetters/lettersInGroup';
export interface LettersInGroupParams extends LetterGroupsParams {
  key: string;
}
export interface LetterPosition {
  line: number;
  character: number;
}
export interface LetterListItem {
  name: string;
  outcome: string;
  sources: string[];
  problems: number;
  decision: LetterPosition;
}
export interface LetterListEntry {
  uri: string;
  /** 0-based letter in its file. */
  letterIndex: number;
  fileName: string;
  caseNumber?: string;
  problems: number;
  items: LetterListItem[];
  /** The user's status of the letter (notes file); untrusted text. */
  status?: string;
  /** The letter's tags and its items', sorted; untrusted text. */
  tags?: string[];
  /** How many notes the letter and its items hold. */
  notes?: number;
  appeal?: LetterAppealState;
  /** The letter's notes key (notes/keys.ts), sent with detached notes: what re-attaching them names. */
  letterKey?: string;
  /** Notes kept for items the letter no longer has (renamed, removed): to re-attach or delete. */
  detached?: DetachedNotesItem[];
}
/** A note as the Letters view shows it; untrusted text. */
export interface ListedNote {
  id: string;
  text: string;
  updated: string;
}
/** The notes and tags of an item no longer found in its letter. */
export interface DetachedNotesItem {
  /** The item's key in the notes file. */
  key: string;
  /** The item's name as last seen; untrusted text. */
  name: string;
  tags: string[];
  notes: ListedNote[];
}
/** A letter's appeal window as of the server's today. */
export interface LetterAppealState extends LetterAppeal {
  /** 0 on the last day, negative once closed. */
  daysLeft: number;
  open: boolean;
}
export interface LettersInGroupResult {
  letters: LetterListEntry[];
  /** More letters than were sent. */
  truncated: boolean;
}

/** `imrLetters/checkAll`: waits for the index, shows every letter's problems, and counts them. */
export const CheckAllRequest = 'imrLetters/checkAll';
export interface CheckAllResult {
  letters: number;
  files: number;
  errors: number;
  warnings: number;
  lettersWithProblems: number;
}

/** `imrLetters/exportDecisions`: writes the CLI's export of every indexed letter to a file. */
export const ExportDecisionsRequest = 'imrLetters/exportDecisions';
export interface ExportDecisionsParams {
  format: 'csv' | 'json' | 'jsonl';
  /** Absolute path of the file to write. */
  path: string;
  /** VS Code for the Web: the server has no disk; the export comes back in `content` for the client to write. */
  inline?: boolean;
}
export interface ExportDecisionsResult {
  items: number;
  letters: number;
  skipped: number;
  /** The export itself, when asked `inline`. */
  content?: string;
}

/** Server → client notification: the index changed (the Letters view refreshes). */
export const IndexChangedNotification = 'imrLetters/indexChanged';

/** `imrLetters/indexStats`: the state of the workspace index (tests, the bench, the view's summary). */
export const IndexStatsRequest = 'imrLetters/indexStats';
export interface IndexStatsResult {
  /** Listing the folder or reading files. */
  indexing: boolean;
  /** Letter files listed. */
  files: number;
  /** Entries in the index (letters and plain-text files read). */
  entries: number;
  /** Files read from disk since the server started (the others came from the saved index). */
  filesRead: number;
  pending: number;
}

/** `imrLetters/decisionsReport`: the decisions report (server/src/report) of the index's letters. */
export const DecisionsReportRequest = 'imrLetters/decisionsReport';
export interface DecisionsReportParams {
  /** Only this document's letters (the open letter's file when no folder is open). */
  uri?: string;
  /** The first items at most in `report.items` (the totals and groups count them all). */
  maxItems?: number;
  /** Only the items of letters with this status in the notes file. */
  status?: string;
  /** Only the items with this tag (on the item or its letter) in the notes file. */
  tag?: string;
  /** The user's statuses (`imrLetters.notes.statuses`): offered in `choices` even where no letter has one. */
  knownStatuses?: string[];
}
export interface DecisionsReportResult {
  report: import('../report/model').DecisionsReport;
  /** The index is still being built: the report will grow. */
  indexing: boolean;
  /** What the report's pickers offer: the known statuses and those in use, the tags in use (unfiltered). */
  choices: import('../report/notesFilter').FilterChoices;
}

// --- notes (issue 30) ---------------------------------------------------------------------------

/**
 * `imrLetters/detachedNotes`: every detached note of the workspace folders: the detached items of
 * the indexed letters, and the notes of letters no indexed file holds any more (deleted, or renamed
 * or moved outside the editor when keyed by path). The latter only once the index is built.
 */
export const DetachedNotesRequest = 'imrLetters/detachedNotes';
export interface DetachedNotesLetter {
  /** The workspace folder whose notes file holds them. */
  folder: string;
  /** The letter's notes key; `label` is what it says (the case number or the old path). */
  key: string;
  label: string;
  /** The letter's file and place in it; absent for a letter no file holds. */
  uri?: string;
  letterIndex?: number;
  /** A letter no file holds: its status, tags and own notes (a found letter's show on it). */
  status?: string;
  tags: string[];
  notes: ListedNote[];
  items: DetachedNotesItem[];
}
export interface DetachedNotesResult {
  /** Letters with detached items, in the index's order. */
  detached: DetachedNotesLetter[];
  /** Letters no file holds, by key. */
  notFound: DetachedNotesLetter[];
  /** The index is being built: `notFound` is left empty until it is. */
  indexing: boolean;
}

/**
 * Client → server notification: the notes files of the workspace folders, as the client read them
 * (it owns the files, through vscode.workspace.fs). A damaged file comes as `file: null`: its
 * notes are not shown, and the file is left alone.
 */
export const NotesNotification = 'imrLetters/notes';
export interface NotesFolder {
  /** The workspace folder's URI. */
  folder: string;
  file: NotesFile | null;
}
export interface NotesParams {
  folders: NotesFolder[];
}
