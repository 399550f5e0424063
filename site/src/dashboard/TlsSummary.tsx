// SMTP TLS reports (RFC 8460): sessions per policy domain and MX, and the failure types seen (RFC 8460 §4.3.2).
import { useMemo } from 'preact/hooks';
import type { StoredTlsReport } from '../../../core/store';
import { useI18n } from '../i18n/i18n';
import { mutedClass, tableClass, tdClass, thClass, TableScroller } from '../ui/ui';

interface MxRow {
  policy: string;
  mx: string;
  successful: number;
  failed: number;
  failureTypes: Map<string, number>;
}

export function buildTlsRows(reports: readonly StoredTlsReport[]): MxRow[] {
  const rows = new Map<string, MxRow>();
  const rowFor = (policy: string, mx: string): MxRow => {
    const key = `${policy}\u0000${mx}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { policy, mx, successful: 0, failed: 0, failureTypes: new Map() }));
    return row;
  };
  for (const { report } of reports) {
    for (const policy of report.policies) {
      const label = `${policy.policyType} · ${policy.policyDomain}`;
      const mx = policy.mxHost.join(', ') || '–';
      const row = rowFor(label, mx);
      row.successful += policy.successfulSessions;
      row.failed += policy.failedSessions;
      for (const detail of policy.failureDetails) {
        const target = detail.receivingMxHostname ? rowFor(label, detail.receivingMxHostname) : row;
        const type = detail.resultType;
        target.failureTypes.set(type, (target.failureTypes.get(type) ?? 0) + detail.failedSessionCount);
      }
    }
  }
  return [...rows.values()]
    .filter((r) => r.successful + r.failed + r.failureTypes.size > 0)
    .sort((a, b) => b.failed - a.failed);
}

export function TlsSummary({ reports }: { reports: readonly StoredTlsReport[] }) {
  const { t, number } = useI18n();
  const rows = useMemo(() => buildTlsRows(reports), [reports]);
  if (rows.length === 0) return <p class={`text-sm ${mutedClass}`}>{t('tls.none')}</p>;
  return (
    <TableScroller label={t('tls.heading')}>
      <table class={tableClass} data-testid="tls-table">
        <thead>
          <tr>
            <th scope="col" class={thClass}>
              {t('tls.col.policy')}
            </th>
            <th scope="col" class={thClass}>
              {t('tls.col.mx')}
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              {t('tls.col.success')}
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              {t('tls.col.failed')}
            </th>
            <th scope="col" class={thClass}>
              {t('tls.col.types')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.policy}|${row.mx}`}>
              <td class={tdClass}>{row.policy}</td>
              <td class={`${tdClass} font-mono text-xs`}>{row.mx}</td>
              <td class={`${tdClass} text-right tabular-nums`}>{number(row.successful)}</td>
              <td class={`${tdClass} text-right tabular-nums`}>{number(row.failed)}</td>
              <td class={`${tdClass} text-xs`}>
                {[...row.failureTypes].map(([type, n]) => `${type} (${number(n)})`).join(', ') || '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
