// CodeLens above each disputed item: its outcome, the sources the decision rests on, and how many
// problems it has; a click goes to its rationale (through the reveal command the "go to" quick
// fixes use, so it works in any client that can show a document). An item with notes or tags gets
// a second lens that says so (`2 notes · appeal`).

import { CodeLens } from 'vscode-languageserver';
import type { Finding } from '../engine/check';
import type { LetterContext } from './context';
import { REVEAL_COMMAND } from './codeActions';
import { OUTCOME_LABELS } from '../engine/vocabulary';
import { sourceName } from '../export/summary';
import type { LetterNotesView } from '../notes/resolve';
import { notesSummary } from './notesHover';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function codeLenses(
  ctx: LetterContext,
  findings: readonly Finding[] = ctx.findings(),
  notes?: readonly LetterNotesView[],
): CodeLens[] {
  const out: CodeLens[] = [];
  for (const letter of ctx.model.letters) {
    const view = notes?.[letter.index];
    letter.items.forEach((item, i) => {
      const sources: string[] = [];
      for (const c of item.citations) {
        if (c.part === 'claims-administrator-guideline') continue;
        const name = c.source === 'other' ? 'other guideline' : sourceName(c);
        if (!sources.includes(name)) sources.push(name);
      }
      const problems = findings.filter((f) => f.letterIndex === letter.index && f.itemIndex === i).length;
      const parts = [OUTCOME_LABELS[item.outcome.kind], sources.length > 0 ? sources.join(', ') : 'no guideline cited'];
      if (problems > 0) parts.push(plural(problems, 'problem'));
      const at = ctx.range({ start: item.decisionRange.start, end: item.decisionRange.start });
      const target = item.rationale ? ctx.range(item.rationale.labelRange) : undefined;
      out.push({
        range: at,
        command: target
          ? { title: parts.join(' \u00b7 '), command: REVEAL_COMMAND, arguments: [ctx.uri, target] }
          : { title: parts.join(' \u00b7 ') + ' \u00b7 no rationale', command: '' },
      });
      const attached = view?.items.find((a) => a.itemIndex === i);
      if (attached && (attached.notes.length > 0 || attached.tags.length > 0))
        out.push({ range: at, command: { title: notesSummary(attached.notes.length, attached.tags), command: '' } });
    });
  }
  return out;
}
