// A domain's messages per day as a small bar chart: the part that passed DMARC green, the rest amber. Its accessible
// name carries the figures themselves, day by day, so a screen reader hears what the eye sees.
import type { DomainOverview } from '../../../core/analysis';
import { useI18n } from '../i18n/i18n';

const WIDTH = 120;
const HEIGHT = 28;

export function Sparkline({ days }: { days: DomainOverview['spark'] }) {
  const { t, number, date } = useI18n();
  if (days.length === 0) return null;
  const max = Math.max(1, ...days.map((d) => d.messages));
  const step = WIDTH / days.length;
  const bar = Math.max(1, step - 1);
  let pass = '';
  let fail = '';
  days.forEach((d, i) => {
    if (d.messages === 0) return;
    const x = (i * step).toFixed(2);
    const total = Math.max(1, (d.messages / max) * HEIGHT);
    const passed = (d.dmarcPass / d.messages) * total;
    if (passed > 0)
      pass += `M${x} ${(HEIGHT - passed).toFixed(2)}h${bar.toFixed(2)}v${passed.toFixed(2)}h${(-bar).toFixed(2)}z`;
    if (total - passed > 0) {
      fail += `M${x} ${(HEIGHT - total).toFixed(2)}h${bar.toFixed(2)}v${(total - passed).toFixed(2)}h${(-bar).toFixed(2)}z`;
    }
  });
  const total = days.reduce((n, d) => n + d.messages, 0);
  const passed = days.reduce((n, d) => n + d.dmarcPass, 0);
  const label = t('overview.spark', {
    first: date(days[0]!.day),
    last: date(days[days.length - 1]!.day),
    values: days.map((d) => number(d.messages)).join(', '),
    passed,
    total,
  });
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
      data-testid="sparkline"
      class="block"
    >
      <line x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} class="stroke-slate-200 dark:stroke-slate-700" />
      {pass && <path d={pass} class="fill-emerald-500" />}
      {fail && <path d={fail} class="fill-amber-400" />}
    </svg>
  );
}
