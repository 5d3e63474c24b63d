// Hovers: guideline citations (what the source is, what the cited pages cover, where else the
// letter cites it), outcome words, part labels and the rationale's conclusion.
// Letter text enters the Markdown only through escapeMarkdown/quoteText; hovers are never trusted.

import { Hover, MarkupKind } from 'vscode-languageserver';
import { chapterTopic, entryFor, GuidelineEntry, OUTCOME_MEANINGS, pageTopics, Standing } from '../engine/catalog';
import type { Citation, DisputedItem, ItemPart, Letter, Span } from '../engine/model';
import { contains, LetterContext } from './context';
import { escapeMarkdown, quoteText } from './markdown';

const UNVERIFIED = ' _(unverified: widely repeated, not checked against the guideline itself)_';

function qualify(text: string, standing: Standing): string {
  return standing === 'confirmed' ? text : text + UNVERIFIED;
}

function hierarchy(entry: GuidelineEntry, citation: Citation): string {
  const lines: string[] = [];
  if (entry.partOfMtus === 'yes') {
    lines.push(
      '**Part of the MTUS**: presumptively correct on the extent and scope of medical treatment (8 CCR 9792.25), and first in the search sequence for evidence (8 CCR 9792.21.1).',
    );
  } else if (entry.partOfMtus === 'adopted-chapters') {
    lines.push(
      '**Adopted into the MTUS**: the MTUS was first built on the ACOEM 2nd Edition (2004), and current ACOEM guidelines were adopted on 2017-12-01. Outside what the MTUS adopted, ACOEM ranks second in the search sequence for evidence, with ODG (8 CCR 9792.21.1).',
    );
  } else {
    lines.push(
      '**Not part of the MTUS**: in the search sequence for evidence (8 CCR 9792.21.1) it comes after the MTUS, which it cannot override; it applies where the MTUS does not address the condition.',
    );
  }
  if (citation.mtus) lines.push('The letter cites it as part of the MTUS ("Decision based on MTUS").');
  else if (citation.part !== 'rationale') {
    lines.push(
      entry.partOfMtus === 'yes'
        ? 'The letter lists it under a "Non-MTUS Citation", although this document is part of the MTUS.'
        : 'The letter cites it as a "Non-MTUS Citation".',
    );
  }
  return lines.join(' ');
}

const PART_TITLES: Record<ItemPart['kind'], string> = {
  'claims-administrator-guideline': 'Claims Administrator guideline',
  'reviewer-guideline': 'Reviewer (MAXIMUS) guideline',
  rationale: 'Decision rationale',
};

function otherCitations(ctx: LetterContext, letter: Letter, citation: Citation, entry: GuidelineEntry): string[] {
  const out: string[] = [];
  for (const item of letter.items) {
    for (const c of item.citations) {
      if (c === citation || entryFor(c) !== entry) continue;
      const line = ctx.lines.lineAt(c.range.start) + 1;
      out.push(`- line ${line}, ${quoteText(item.name, 60)} (${PART_TITLES[c.part]}): ${quoteText(c.text, 80)}`);
    }
  }
  return out;
}

function citationHover(ctx: LetterContext, letter: Letter, citation: Citation): string {
  const entry = entryFor(citation);
  const md: string[] = [];
  md.push(`**${escapeMarkdown(entry.name)}** (${escapeMarkdown(entry.short)})`);
  if (entry.publisher) md.push(escapeMarkdown(entry.publisher));
  md.push(hierarchy(entry, citation));
  const cited: string[] = [`Cited as: \u201c${quoteText(citation.text)}\u201d`];
  if (citation.topic) cited.push(`Topic, as the letter words it: **${quoteText(citation.topic, 100)}**`);
  for (const p of citation.pages) {
    const topics = pageTopics(entry, p);
    const known = topics.map((t) =>
      qualify(
        t.from === t.to ? escapeMarkdown(t.topic) : `${escapeMarkdown(t.topic)} (pp. ${t.from}-${t.to})`,
        t.standing,
      ),
    );
    cited.push(
      `Page ${escapeMarkdown(p)}${known.length > 0 ? ': ' + known.join('; ') : ' (not in the catalog: the letter\u2019s wording is the authority)'}`,
    );
  }
  if (citation.sections.length > 0)
    cited.push(
      `Section${citation.sections.length > 1 ? 's' : ''}: ${citation.sections.map((s) => escapeMarkdown(s)).join(', ')}`,
    );
  const chapter = chapterTopic(entry, citation.chapter);
  if (citation.chapter)
    cited.push(
      `Chapter ${escapeMarkdown(citation.chapter)}${chapter ? ': ' + qualify(escapeMarkdown(chapter.topic), chapter.standing) : ''}`,
    );
  md.push(cited.join('  \n'));
  const facts = entry.facts.map((f) => '- ' + qualify(escapeMarkdown(f.text), f.standing));
  if (facts.length > 0) md.push(facts.join('\n'));
  const others = otherCitations(ctx, letter, citation, entry);
  md.push(
    others.length > 0
      ? `Also cited in this letter:\n${others.slice(0, 8).join('\n')}${others.length > 8 ? `\n- and ${others.length - 8} more` : ''}`
      : 'Not cited elsewhere in this letter.',
  );
  return md.join('\n\n');
}

function outcomeHover(item: DisputedItem): string {
  const o = item.outcome;
  if (o.kind === 'upheld' || o.kind === 'overturned') {
    return `**${escapeMarkdown(o.kind === 'upheld' ? 'Upheld' : 'Overturned')}**: ${OUTCOME_MEANINGS[o.kind]}\n\nItem: ${quoteText(item.name)}`;
  }
  return `**\u201c${quoteText(o.raw, 40)}\u201d is not an IMR outcome.** Each disputed item is either **Upheld** (the denial stands: not medically necessary) or **Overturned** (medically necessary).`;
}

const PART_HELP: Record<ItemPart['kind'], string> = {
  'claims-administrator-guideline':
    'What the claims administrator based its utilization review denial on. It may say that no medical evidence was cited.',
  'reviewer-guideline':
    'What the expert reviewer based the decision on: `Decision based on MTUS ...` and/or `Decision based on Non-MTUS Citation ...`, often with pages or sections. Without it, the decision states no guideline source.',
  rationale:
    'The reviewer\u2019s reasoning, ending in a conclusion: the treatment is, or is not, medically necessary. "Not medically necessary" belongs with Upheld, "medically necessary" with Overturned.',
};

function conclusionHover(item: DisputedItem): string {
  const necessary = item.conclusion.kind === 'medically-necessary';
  const fits = necessary ? 'overturned' : 'upheld';
  const agrees = item.outcome.kind === fits;
  return `**Conclusion: ${necessary ? 'medically necessary' : 'not medically necessary'}.** This belongs with **${fits === 'upheld' ? 'Upheld' : 'Overturned'}**${item.outcome.kind === 'upheld' || item.outcome.kind === 'overturned' ? (agrees ? ', as decided.' : `, but the item is ${escapeMarkdown(item.outcome.raw)}.`) : '.'}`;
}

function find(ctx: LetterContext, offset: number): { markdown: string; span: Span } | undefined {
  for (const letter of ctx.model.letters) {
    if (!contains(letter.range, offset)) continue;
    for (const item of letter.items) {
      if (!contains(item.range, offset) && !contains(item.decisionRange, offset)) continue;
      if (item.outcome.raw.length > 0 && contains(item.outcome.range, offset))
        return { markdown: outcomeHover(item), span: item.outcome.range };
      const citation = item.citations.find((c) => contains(c.range, offset));
      if (citation) return { markdown: citationHover(ctx, letter, citation), span: citation.range };
      if (item.conclusion.range && item.conclusion.kind !== 'not-stated' && contains(item.conclusion.range, offset)) {
        return { markdown: conclusionHover(item), span: item.conclusion.range };
      }
      const part = item.parts.find((p) => contains(p.labelRange, offset));
      if (part) return { markdown: `**${PART_TITLES[part.kind]}**: ${PART_HELP[part.kind]}`, span: part.labelRange };
    }
  }
  return undefined;
}

export function hover(ctx: LetterContext, position: { line: number; character: number }): Hover | null {
  if (!ctx.isLetter || position.line < 0 || position.line >= ctx.lines.lineCount) return null;
  const found = find(ctx, ctx.offsetAt(position));
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: ctx.range(found.span) };
}
