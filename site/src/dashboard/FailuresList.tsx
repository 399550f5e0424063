// Failure (forensic) reports, with personal data redacted by default: RFC 9991 §6 warns that failure reports carry
// the addresses and subjects of real people's mail.
import { useState } from 'preact/hooks';
import type { StoredFailureReport } from '../../../core/store';
import { useI18n } from '../i18n/i18n';
import { mutedClass, tableClass, tdClass, thClass, TableScroller } from '../ui/ui';

/** Keeps the domain of an address and hides the local part: `j***@example.com`. */
export function redactAddress(text: string | undefined): string {
  if (!text) return '–';
  return text.replace(
    /([^\s<>"@,;:]+)@([^\s<>"@,;]+)/g,
    (_whole, local: string, domain: string) => `${local.slice(0, 1)}***@${domain}`,
  );
}

export function FailuresList({ failures }: { failures: readonly StoredFailureReport[] }) {
  const { t, dateTime } = useI18n();
  const [redact, setRedact] = useState(true);
  if (failures.length === 0) return <p class={`text-sm ${mutedClass}`}>{t('failures.none')}</p>;
  const address = (value: string | undefined) => (redact ? redactAddress(value) : (value ?? '–'));
  const rows = [...failures].sort((a, b) => b.begin - a.begin);
  return (
    <div>
      <label class="mb-3 inline-flex items-center gap-2 text-sm">
        <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.currentTarget.checked)} />
        {t('failures.redact')}
      </label>
      <TableScroller label={t('failures.heading')}>
        <table class={tableClass} data-testid="failures-table">
          <thead>
            <tr>
              <th scope="col" class={thClass}>
                {t('failures.col.date')}
              </th>
              <th scope="col" class={thClass}>
                {t('failures.col.source')}
              </th>
              <th scope="col" class={thClass}>
                {t('failures.col.domain')}
              </th>
              <th scope="col" class={thClass}>
                {t('failures.col.failure')}
              </th>
              <th scope="col" class={thClass}>
                {t('failures.col.from')}
              </th>
              <th scope="col" class={thClass}>
                {t('failures.col.subject')}
              </th>
              <th scope="col" class={thClass}>
                {t('failures.col.reporter')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, report }) => (
              <tr key={key}>
                <td class={`${tdClass} whitespace-nowrap`}>
                  {report.arrivalTime ? dateTime(report.arrivalTime) : (report.arrivalDate ?? '–')}
                </td>
                <td class={`${tdClass} font-mono text-xs`}>{report.sourceIp ?? '–'}</td>
                <td class={tdClass}>{report.reportedDomain ?? '–'}</td>
                <td class={tdClass}>{report.authFailure ?? report.feedbackType}</td>
                <td class={tdClass}>{address(report.original?.from ?? report.originalMailFrom)}</td>
                <td class={tdClass}>{redact ? `[${t('failures.redacted')}]` : (report.original?.subject ?? '–')}</td>
                <td class={tdClass}>{report.userAgent ?? address(report.reporter?.from)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </div>
  );
}
