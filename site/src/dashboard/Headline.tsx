// The headline figures: messages, DMARC pass rate, DKIM and SPF aligned rates, dispositions, sources.
import type { Period, Totals } from '../../../core/analysis';
import { useI18n } from '../i18n/i18n';
import { mutedClass } from '../ui/ui';

function Figure({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId?: string }) {
  return (
    <div class="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <dt class={`text-sm font-medium ${mutedClass}`}>{label}</dt>
      <dd class="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {detail && <dd class={`mt-1 text-xs ${mutedClass}`}>{detail}</dd>}
    </div>
  );
}

export function Headline({
  totals,
  shown,
}: {
  totals: Totals;
  /** The days the figures are of, when known (the chart's range), said above them. */
  shown?: Period | undefined;
}) {
  const { t, number, percent, date } = useI18n();
  const of = (count: number) => t('dash.ofMessages', { count, total: totals.messages });
  // The card counts quarantined and rejected messages; a reporter's disposition "pass" (or "none") means delivered.
  const dispositions = t('housekeeping.disp.detail', {
    quarantined: totals.dispositions.quarantine,
    rejected: totals.dispositions.reject,
    delivered: totals.dispositions.none + totals.dispositions.pass,
  });
  const figures = (
    <dl class="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Figure
        label={t('dash.messages')}
        value={number(totals.messages)}
        testId="total-messages"
        detail={t('dash.fromReports', { count: totals.reports })}
      />
      <Figure
        label={t('dash.dmarcPass')}
        value={percent(totals.dmarcPass, totals.messages)}
        detail={of(totals.dmarcPass)}
        testId="dmarc-pass-rate"
      />
      <Figure
        label={t('dash.dkimAligned')}
        value={percent(totals.dkimAligned, totals.messages)}
        detail={of(totals.dkimAligned)}
      />
      <Figure
        label={t('dash.spfAligned')}
        value={percent(totals.spfAligned, totals.messages)}
        detail={of(totals.spfAligned)}
      />
      <Figure
        label={t('dash.sources')}
        value={number(totals.sources)}
        detail={t('dash.uniqueIps')}
        testId="total-sources"
      />
      <Figure
        label={t('dash.dispositions')}
        value={percent(totals.dispositions.quarantine + totals.dispositions.reject, totals.messages)}
        detail={dispositions}
      />
    </dl>
  );
  if (!shown) return figures;
  return (
    <div class="space-y-2">
      <p class={`text-sm ${mutedClass}`} data-testid="period-shown">
        {t('overview.period.shown', { first: date(shown.from), last: date(shown.to - 86_400) })}
      </p>
      {figures}
    </div>
  );
}
