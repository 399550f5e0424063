// SMTP TLS reports (RFC 8460): sessions per policy, and, opened, the failed sessions per receiving MX and per failure
// type (RFC 8460 §4.3.2), each breakdown adding up to the policy's failed sessions (tlsView.ts).
import { useMemo, useState } from 'preact/hooks';
import type { StoredTlsReport } from '../../../core/store';
import { useI18n } from '../i18n/i18n';
import { mutedClass, tableClass, tdClass, thClass, TableScroller } from '../ui/ui';
import { buildTlsRows, type TlsCount, type TlsPolicyRow } from './tlsView';

export { buildTlsRows };

function Breakdown({
  title,
  counts,
  row,
  testId,
  mono,
}: {
  title: string;
  counts: TlsCount[];
  row: TlsPolicyRow;
  testId: string;
  mono: boolean;
}) {
  const { t, number } = useI18n();
  return (
    <div>
      <h3 class="text-xs font-semibold uppercase tracking-wide">{title}</h3>
      <table class={`${tableClass} text-xs`} data-testid={testId}>
        <tbody>
          {counts.map((c) => (
            <tr key={c.name}>
              <th scope="row" class={`${tdClass} font-normal ${mono ? 'font-mono' : ''}`}>
                {c.name || t('drilldown.tls.unnamedMx')}
              </th>
              <td class={`${tdClass} text-right tabular-nums`}>{number(c.failed)}</td>
            </tr>
          ))}
          {row.undetailed > 0 ? (
            <tr>
              <th scope="row" class={`${tdClass} font-normal ${mutedClass}`}>
                {t('drilldown.tls.undetailed')}
              </th>
              <td class={`${tdClass} text-right tabular-nums`}>{number(row.undetailed)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function PolicyRows({ row }: { row: TlsPolicyRow }) {
  const { t, number } = useI18n();
  const [open, setOpen] = useState(false);
  const canOpen = row.failed > 0 || row.byType.length > 0;
  return (
    <>
      <tr data-testid="tls-row" data-failed={row.failed}>
        <th scope="row" class={`${tdClass} font-medium`}>
          {canOpen ? (
            <button
              type="button"
              class="inline-flex items-center gap-1 text-left hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              <span aria-hidden="true" class="inline-block w-3">
                {open ? '▾' : '▸'}
              </span>
              {row.policyType} · {row.policyDomain}
            </button>
          ) : (
            `${row.policyType} · ${row.policyDomain}`
          )}
          <div class={`text-xs font-normal ${mutedClass}`}>{t('drilldown.tls.reports', { count: row.reports })}</div>
        </th>
        <td class={`${tdClass} font-mono text-xs`}>{row.mxHosts.join(', ') || '–'}</td>
        <td class={`${tdClass} text-right tabular-nums`}>{number(row.successful)}</td>
        <td class={`${tdClass} text-right tabular-nums`}>{number(row.failed)}</td>
        <td class={`${tdClass} text-xs`}>
          {row.byType.map((c) => `${c.name} (${number(c.failed)})`).join(', ') || '–'}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5} class="px-2 pb-3">
            <div
              class="grid grid-cols-1 gap-4 rounded-md border border-slate-200 bg-slate-50 p-3 md:grid-cols-2 dark:border-slate-700 dark:bg-slate-800/60"
              data-testid="tls-detail"
            >
              <Breakdown title={t('drilldown.tls.byMx')} counts={row.byMx} row={row} testId="tls-by-mx" mono />
              <Breakdown
                title={t('drilldown.tls.byType')}
                counts={row.byType}
                row={row}
                testId="tls-by-type"
                mono={false}
              />
              {row.detailedBeyond > 0 ? (
                <p class={`text-sm md:col-span-2 ${mutedClass}`} data-testid="tls-beyond">
                  {t('drilldown.tls.beyond', {
                    detailed: number(row.failed + row.detailedBeyond),
                    count: row.failed,
                  })}
                </p>
              ) : null}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

export function TlsSummary({
  reports,
  domain = null,
}: {
  reports: readonly StoredTlsReport[];
  /** Only this policy domain's rows (a TLS report may cover several); null for all. */
  domain?: string | null;
}) {
  const { t } = useI18n();
  const rows = useMemo(() => buildTlsRows(reports, domain), [reports, domain]);
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
            <PolicyRows key={row.key} row={row} />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
