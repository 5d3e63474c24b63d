// Hovers: guideline citations (what is cited and what the cited page covers first, then where the
// source stands in the MTUS in one line, and links to the letter's other citations of it; the
// rules behind the standing on the source's name), an item's name (a summary of the item, its
// treatment category; a partly authorized item's original request and authorized part), outcome words,
// part labels, the rationale's conclusion, the header's fields (the case at a glance, caseHover.ts)
// and the abbreviations letters use.
// Letter text enters the Markdown only through escapeMarkdown/quoteText; hovers are never trusted,
// and their only links go to lines of the same document.

import { Hover, MarkupKind } from 'vscode-languageserver';
import {
  ABBREVIATIONS,
  chapterTopic,
  entryFor,
  GuidelineEntry,
  MTUS,
  MTUS_SPELLED_OUT,
  OUTCOME_MEANINGS,
  pageTopics,
  Standing,
} from '../engine/catalog';
import type { Citation, DisputedItem, GuidelineSource, ItemPart, Letter, Span } from '../engine/model';
import { treatmentOf } from '../engine/treatmentCategories';
import { OUTCOME_LABELS } from '../engine/vocabulary';
import { caseHover, type AppealContext } from './caseHover';
import { notesHover } from './notesHover';
import type { LetterNotesView } from '../notes/resolve';
import { contains, LetterContext } from './context';
import { citedSourceName, outcomeName, PART_NAMES } from '../engine/displayNames';
import { escapeMarkdown, quoteText } from './markdown';

const UNVERIFIED = ' _(unverified: widely repeated, not checked against the guideline itself)_';
/** Other citations listed by link; the rest are counted. */
const OTHER_CITATIONS_SHOWN = 5;

function qualify(text: string, standing: Standing): string {
  return standing === 'confirmed' ? text : text + UNVERIFIED;
}

/** Same words, ignoring case, spacing and punctuation, or one inside the other. */
function sameTopic(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/** The first line: the source and its document, then what the letter cites of them (topic, chapter, pages, sections). */
function citedLine(entry: GuidelineEntry, citation: Citation): string {
  // `MTUS › Chronic Pain Medical Treatment Guidelines`; `ODG (Official Disability Guidelines)`.
  const source = citation.source === 'other' ? '' : citation.source;
  const title =
    entry.id === 'MTUS' ? 'MTUS' : source && source !== entry.short ? `${source} \u203a ${entry.name}` : entry.name;
  const cited: string[] = [];
  if (citation.topic) cited.push(quoteText(citation.topic));
  if (citation.chapter) cited.push(`chapter ${escapeMarkdown(citation.chapter)}`);
  if (citation.sections.length > 0)
    cited.push(
      `${citation.sections.length > 1 ? 'sections' : 'section'} ${citation.sections.map(escapeMarkdown).join(', ')}`,
    );
  if (citation.pages.length > 0)
    cited.push(`${citation.pages.length > 1 ? 'pages' : 'page'} ${citation.pages.map(escapeMarkdown).join(', ')}`);
  return `**${escapeMarkdown(title)}**${cited.length > 0 ? ': ' + cited.join(', ') : ''}`;
}

/** What the cited pages and chapter cover, where the catalog knows and the letter's topic does not already say. */
function coverageLines(entry: GuidelineEntry, citation: Citation): string[] {
  const lines: string[] = [];
  for (const p of citation.pages) {
    for (const t of pageTopics(entry, p)) {
      if (citation.topic && sameTopic(citation.topic, t.topic)) continue;
      const where = t.from === t.to ? `Page ${t.from}` : `Pages ${t.from}-${t.to}`;
      lines.push(qualify(`${where} cover${t.from === t.to ? 's' : ''} ${escapeMarkdown(t.topic)}.`, t.standing));
    }
  }
  const chapter = chapterTopic(entry, citation.chapter);
  if (chapter && !(citation.topic && sameTopic(citation.topic, chapter.topic)))
    lines.push(qualify(`Chapter ${chapter.chapter} covers ${escapeMarkdown(chapter.topic)}.`, chapter.standing));
  return lines;
}

function inMtus(entry: GuidelineEntry, citation: Citation): boolean {
  return (
    entry.partOfMtus === 'yes' ||
    (entry.partOfMtus === 'adopted-chapters' && citation.mtus && citation.source === 'MTUS')
  );
}

/** One short line: where the source stands in the MTUS, MTUS spelled out once; the rules behind it are in legalHover. */
function standingLine(entry: GuidelineEntry, citation: Citation): string {
  const mtus = `MTUS (${MTUS_SPELLED_OUT})`;
  let line: string;
  if (entry.id === 'MTUS' || inMtus(entry, citation))
    line = `**${entry.id === 'MTUS' ? `The ${mtus}` : `Part of the ${mtus}`}**: presumed correct on treatment.`;
  else {
    // ACOEM is part of the MTUS only where the MTUS adopted it, which a letter shows by citing it as MTUS.
    const headline = entry.partOfMtus === 'no' ? `Not part of the ${mtus}` : `Not cited as part of the ${mtus}`;
    line = `**${headline}**: consulted after it.`;
  }
  if (entry.partOfMtus === 'yes' && !citation.mtus && citation.part !== 'rationale')
    line += ' Listed as a \u201cNon-MTUS Citation\u201d all the same.';
  return line;
}

/** The rules behind the standing (8 CCR), for the hover on the source's name inside the citation. */
function hierarchyLine(entry: GuidelineEntry, citation: Citation): string {
  if (entry.id === 'MTUS')
    return `presumed correct on the extent and scope of treatment, and first in the search for evidence (8 CCR 9792.25, 9792.21.1); scientific medical evidence can rebut it.`;
  if (inMtus(entry, citation))
    return `part of the MTUS: presumed correct on the extent and scope of treatment, and first in the search for evidence (8 CCR 9792.25, 9792.21.1).`;
  const headline = entry.partOfMtus === 'no' ? 'not part of the MTUS' : 'not cited as part of the MTUS';
  return `${headline}: ${entry.searchPlace ?? 'it comes after the MTUS in the search for evidence (8 CCR 9792.21.1)'}.`;
}

/** The legal detail of a cited source: what it is and where the rules place it, then its background. */
function legalHover(entry: GuidelineEntry, citation: Citation): string {
  const name = entry.id === 'MTUS' ? `MTUS (${MTUS_SPELLED_OUT})` : `${entry.name}`;
  return [`**${escapeMarkdown(name)}**: ${hierarchyLine(entry, citation)}`, escapeMarkdown(entry.about)].join('\n\n');
}

/** The source's name where the citation writes it (`MTUS`, `ODG`, `ACOEM`): its span, if the offset is on it. */
function sourceNameAt(ctx: LetterContext, citation: Citation, offset: number): Span | undefined {
  const text = ctx.model.text;
  const names = new Set([citation.source, entryFor(citation).short].filter((n) => n !== 'other'));
  let start = offset;
  while (start > citation.range.start && /[A-Za-z]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < citation.range.end && /[A-Za-z]/.test(text[end])) end++;
  return end > start && names.has(text.slice(start, end) as GuidelineSource) ? { start, end } : undefined;
}

/** A link to a line of the hovered document: VS Code opens `#L<line>` (1-based) at that line. */
function lineLink(ctx: LetterContext, offset: number, text: string): string {
  // Parentheses and spaces would end a Markdown link destination early.
  const uri = ctx.uri.replace(/[()\s<>]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return `[${text}](${uri}#L${ctx.lines.lineAt(offset) + 1})`;
}

/** Other citations listed by line, on one line; the rest are counted. */
function otherCitations(ctx: LetterContext, letter: Letter, citation: Citation, entry: GuidelineEntry): string[] {
  const out: string[] = [];
  for (const item of letter.items) {
    for (const c of item.citations) {
      if (c === citation || entryFor(c) !== entry) continue;
      const line = ctx.lines.lineAt(c.range.start) + 1;
      out.push(lineLink(ctx, c.range.start, `line ${line}`));
    }
  }
  return out;
}

/**
 * A citation: what the letter cites, what the catalog knows of it (one line at most), where it
 * stands in the MTUS in one line, the letter's other citations of it: eight lines at most, so that
 * the text being read stays in view. The rules behind the standing come with a hover on the
 * source's name (legalHover).
 */
function citationHover(ctx: LetterContext, letter: Letter, citation: Citation): string {
  const entry = entryFor(citation);
  const coverage = coverageLines(entry, citation);
  const first = [citedLine(entry, citation), ...coverage.slice(0, 1)];
  if (coverage.length > 1) first[1] += ` And ${coverage.length - 1} more.`;
  const md: string[] = [first.join('  \n')];
  const name =
    citation.source !== 'other' &&
    ctx.model.text.slice(citation.range.start, citation.range.end).includes(citation.source);
  // A source without a publisher of its own: that is all there is to say of it.
  const about = citation.source === 'other' ? ` ${escapeMarkdown(entry.about)}` : '';
  md.push(
    standingLine(entry, citation) + about + (name ? ` Point at \u201c${citation.source}\u201d for the rules.` : ''),
  );
  const others = otherCitations(ctx, letter, citation, entry);
  if (others.length > 0) {
    const more = others.length - OTHER_CITATIONS_SHOWN;
    md.push(
      `Also cited on ${others.slice(0, OTHER_CITATIONS_SHOWN).join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
    );
  }
  return md.join('\n\n');
}

function outcomeHover(item: DisputedItem): string {
  const o = item.outcome;
  if (o.kind === 'upheld' || o.kind === 'overturned') {
    return `**${escapeMarkdown(OUTCOME_LABELS[o.kind])}**: ${OUTCOME_MEANINGS[o.kind]}\n\nItem: ${quoteText(item.name)}`;
  }
  return `**\u201c${quoteText(o.raw, 40)}\u201d is not an IMR outcome.** Each disputed item is either **Upheld** (the denial stands: not medically necessary) or **Overturned** (medically necessary).`;
}

const CONCLUSION_WORDS = {
  'medically-necessary': 'medically necessary',
  'not-medically-necessary': 'not medically necessary',
} as const;

/** The item at a glance: outcome, what the reviewer based it on, the rationale's conclusion, problems. */
function itemHover(ctx: LetterContext, letter: Letter, item: DisputedItem): string {
  const md: string[] = [`**${escapeMarkdown(outcomeName(item))}**: ${quoteText(item.name)}`];
  // A partly authorized item: the decision is about the part left for IMR, named above.
  const partly: string[] = [];
  if (item.requested !== undefined) partly.push(`Requested: ${quoteText(item.requested)}`);
  if (item.authorized !== undefined)
    partly.push(`Authorized by the claims administrator: ${quoteText(item.authorized)}`);
  if (partly.length > 0) md.push(partly.join('  \n'));
  const reviewer = item.citations.filter((c) => c.part === 'reviewer-guideline');
  const sources = [...new Set(reviewer.map(citedSourceName))];
  const facts: string[] = [
    `Based on: ${
      sources.length > 0
        ? sources.map((s) => escapeMarkdown(s)).join(', ')
        : item.reviewerGuideline
          ? 'no guideline named'
          : 'no reviewer guideline line'
    }`,
  ];
  const treatment = treatmentOf(item.name);
  const what = [treatment.category, treatment.subcategory, treatment.drugClass, treatment.drug].filter(
    (x): x is string => !!x,
  );
  facts.push(`Treatment: ${what.map((x) => escapeMarkdown(x)).join(' \u203a ')}`);
  const conclusion = item.conclusion.kind;
  if (conclusion === 'not-stated') facts.push('Rationale: no conclusion stated');
  else {
    const fits = conclusion === 'medically-necessary' ? 'overturned' : 'upheld';
    const agrees = item.outcome.kind === fits ? ', as decided' : '';
    facts.push(`Rationale concludes: ${CONCLUSION_WORDS[conclusion]}${agrees}`);
  }
  md.push(facts.join('  \n'));
  const itemIndex = letter.items.indexOf(item);
  const problems = ctx
    .findings()
    .filter((f) => f.letterIndex === letter.index && f.itemIndex === itemIndex)
    .map((f) => `- ${quoteText(f.message, 200)}`);
  md.push(problems.length > 0 ? `Problems:\n${problems.join('\n')}` : 'No problems found.');
  return md.join('\n\n');
}

const PART_HELP: Record<ItemPart['kind'], string> = {
  'claims-administrator-guideline':
    'What the claims administrator based its utilization review denial on. It may say that no medical evidence was cited.',
  'reviewer-guideline':
    'What the expert reviewer based the decision on: `Decision based on MTUS ...` and/or `Decision based on Non-MTUS Citation ...`, often with pages or sections. Without it, the decision states no guideline source.',
  rationale:
    'The reviewer\u2019s reasoning, ending in a conclusion: the treatment is, or is not, medically necessary. "Not medically necessary" belongs with Upheld, "medically necessary" with Overturned.',
};

const PART_TITLES: Record<ItemPart['kind'], string> = {
  ...PART_NAMES,
  'reviewer-guideline': 'Reviewer (MAXIMUS) guideline',
};

function conclusionHover(item: DisputedItem): string {
  const necessary = item.conclusion.kind === 'medically-necessary';
  const fits = necessary ? 'overturned' : 'upheld';
  const agrees = item.outcome.kind === fits;
  return `**Conclusion: ${necessary ? 'medically necessary' : 'not medically necessary'}.** This belongs with **${OUTCOME_LABELS[fits]}**${item.outcome.kind === 'upheld' || item.outcome.kind === 'overturned' ? (agrees ? ', as decided.' : `, but the item is ${escapeMarkdown(item.outcome.raw)}.`) : '.'}`;
}

/** An abbreviation of ABBREVIATIONS under the offset, as a whole word. */
function abbreviationAt(text: string, offset: number): { word: string; span: Span } | undefined {
  const isLetter = (i: number) => i >= 0 && i < text.length && /[A-Za-z]/.test(text[i]);
  if (!isLetter(offset)) return undefined;
  let start = offset;
  let end = offset;
  // Abbreviations are short: look no further than a few letters either way.
  while (isLetter(start - 1) && offset - start < 6) start--;
  while (isLetter(end) && end - offset < 6) end++;
  if (isLetter(start - 1) || isLetter(end)) return undefined;
  const word = text.slice(start, end);
  return Object.prototype.hasOwnProperty.call(ABBREVIATIONS, word) ? { word, span: { start, end } } : undefined;
}

/** Where hovering shows the item: its name, and a partly authorized item's whole decision paragraph up to it. */
function namedSpan(item: DisputedItem): Span {
  if (item.requested === undefined && item.authorized === undefined) return item.nameRange;
  return { start: Math.min(item.decisionRange.start, item.nameRange.start), end: item.nameRange.end };
}

/** What a hover adds to the letter: the appeal window's settings and today, the user's notes. */
export interface HoverExtras {
  readonly appeal?: AppealContext;
  /** Each letter's notes, in the letters' order. */
  readonly notes?: readonly LetterNotesView[];
}

function withNotes(markdown: string, notes: string): string {
  return notes ? `${markdown}\n\n---\n\n${notes}` : markdown;
}

function find(
  ctx: LetterContext,
  offset: number,
  extras: HoverExtras = {},
): { markdown: string; span: Span } | undefined {
  for (const letter of ctx.model.letters) {
    if (!contains(letter.range, offset)) continue;
    const view = extras.notes?.[letter.index];
    for (const [i, item] of letter.items.entries()) {
      if (item.outcome.raw.length > 0 && contains(item.outcome.range, offset))
        return { markdown: outcomeHover(item), span: item.outcome.range };
      const named = namedSpan(item);
      if (named.end > named.start && contains(named, offset)) {
        const attached = view?.items.find((a) => a.itemIndex === i);
        const notes = attached ? notesHover(attached.notes, attached.tags) : '';
        return { markdown: withNotes(itemHover(ctx, letter, item), notes), span: named };
      }
      // Not only within the item's range: the professional review form keeps its guidelines and
      // rationale in sections of their own, after the issue.
      const citation = item.citations.find((c) => contains(c.range, offset));
      if (citation) {
        const name = sourceNameAt(ctx, citation, offset);
        // On the word MTUS, the schedule's own standing, even in a citation of a document adopted into it.
        const named = name && ctx.model.text.slice(name.start, name.end) === 'MTUS' ? MTUS : entryFor(citation);
        if (name) return { markdown: legalHover(named, citation), span: name };
        return { markdown: citationHover(ctx, letter, citation), span: citation.range };
      }
      if (item.conclusion.range && item.conclusion.kind !== 'not-stated' && contains(item.conclusion.range, offset)) {
        return { markdown: conclusionHover(item), span: item.conclusion.range };
      }
      const part = item.parts.find((p) => contains(p.labelRange, offset));
      if (part) return { markdown: `**${PART_TITLES[part.kind]}**: ${PART_HELP[part.kind]}`, span: part.labelRange };
    }
    const field = letter.header.find((h) => contains(h.range, offset));
    if (field) {
      const notes = view ? notesHover(view.notes, view.tags, view.status) : '';
      return { markdown: withNotes(caseHover(letter, extras.appeal), notes), span: field.range };
    }
    const abbreviation = abbreviationAt(ctx.model.text, offset);
    if (abbreviation)
      return {
        markdown: `**${abbreviation.word}**: ${escapeMarkdown(ABBREVIATIONS[abbreviation.word])}`,
        span: abbreviation.span,
      };
  }
  return undefined;
}

export function hover(
  ctx: LetterContext,
  position: { line: number; character: number },
  extras?: HoverExtras,
): Hover | null {
  if (!ctx.isLetter || position.line < 0 || position.line >= ctx.lines.lineCount) return null;
  const found = find(ctx, ctx.offsetAt(position), extras);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: ctx.range(found.span) };
}
