// What a diagnostic rule is. Each rule is one record in its own file (engine/rules/<code>.ts, the
// way markdownlint keeps lib/md0NN.mjs), with its doc page in docs/rules/<code>.md; rules/index.ts
// lists them, check.ts runs them and fixes.ts asks them for repairs. Nothing here knows LSP.

import type { Edit } from '../format';
import type { DisputedItem, Letter, LetterDocument, Span } from '../model';
import type { PlaceholderIndex } from './placeholders';

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** What a rule's check found, before the loop stamps it with the rule's code and the letter. */
export interface Found {
  message: string;
  range: Span;
  /** Set by letter-wide checks that point at one item (item checks get it from the loop). */
  itemIndex?: number;
  /** Another place the finding points to (the first occurrence of a duplicate, the rationale's conclusion). */
  related?: { range: Span; message: string };
}

export interface Finding<Code extends string = string> extends Found {
  code: Code;
  letterIndex: number;
}

/** What every check may read besides the letter: the document and where its placeholders are. */
export interface CheckScope {
  readonly doc: LetterDocument;
  readonly placeholders: PlaceholderIndex;
}

/** What a repair is built from: the finding and the letter and item it is about. */
export interface FixScope {
  readonly doc: LetterDocument;
  readonly letter: Letter;
  readonly item: DisputedItem;
}

export interface Fix {
  title: string;
  kind: 'quickfix';
  /** Empty for a "go to" fix, which only shows a place (`reveal`). */
  edits: Edit[];
  /** The obvious repair, offered first. At most one per finding. */
  preferred?: boolean;
  /** Where a "go to" fix takes the user. */
  reveal?: Span;
  /**
   * Text in the (first) edit's newText that the user must replace, such as
   * `[state the guideline source]`: an editor selects it after the fix. A fix with a placeholder is
   * never applied by Fix All (the placeholder would stand in the letter unnoticed).
   */
  placeholder?: string;
}

export interface Rule<Code extends string = string> {
  readonly code: Code;
  readonly defaultSeverity: Exclude<Severity, 'off'>;
  /** One line: the settings schema, the README table, `--help`, SARIF and the doc page's summary. */
  readonly description: string;
  /**
   * Whether Fix All (and Fix All on save) may apply this rule's preferred fix. False where the repair
   * decides an item (an outcome to choose) or leaves a placeholder to fill: unattended, neither may
   * happen without a word.
   */
  readonly fixAll: boolean;
  /** Looks at one disputed item: at most one finding per item. */
  checkItem?(item: DisputedItem, letter: Letter, scope: CheckScope): Found | undefined;
  /** Looks at a letter as a whole, after its items (no items at all, items compared with each other). */
  checkLetter?(letter: Letter, scope: CheckScope): Found[];
  /** The repairs offered for one finding, preferred first or marked `preferred`. */
  fixes?(finding: Finding, scope: FixScope): Fix[];
}

/** Declares a rule, keeping its code as a literal type (DiagnosticCode is the union of them). */
export function defineRule<Code extends string>(rule: Rule<Code>): Rule<Code> {
  return rule;
}
