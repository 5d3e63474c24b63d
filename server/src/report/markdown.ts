// The report as Markdown: totals, one table per grouping, the item table. Letter text is escaped
// (markdownCell), so that an item's name never becomes a link or markup.

import { categoryLabel, DecisionsReport, GroupRow, GROUPINGS } from './model';
import { authorizationNote } from './rows';
import { markdownCell, percent } from './text';

function groupTable(title: string, column: string, groups: readonly GroupRow[]): string {
  const rows = groups.map(
    (g) => `| ${markdownCell(g.key)} | ${g.items} | ${g.upheld} | ${g.overturned} | ${percent(g.overturnRate)} |`,
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

export function renderMarkdown(report: DecisionsReport, title = 'IMR decisions report'): string {
  const t = report.totals;
  const items = report.items.map((r) => {
    return `| ${markdownCell(`${r.file}:${r.line}`)} | ${r.letter} | ${markdownCell(r.caseNumber ?? '')} | ${markdownCell(authorizationNote(r) ? `${r.item} (${authorizationNote(r)})` : r.item)} | ${markdownCell(categoryLabel(r))} | ${r.outcome} | ${markdownCell(r.sources.join(', '))} | ${markdownCell(r.specialties.join('; '))} | ${r.decisionDate ?? ''} |`;
  });
  return [
    `# ${markdownCell(title)}`,
    '',
    `${t.letters} letters, ${t.items} disputed items: ${t.upheld} upheld, ${t.overturned} overturned` +
      (t.unknown + t.missing > 0 ? `, ${t.unknown + t.missing} with an unclear outcome` : '') +
      `; overturn rate ${percent(t.overturnRate)} (overturned items of those upheld or overturned).`,
    '',
    ...GROUPINGS.map((g) => groupTable(g.title, g.column, report[g.key])),
    '## Disputed items',
    '',
    '| File | Letter | Case | Item | Category | Outcome | Sources | Specialty | Decided |',
    '| --- | ---: | --- | --- | --- | --- | --- | --- | --- |',
    ...items,
    '',
  ].join('\n');
}
