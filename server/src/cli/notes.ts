// `imr-letters notes add | list`: the notes kept beside the letters (.imr-letters/notes.json, the
// file the editor reads and writes) from the command line. `add` writes one change under the
// notes file's lock, so processes adding at once lose nothing; `list` only reads.

import * as fs from 'fs';
import * as path from 'path';
import { parseArgs as parseOptions } from 'node:util';
import type { Letter } from '../engine/model';
import { parseLetter } from '../engine/parse';
import { describeLetterKey, itemKeyOf, letterKeyOf } from '../notes/keys';
import type { Note, NotesFile, Target } from '../notes/model';
import { notesFilePath, findNotesFile, readNotesFile, updateNotesFile, workspaceFolderOf } from '../notes/fileStore';
import { addNote, changeTags, OpResult, setStatus } from '../notes/operations';
import { resolveNotes } from '../notes/resolve';
import { isLetterFile, LETTER_AND_PDF_EXTENSIONS } from '../files/fileKinds';
import { printablePath } from '../files/walk';
import { readLetterFile } from '../pdf/letterText';
import { discover } from './discover';
import { displayPath } from './displayPath';
import { helpText } from './help';
import { ListedItem, ListedLetter, notesCsv, notesJson, notesText } from './notesOutput';

const EXIT_OK = 0;
const EXIT_USAGE = 2;

export interface NotesIo {
  cwd: string;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

class NotesUsage extends Error {}

const LIST_FORMATS = ['text', 'json', 'csv'];

/** Where a letter's notes are: the nearest notes file upward, else the one to create. */
export function notesLocation(
  letterFile: string,
  cwd: string,
): { notesFile: string; folder: string; existing: boolean } {
  const found = findNotesFile(path.dirname(letterFile));
  if (found) return { notesFile: found, folder: workspaceFolderOf(found), existing: true };
  // A first note goes into the working folder when the letter is inside it (the folder the user
  // works from, as VS Code's workspace folder), else beside the letter.
  const rel = path.relative(cwd, letterFile);
  const folder = !rel.startsWith('..') && !path.isAbsolute(rel) ? cwd : path.dirname(letterFile);
  return { notesFile: notesFilePath(folder), folder, existing: false };
}

/** The letter's path in its notes file's folder, the key of a letter without a case number. */
function relativeTo(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join('/');
}

function parse(argv: readonly string[]) {
  try {
    return parseOptions({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        item: { type: 'string', short: 'i' },
        letter: { type: 'string' },
        text: { type: 'string', short: 't' },
        tag: { type: 'string', multiple: true },
        status: { type: 'string', short: 's' },
        format: { type: 'string', short: 'f' },
        bom: { type: 'boolean' },
      },
    });
  } catch (e) {
    // node:util's messages name the option; the tool's own prefix and hint go around them.
    throw new NotesUsage(`${(e as Error).message.replace(/\. To specify.*$/s, '')}; see 'imr-letters --help'`);
  }
}

type Parsed = ReturnType<typeof parse>;

function only(parsed: Parsed, allowed: readonly string[], sub: string): void {
  for (const name of Object.keys(parsed.values))
    if (!allowed.includes(name)) throw new NotesUsage(`option '--${name}' does not apply to 'notes ${sub}'`);
}

export async function notesCommand(argv: readonly string[], io: NotesIo): Promise<number> {
  const say = (line: string) => void io.stderr.write(line + '\n');
  try {
    const [sub, ...rest] = argv;
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout.write(helpText());
      return EXIT_OK;
    }
    if (sub === 'add') return await add(parse(rest), io, say);
    if (sub === 'list') return await list(parse(rest), io, say);
    throw new NotesUsage(
      sub === undefined
        ? `'notes' needs 'add' or 'list'; see 'imr-letters --help'`
        : `unknown notes command '${sub}': expected add or list`,
    );
  } catch (e) {
    if (e instanceof NotesUsage) {
      say(`imr-letters: ${e.message}`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

async function readLetters(abs: string, shown: string): Promise<readonly Letter[]> {
  const read = await readLetterFile(abs);
  if (read.kind === 'unreadable') throw new NotesUsage(`${shown}: cannot read (${read.error})`);
  if (read.kind === 'binary') throw new NotesUsage(`${shown}: binary file, not a letter`);
  if (!isLetterFile(abs, read.text)) throw new NotesUsage(`${shown}: not an IMR letter`);
  return parseLetter(read.text).letters;
}

function pickLetter(letters: readonly Letter[], raw: string | undefined, shown: string): Letter {
  if (raw === undefined) {
    if (letters.length === 1) return letters[0];
    throw new NotesUsage(`${shown} holds ${letters.length} letters: say which with --letter 1 to ${letters.length}`);
  }
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= letters.length))
    throw new NotesUsage(`option '--letter' must be 1 to ${letters.length} for ${shown}, got '${raw}'`);
  return letters[n - 1];
}

function itemList(letter: Letter): string {
  return letter.items.map((item, i) => `${i + 1}. ${item.name}`).join('; ');
}

/** `--item 3` (1-based, in the letter's order) or `--item "MRI of the lumbar spine"` (compared as the engine compares names). */
function pickItem(letter: Letter, raw: string, shown: string): Letter['items'][number] {
  if (letter.items.length === 0) throw new NotesUsage(`${shown}: the letter has no disputed items to put a note on`);
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    if (n >= 1 && n <= letter.items.length) return letter.items[n - 1];
    throw new NotesUsage(
      `${shown}: option '--item' must be 1 to ${letter.items.length} or an item's name; the items: ${itemList(letter)}`,
    );
  }
  const key = itemKeyOf(raw);
  const item = letter.items.find((i) => itemKeyOf(i) === key);
  if (!item) throw new NotesUsage(`${shown}: no item named '${raw}'; the items: ${itemList(letter)}`);
  return item;
}

async function add(parsed: Parsed, io: NotesIo, say: (line: string) => void): Promise<number> {
  only(parsed, ['item', 'letter', 'text', 'tag', 'status'], 'add');
  const { positionals, values } = parsed;
  if (positionals.length !== 1)
    throw new NotesUsage(
      positionals.length === 0
        ? `'notes add' needs a letter file`
        : `'notes add' takes one letter file, got ${positionals.length}`,
    );
  const text = values.text;
  const tags = values.tag ?? [];
  const status = values.status;
  if (text === undefined && tags.length === 0 && status === undefined)
    throw new NotesUsage(`'notes add' needs --text, --tag or --status`);
  if (text !== undefined && text.trim() === '') throw new NotesUsage(`option '--text' needs some text`);
  if (tags.some((t) => t.trim() === '' || t.trim() === '#')) throw new NotesUsage(`option '--tag' needs a word`);
  if (status !== undefined && status.trim() === '') throw new NotesUsage(`option '--status' needs a name`);

  const abs = path.resolve(io.cwd, positionals[0]);
  const shown = displayPath(abs, io.cwd);
  if (!fs.existsSync(abs)) throw new NotesUsage(`${positionals[0]}: no such file`);
  const letter = pickLetter(await readLetters(abs, shown), values.letter, shown);
  const where = notesLocation(abs, io.cwd);
  const key = letterKeyOf(letter, relativeTo(where.folder, abs));
  const item = values.item === undefined ? undefined : pickItem(letter, values.item, shown);
  const target: Target = item ? { letter: key, item: itemKeyOf(item), itemName: item.name } : { letter: key };

  const change = (latest: NotesFile): OpResult => {
    let file = latest;
    let note;
    if (text !== undefined) {
      const r = addNote(file, target, text);
      if (!r.ok) return r;
      ({ file, note } = r);
    }
    if (tags.length > 0) {
      const r = changeTags(file, target, { add: tags });
      if (!r.ok) return r;
      file = r.file;
    }
    if (status !== undefined) {
      const r = setStatus(file, key, status);
      if (!r.ok) return r;
      file = r.file;
    }
    return { ok: true, file, note };
  };
  const notesShown = displayPath(where.notesFile, io.cwd);
  const result = updateNotesFile(where.notesFile, change, { shown: notesShown });
  if (!result.ok) {
    say(`imr-letters: ${result.error}`);
    return EXIT_USAGE;
  }
  const what =
    describeLetterKey(key) + (item ? `, item ${letter.items.indexOf(item) + 1} ${JSON.stringify(item.name)}` : '');
  const done: string[] = [];
  if (result.result.note) done.push(`added note ${result.result.note.id}`);
  if (tags.length > 0) done.push(`tagged ${tags.map((t) => '#' + t.trim().replace(/^#+/, '')).join(' ')}`);
  if (status !== undefined) done.push(`status ${status.trim()}`);
  io.stdout.write(`${done.join(', ')} on ${what} (${notesShown}${where.existing ? '' : ', created'})\n`);
  return EXIT_OK;
}

async function list(parsed: Parsed, io: NotesIo, say: (line: string) => void): Promise<number> {
  only(parsed, ['format', 'bom'], 'list');
  const format = parsed.values.format ?? 'text';
  if (!LIST_FORMATS.includes(format))
    throw new NotesUsage(`option '--format' for 'notes list' must be ${LIST_FORMATS.join(', ')}; got '${format}'`);
  if (parsed.values.bom && format !== 'csv') throw new NotesUsage(`option '--bom' only applies to '--format csv'`);
  if (parsed.positionals.length === 0) throw new NotesUsage(`'notes list' needs at least one file, folder or glob`);

  const found = await discover(parsed.positionals, io.cwd, LETTER_AND_PDF_EXTENSIONS);
  let exit = EXIT_OK;
  for (const p of found.problems) say(`${p.input}: ${p.message}`);
  if (found.problems.length > 0) exit = EXIT_USAGE;
  for (const n of found.skipped) say(`${printablePath(displayPath(n.path, io.cwd))}: skipped (${n.reason})`);

  // Each notes file read once, however many letters share it; a damaged one named once.
  const files = new Map<string, NotesFile | undefined>();
  const notesOf = (notesFile: string): NotesFile | undefined => {
    if (!files.has(notesFile)) {
      const read = readNotesFile(notesFile, displayPath(notesFile, io.cwd));
      if (read.kind === 'damaged') {
        say(`imr-letters: ${read.error}`);
        exit = EXIT_USAGE;
      }
      files.set(notesFile, read.kind === 'damaged' ? undefined : read.file);
    }
    return files.get(notesFile);
  };

  const listed: ListedLetter[] = [];
  const seenKeys = new Map<string, Set<string>>();
  for (const abs of found.files) {
    const shown = displayPath(abs, io.cwd);
    const read = await readLetterFile(abs);
    if (read.kind === 'unreadable') {
      say(`${shown}: cannot read (${read.error})`);
      exit = EXIT_USAGE;
      continue;
    }
    if (read.kind !== 'text' || !isLetterFile(abs, read.text)) continue;
    const notesFile = findNotesFile(path.dirname(abs));
    if (!notesFile) continue;
    const file = notesOf(notesFile);
    if (!file) continue;
    const rel = relativeTo(workspaceFolderOf(notesFile), abs);
    const keys = seenKeys.get(notesFile) ?? new Set<string>();
    seenKeys.set(notesFile, keys);
    for (const letter of parseLetter(read.text).letters) {
      const view = resolveNotes(letter, file, rel);
      keys.add(view.key);
      const entry = file.letters[view.key];
      if (!entry) continue;
      listed.push({
        file: shown,
        letter: letter.index + 1,
        key: view.key,
        caseNumber: letter.caseNumber ?? null,
        notesFile: displayPath(notesFile, io.cwd),
        status: view.status ?? null,
        tags: [...view.tags],
        notes: [...view.notes],
        items: view.items.map((i) => ({
          number: i.itemIndex + 1,
          name: i.item.name,
          tags: [...i.tags],
          notes: [...i.notes],
        })),
        detached: view.detached.map(detachedItem),
      });
    }
  }
  listed.push(...lettersNotFound(parsed.positionals, io.cwd, files, seenKeys));

  const out =
    format === 'json' ? notesJson(listed) : format === 'csv' ? notesCsv(listed, parsed.values.bom) : notesText(listed);
  io.stdout.write(out);
  say(summary(listed));
  return exit;
}

function detachedItem(d: { name: string; tags: readonly string[]; notes: readonly Note[] }): ListedItem {
  return { number: null, name: d.name, tags: [...d.tags], notes: [...d.notes] };
}

/**
 * The letters of a notes file that no listed file holds (deleted, moved out, renamed without the
 * editor, or read differently): listed when an input folder holds the notes file's whole folder,
 * so that `notes list .` shows every note there is.
 */
function lettersNotFound(
  inputs: readonly string[],
  cwd: string,
  files: ReadonlyMap<string, NotesFile | undefined>,
  seen: ReadonlyMap<string, Set<string>>,
): ListedLetter[] {
  const out: ListedLetter[] = [];
  const folders = inputs
    .map((i) => path.resolve(cwd, i))
    .filter((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
  // A folder given with notes of its own but no letters found in it still shows them.
  for (const folder of folders) {
    const own = notesFilePath(folder);
    if (!files.has(own) && fs.existsSync(own)) {
      const read = readNotesFile(own, displayPath(own, cwd));
      if (read.kind === 'ok') (files as Map<string, NotesFile | undefined>).set(own, read.file);
    }
  }
  for (const [notesFile, file] of files) {
    if (!file) continue;
    const folder = workspaceFolderOf(notesFile);
    const covered = folders.some((f) => {
      const rel = path.relative(f, folder);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    });
    if (!covered) continue;
    const keys = seen.get(notesFile) ?? new Set<string>();
    for (const [key, entry] of Object.entries(file.letters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (keys.has(key)) continue;
      out.push({
        file: null,
        letter: null,
        key,
        caseNumber: key.startsWith('case:') ? describeLetterKey(key) : null,
        notesFile: displayPath(notesFile, cwd),
        status: entry.status ?? null,
        tags: [...entry.tags],
        notes: [...entry.notes],
        items: [],
        detached: Object.values(entry.items).map(detachedItem),
      });
    }
  }
  return out;
}

/** Each note counted once, though the PDF and the text of one letter both list it. */
function summary(listed: readonly ListedLetter[]): string {
  const notes = new Set<string>();
  const detached = new Set<string>();
  const letters = new Set<string>();
  for (const l of listed) {
    letters.add(`${l.notesFile}\u0000${l.key}`);
    for (const n of l.notes) (l.file === null ? detached : notes).add(n.id);
    for (const i of l.items) for (const n of i.notes) notes.add(n.id);
    for (const d of l.detached) for (const n of d.notes) detached.add(n.id);
  }
  for (const id of detached) notes.add(id);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lost = detached.size > 0 ? ` (${detached.size} detached)` : '';
  return `imr-letters: ${plural(notes.size, 'note')} on ${plural(letters.size, 'letter')}${lost}`;
}
