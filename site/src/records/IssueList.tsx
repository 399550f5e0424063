// Findings about a record (errors, risks, advice) with their fixes, and the tag-by-tag explanation table.
import type { RecordIssue, TagExplanation } from '../../../core/records/types';
import { Badge, mutedClass, tableClass, tdClass, thClass } from '../ui/ui';

const SEVERITY = {
  error: { colour: 'red', label: 'Error' },
  warning: { colour: 'amber', label: 'Risk' },
  info: { colour: 'blue', label: 'Note' },
} as const;

export function IssueList({ issues }: { issues: readonly RecordIssue[] }) {
  if (issues.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...issues].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul class="space-y-2" data-testid="issues">
      {sorted.map((issue, index) => (
        <li key={`${issue.code}-${index}`} class="flex gap-2 text-sm" data-code={issue.code}>
          <span class="shrink-0">
            <Badge colour={SEVERITY[issue.severity].colour}>{SEVERITY[issue.severity].label}</Badge>
          </span>
          <span>
            {issue.message}
            {issue.fix && <span class={`block ${mutedClass}`}>Fix: {issue.fix}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ExplanationTable({ rows }: { rows: readonly TagExplanation[] }) {
  if (rows.length === 0) return null;
  return (
    <table class={tableClass}>
      <thead>
        <tr>
          <th class={thClass} scope="col">Tag</th>
          <th class={thClass} scope="col">Value</th>
          <th class={thClass} scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.tag}-${index}`}>
            <td class={`${tdClass} font-mono`}>{row.tag}</td>
            <td class={`${tdClass} break-all font-mono`}>{row.value}</td>
            <td class={tdClass}>{row.meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
