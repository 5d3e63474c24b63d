// The report as Markdown: totals, one table per grouping, the item table. Letter text is escaped
// (markdownCell), so that an item's name never becomes a link or markup.

import { daysLeftText } from '../engine/appeal';
import { APPEAL_RULE, appealsSummary, type ReportAppeals } from './appeals';
import { dwcTablesMarkdown } from './dwcTables';
import { headingText, ReportHeading } from './heading';
import {
  categoryLabel,
  DecisionsReport,
  GroupRow,
  GROUPINGS,
  holdsSeveralLetters,
  MIN_DECIDED_FOR_RATE,
  OutcomeCounts,
  tooFewToJudge,
} from './model';
import { filterText, hasNotes, notesLabel } from './notesFilter';
import { authorizationNote } from './rows';
import { counted, markdownCell, percent } from './text';

/** A group's overturn rate, or `too few` under MIN_DECIDED_FOR_RATE decided items. */
function rate(g: OutcomeCounts): string {
  return tooFewToJudge(g) && g.upheld + g.overturned > 0 ? 'too few' : percent(g.overturnRate);
}

function groupTable(title: string, column: string, groups: readonly GroupRow[]): string {
  const rows = groups.map(
    (g) => `| ${markdownCell(g.key)} | ${g.items} | ${g.upheld} | ${g.overturned} | ${rate(g)} |`,
  );
  return [
    `## Overturn rate by ${title}`,
    '',
    `| ${column} | Items | Upheld | Overturned | Overturn rate |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

function appealsMarkdown(a: ReportAppeals): string {
  const table =
    a.open.length === 0
      ? []
      : [
          '| Case | File | Appeal by | Days left |',
          '| --- | --- | --- | --- |',
          ...a.open.map(
            (r) =>
              `| ${markdownCell(r.caseNumber ?? '')} | ${markdownCell(`${r.file}:${r.line}`)} | ${r.appealBy} | ${daysLeftText(r.daysLeft)} |`,
          ),
          '',
        ];
  return ['## Appeal windows', '', appealsSummary(a), '', ...table, `${APPEAL_RULE} ${a.caveat}`, ''].join('\n');
}

export function renderMarkdown(
  report: DecisionsReport,
  title = 'IMR decisions report',
  heading?: ReportHeading,
): string {
  const t = report.totals;
  const letterColumn = holdsSeveralLetters(report.items);
  const notesColumn = hasNotes(report.items);
  const items = report.items.map((r) => {
    const letter = letterColumn ? ` ${r.letter} |` : '';
    // The user's words, escaped as letter text is (a notes file may come from anyone).
    const notes = notesColumn ? ` ${markdownCell(notesLabel(r))} |` : '';
    return `| ${markdownCell(`${r.file}:${r.line}`)} |${letter} ${markdownCell(r.caseNumber ?? '')} | ${markdownCell(authorizationNote(r) ? `${r.item} (${authorizationNote(r)})` : r.item)} | ${markdownCell(categoryLabel(r))} | ${r.outcome} |${notes} ${markdownCell(r.sources.join(', '))} | ${markdownCell(r.specialties.join('; '))} | ${r.decisionDate ?? ''} |`;
  });
  const unclear = t.unknown + t.missing;
  return [
    `# ${markdownCell(title)}`,
    '',
    ...(heading ? [markdownCell(headingText(heading)), ''] : []),
    ...(report.filter ? [`**${markdownCell(filterText(report.filter, t.items))}**`, ''] : []),
    `${counted(t.letters, 'letter')}, ${counted(t.items, 'disputed item')}: ${t.upheld} upheld, ${t.overturned} overturned` +
      (unclear > 0 ? `, ${unclear} with an unclear outcome` : '') +
      `; overturn rate ${rate(t)} (overturned items of those upheld or overturned; groups of fewer than ` +
      `${MIN_DECIDED_FOR_RATE} decided items are too few to judge).`,
    '',
    ...(report.appeals ? [appealsMarkdown(report.appeals)] : []),
    ...GROUPINGS.map((g) => groupTable(g.title, g.column, report[g.key])),
    dwcTablesMarkdown(report),
    '## Disputed items',
    '',
    `| File |${letterColumn ? ' Letter |' : ''} Case | Item | Category | Outcome |${notesColumn ? ' Status \u00b7 tags |' : ''} Sources | Specialty | Decided |`,
    `| --- |${letterColumn ? ' ---: |' : ''} --- | --- | --- | --- |${notesColumn ? ' --- |' : ''} --- | --- | --- |`,
    ...items,
    '',
  ].join('\n');
}
