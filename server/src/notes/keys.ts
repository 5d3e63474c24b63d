// What identifies a letter and an item in any copy of the letter: the same note is found on the
// text, on its PDF, on another extraction tool's text, after a reformat, an edit above the item, a
// rename or a move. Never a line number: lines change with every edit.

import type { DisputedItem, Letter } from '../engine/model';
import { itemKey } from '../engine/rules/duplicate-item';
import { fold, straighten } from '../engine/fold';
import type { ItemKey, LetterKey } from './model';

const CASE_PREFIX = 'case:';
const PATH_PREFIX = 'path:';

/** `cm16 – 0213037` and `CM16-0213037` are one case: upper case, dashes straightened, no white space. */
export function normalizeCaseNumber(caseNumber: string): string {
  return straighten(caseNumber).replace(/\s+/g, '').toUpperCase();
}

/** The key of the letter with this case number. */
export function caseKey(caseNumber: string): LetterKey {
  return CASE_PREFIX + normalizeCaseNumber(caseNumber);
}

/**
 * A path inside the workspace folder as a key: `/` between folders whatever the platform, no `./`,
 * so that Windows, Linux and the web name a file alike.
 */
export function normalizeRelativePath(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/{2,}/g, '/');
}

/** The key of a letter without a case number: its file's path in the workspace folder (and `#n` for its nth letter). */
export function pathKey(relativePath: string, letterIndex = 0): LetterKey {
  return PATH_PREFIX + normalizeRelativePath(relativePath) + (letterIndex > 0 ? `#${letterIndex + 1}` : '');
}

/**
 * What of `key` follows the path key `underKey` when the file (or folder) named by it is renamed:
 * `''` for the file's first letter, `#n` for its nth, `/...` for a file inside that folder;
 * undefined when `key` is not filed under that path.
 */
export function pathKeyRest(key: LetterKey, underKey: LetterKey): string | undefined {
  if (!key.startsWith(underKey)) return undefined;
  const rest = key.slice(underKey.length);
  return rest === '' || rest.startsWith('#') || rest.startsWith('/') ? rest : undefined;
}

/**
 * A letter's key: its case number when it states one (the same in every copy of the letter, and
 * after a rename or a move), else its path relative to the workspace folder.
 */
export function letterKeyOf(letter: Pick<Letter, 'caseNumber' | 'index'>, relativePath: string): LetterKey {
  const caseNumber = letter.caseNumber === undefined ? '' : normalizeCaseNumber(letter.caseNumber);
  return caseNumber !== '' ? CASE_PREFIX + caseNumber : pathKey(relativePath, letter.index);
}

/** What a letter key says, for messages and lists: the case number, or the path. */
export function describeLetterKey(key: LetterKey): string {
  if (key.startsWith(CASE_PREFIX)) return key.slice(CASE_PREFIX.length);
  if (key.startsWith(PATH_PREFIX)) return key.slice(PATH_PREFIX.length);
  return key;
}

/** Whether `key` has the shape of a letter key (the notes file refuses any other). */
export function isLetterKey(key: string): boolean {
  return (key.startsWith(CASE_PREFIX) || key.startsWith(PATH_PREFIX)) && key.length > 5;
}

/**
 * An item's key: its name folded as the engine folds names (ligatures, white space: text.ts fold)
 * and compared (case, punctuation: duplicate-item's itemKey), so that two copies of a letter that
 * differ only in how their extraction wrote a name give one key.
 */
export function itemKeyOf(item: Pick<DisputedItem, 'name'> | string): ItemKey {
  return itemKey(fold(typeof item === 'string' ? item : item.name));
}
