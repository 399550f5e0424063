// Findings about a record (errors, risks, advice) with their fixes, and the tag-by-tag explanation table.
import type { RecordIssue, TagExplanation } from '../../../core/dns';
import { useI18n } from '../i18n/i18n';
import { Badge, mutedClass, tableClass, tdClass, thClass } from '../ui/ui';
import { useRecordText } from './useRecordText';

const SEVERITY = {
  error: { colour: 'red', label: 'records.issue.error' },
  warning: { colour: 'amber', label: 'records.issue.warning' },
  info: { colour: 'blue', label: 'records.issue.info' },
} as const;

export function IssueList({ issues }: { issues: readonly RecordIssue[] }) {
  const { t } = useI18n();
  const say = useRecordText();
  if (issues.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...issues].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul class="space-y-2" data-testid="issues">
      {sorted.map((issue, index) => (
        <li key={`${issue.code}-${index}`} class="flex gap-2 text-sm" data-code={issue.code}>
          <span class="shrink-0">
            <Badge colour={SEVERITY[issue.severity].colour}>{t(SEVERITY[issue.severity].label)}</Badge>
          </span>
          <span>
            {say(issue.text)}
            {issue.fixText && (
              <span class={`block ${mutedClass}`}>{t('records.issue.fix', { fix: say(issue.fixText) })}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ExplanationTable({ rows }: { rows: readonly TagExplanation[] }) {
  const { t } = useI18n();
  const say = useRecordText();
  if (rows.length === 0) return null;
  return (
    <table class={tableClass}>
      <thead>
        <tr>
          <th class={thClass} scope="col">
            {t('records.explain.tag')}
          </th>
          <th class={thClass} scope="col">
            {t('records.explain.value')}
          </th>
          <th class={thClass} scope="col">
            {t('records.explain.meaning')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.tag}-${index}`}>
            <td class={`${tdClass} font-mono`}>{row.tag}</td>
            <td class={`${tdClass} break-all font-mono`}>{row.value}</td>
            <td class={tdClass}>{say(row.meaningText)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
