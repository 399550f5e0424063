// Failure (forensic) reports as a list with a detail view, personal data redacted by default: RFC 9991 §6 warns that
// failure reports carry the addresses, names and subjects of real people's mail. "Failed" names the mechanism (DKIM,
// SPF or both); a report of another feedback type (an abuse report) is named for what it is; an undated report shows
// in the period it was imported in, marked undated.
import { useMemo, useState } from 'preact/hooks';
import { failedMechanism, type ClassifiedSourceGroup, type Period } from '../../../core/analysis';
import type { FailureReport } from '../../../core/report';
import type { StoredFailureReport } from '../../../core/store';
import { useI18n } from '../i18n/i18n';
import { linkButtonClass, mutedClass, tableClass, tdClass, thClass, TableScroller } from '../ui/ui';
import { failuresInPeriod, matchingSource, redactAddress, redactHeader } from './failureView';

export { redactAddress };

/** RFC 5965 §7.3 feedback types with a name of their own; any other is shown as written. */
const FEEDBACK_TYPES = ['abuse', 'fraud', 'virus', 'other', 'not-spam'] as const;
type NamedFeedbackType = (typeof FEEDBACK_TYPES)[number];

function isNamedType(type: string): type is NamedFeedbackType {
  return (FEEDBACK_TYPES as readonly string[]).includes(type);
}

/** What failed, or what kind of report it is when it is not about authentication. */
function useFailedText(): (report: FailureReport) => string {
  const { t } = useI18n();
  return (report) => {
    const type = report.feedbackType.toLowerCase();
    if (type !== 'auth-failure') {
      return isNamedType(type) ? t(`drilldown.failure.type.${type}`) : report.feedbackType;
    }
    const mechanism = failedMechanism(report);
    return mechanism ? t(`drilldown.failure.failed.${mechanism}`) : (report.authFailure ?? report.feedbackType);
  };
}

function Detail({
  report,
  redact,
  sources,
  onShowSource,
}: {
  report: FailureReport;
  redact: boolean;
  sources: readonly ClassifiedSourceGroup[];
  onShowSource: (ip: string) => void;
}) {
  const { t, number } = useI18n();
  const hiddenText = `[${t('failures.redacted')}]`;
  const shown = (name: string, value: string) => (redact ? redactHeader(name, value, hiddenText) : value);
  const match = useMemo(() => matchingSource(report, sources), [report, sources]);
  const matched = match?.records.reduce((sum, r) => sum + r.record.count, 0) ?? 0;
  return (
    <div
      class="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-800/60"
      data-testid="failure-detail"
    >
      <div data-testid="failure-source">
        <h3 class="text-xs font-semibold uppercase tracking-wide">{t('drilldown.failure.source')}</h3>
        {match ? (
          <p>
            {t('drilldown.failure.sourceFound', {
              name: match.group.name,
              ip: match.ip.ip,
              messages: number(matched),
              reporters: [...new Set(match.records.map((r) => r.orgName))].join(', '),
            })}{' '}
            <button type="button" class={linkButtonClass} onClick={() => onShowSource(match.ip.ip)}>
              {t('drilldown.failure.showSource')}
            </button>
          </p>
        ) : (
          <p class={mutedClass}>{t('drilldown.failure.sourceNone')}</p>
        )}
      </div>
      <div class="grid grid-cols-1 gap-3 lg:grid-cols-2">
        <div>
          <h3 class="text-xs font-semibold uppercase tracking-wide">{t('drilldown.failure.fields')}</h3>
          <dl class="mt-1 grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-1 text-xs" data-testid="failure-fields">
            {report.fields.map(([name, value], i) => (
              <div key={i} class="contents">
                <dt class="font-mono font-semibold">{name}</dt>
                <dd class="font-mono break-all">{shown(name, value)}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3 class="text-xs font-semibold uppercase tracking-wide">{t('drilldown.failure.headers')}</h3>
          {report.original && report.original.headers.length > 0 ? (
            <dl
              class="mt-1 grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-1 text-xs"
              data-testid="failure-headers"
            >
              {report.original.headers.map(([name, value], i) => (
                <div key={i} class="contents">
                  <dt class="font-mono font-semibold">{name}</dt>
                  <dd class="font-mono break-all">{shown(name, value)}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p class={mutedClass}>{t('drilldown.failure.noHeaders')}</p>
          )}
        </div>
      </div>
    </div>
  );
}

function FailureRow({
  stored,
  redact,
  sources,
  onShowSource,
}: {
  stored: StoredFailureReport;
  redact: boolean;
  sources: readonly ClassifiedSourceGroup[];
  onShowSource: (ip: string) => void;
}) {
  const { t, dateTime, date } = useI18n();
  const failedText = useFailedText();
  const [open, setOpen] = useState(false);
  const { report } = stored;
  const address = (value: string | undefined) => (redact ? redactAddress(value) : (value ?? '–'));
  const when =
    report.arrivalTime !== undefined
      ? dateTime(report.arrivalTime)
      : stored.begin === 0
        ? t('drilldown.failure.undated', { date: date(Math.floor(stored.importedAt / 1000)) })
        : (report.arrivalDate ?? '–');
  const dkim = [report.dkimDomain && `d=${report.dkimDomain}`, report.dkimSelector && `s=${report.dkimSelector}`]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <tr data-testid="failure-row" data-feedback-type={report.feedbackType}>
        <td class={`${tdClass} whitespace-nowrap`}>{when}</td>
        <td class={`${tdClass} font-mono text-xs`}>{report.sourceIp ?? '–'}</td>
        <td class={tdClass}>{report.reportedDomain ?? '–'}</td>
        <td class={tdClass} data-testid="failure-failed">
          {failedText(report)}
          {dkim ? <div class={`font-mono text-xs ${mutedClass}`}>{dkim}</div> : null}
        </td>
        <td class={tdClass}>{report.deliveryResult ?? '–'}</td>
        <td class={tdClass} data-testid="failure-from">
          {address(report.original?.from ?? report.originalMailFrom)}
        </td>
        <td class={tdClass}>{redact ? `[${t('failures.redacted')}]` : (report.original?.subject ?? '–')}</td>
        <td class={tdClass}>{report.userAgent ?? address(report.reporter?.from)}</td>
        <td class={tdClass}>
          <button type="button" class={linkButtonClass} aria-expanded={open} onClick={() => setOpen(!open)}>
            {t(open ? 'drilldown.record.hide' : 'drilldown.record.show')}
          </button>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={9} class="px-2 pb-3">
            <Detail report={report} redact={redact} sources={sources} onShowSource={onShowSource} />
          </td>
        </tr>
      )}
    </>
  );
}

export function FailuresList({
  failures,
  period,
  sources = [],
  onShowSource = () => undefined,
}: {
  failures: readonly StoredFailureReport[];
  period: Period;
  /** The aggregate sources of the view, to find the one that saw a failure's address. */
  sources?: readonly ClassifiedSourceGroup[];
  /** Shows that address in the sources table. */
  onShowSource?: (ip: string) => void;
}) {
  const { t } = useI18n();
  const [redact, setRedact] = useState(true);
  const rows = useMemo(
    () => failuresInPeriod(failures, period).sort((a, b) => b.begin - a.begin || b.importedAt - a.importedAt),
    [failures, period.from, period.to],
  );
  if (rows.length === 0) return <p class={`text-sm ${mutedClass}`}>{t('failures.none')}</p>;
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
                {t('drilldown.failure.delivery')}
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
              <th scope="col" class={thClass}>
                <span class="sr-only">{t('drilldown.record.show')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((stored) => (
              <FailureRow
                key={stored.key}
                stored={stored}
                redact={redact}
                sources={sources}
                onShowSource={onShowSource}
              />
            ))}
          </tbody>
        </table>
      </TableScroller>
    </div>
  );
}
