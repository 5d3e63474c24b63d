// `imrLetters/items`: a document's disputed items for the client's navigation, status bar and
// notes: each item's decision line, each letter's appeal window, and the keys notes are filed by.

import { appealWindowOf, type AppealOptions } from '../engine/appeal';
import { itemKeyOf, letterKeyOf } from '../notes/keys';
import type { ItemsResult } from '../protocol';
import type { LetterContext } from './context';

/** `relativePath`: the document's path in its workspace folder, the key of a letter without a case number. */
export function letterItems(ctx: LetterContext, relativePath: string, appeal: AppealOptions): ItemsResult {
  const letters = ctx.model.letters;
  return {
    isLetter: true,
    letters: letters.length,
    items: letters.flatMap((letter) =>
      letter.items.map((item) => ({
        name: item.name,
        outcome: item.outcome.kind,
        letterIndex: letter.index,
        decisionRange: ctx.range(item.decisionRange),
      })),
    ),
    appeals: letters.map((letter) => {
      const window = appealWindowOf(letter.facts, appeal);
      return window ? { lastDay: window.lastDay, rule: window.rule } : null;
    }),
    letterKeys: letters.map((letter) => letterKeyOf(letter, relativePath)),
    letterLines: letters.map((letter) => ctx.lines.positionAt(letter.range.start).line),
    itemKeys: letters.flatMap((letter) => letter.items.map((item) => itemKeyOf(item))),
  };
}
