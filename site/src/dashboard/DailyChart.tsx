// Messages per UTC day, stacked by result. Plain SVG (no chart library): one bar per day (drawn as one path per
// result), a <title> per day for the exact numbers, and a sentence for screen readers.
import type { DailyPoint } from '../../../core/analysis';
import { useI18n } from '../i18n/i18n';
import { mutedClass } from '../ui/ui';

const SERIES = [
  { key: 'pass', label: 'chart.pass', fill: 'fill-emerald-500', swatch: 'bg-emerald-500' },
  { key: 'fail', label: 'chart.fail', fill: 'fill-amber-400', swatch: 'bg-amber-400' },
  { key: 'quarantined', label: 'chart.quarantined', fill: 'fill-orange-600', swatch: 'bg-orange-600' },
  { key: 'rejected', label: 'chart.rejected', fill: 'fill-red-700', swatch: 'bg-red-700' },
] as const;

const DAY_MS = 86_400_000;

/** Days without reports are drawn as gaps, so the bars keep their place on the time axis. */
function fillGaps(points: readonly DailyPoint[]): DailyPoint[] {
  if (points.length < 2) return [...points];
  const byDay = new Map(points.map((p) => [p.day, p]));
  const first = Date.parse(`${points[0]!.day}T00:00:00Z`);
  const last = Date.parse(`${points[points.length - 1]!.day}T00:00:00Z`);
  // Very long spans are not padded: a few years of days is still fine, beyond that bars would be sub-pixel anyway.
  if ((last - first) / DAY_MS > 2000) return [...points];
  const out: DailyPoint[] = [];
  for (let time = first; time <= last; time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, pass: 0, fail: 0, quarantined: 0, rejected: 0 });
  }
  return out;
}

export function DailyChart({ daily }: { daily: readonly DailyPoint[] }) {
  const { t, number, date } = useI18n();
  const days = fillGaps(daily);
  if (days.length === 0) return null;
  const totals = days.map((d) => d.pass + d.fail + d.quarantined + d.rejected);
  const max = Math.max(1, ...totals);
  const width = 800;
  const height = 200;
  const left = 48;
  const bottom = 24;
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - 8;
  const step = plotWidth / days.length;
  const barWidth = Math.max(1, step * 0.8);
  const summary = t('chart.summary', {
    first: date(days[0]!.day),
    last: date(days[days.length - 1]!.day),
    max: number(max),
  });
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} class="h-52 w-full" role="img" aria-label={summary}>
        <line
          x1={left}
          x2={width - 8}
          y1={8 + plotHeight}
          y2={8 + plotHeight}
          class="stroke-slate-300 dark:stroke-slate-600"
        />
        <line
          x1={left}
          x2={width - 8}
          y1={8}
          y2={8}
          class="stroke-slate-200 dark:stroke-slate-700"
          stroke-dasharray="4 4"
        />
        <text x={left - 6} y={14} text-anchor="end" class="fill-slate-600 text-[11px] dark:fill-slate-300">
          {number(max)}
        </text>
        <text x={left - 6} y={8 + plotHeight} text-anchor="end" class="fill-slate-600 text-[11px] dark:fill-slate-300">
          0
        </text>
        {/* One path per result (a rectangle per day inside it), not one element per bar: a couple of years of days
            stay a few thousand fewer SVG nodes to build, which kept the first render after an import long. */}
        {SERIES.map((s, series) => {
          let d = '';
          for (let i = 0; i < days.length; i++) {
            const day = days[i]!;
            let below = 0;
            for (let k = 0; k < series; k++) below += day[SERIES[k]!.key];
            const h = (day[s.key] / max) * plotHeight;
            if (h <= 0) continue;
            const y = 8 + plotHeight - (below / max) * plotHeight - h;
            d += `M${(left + i * step + (step - barWidth) / 2).toFixed(2)} ${y.toFixed(2)}h${barWidth.toFixed(2)}v${h.toFixed(2)}h${(-barWidth).toFixed(2)}z`;
          }
          return d ? <path key={s.key} d={d} class={s.fill} /> : null;
        })}
        {/* Per day a transparent column over the bars, carrying the exact numbers as its tooltip. */}
        {days.map((d, i) => (
          <rect key={d.day} x={left + i * step} y={8} width={step} height={plotHeight} fill="transparent">
            <title>{`${date(d.day)}: ${SERIES.map((s) => `${t(s.label)} ${number(d[s.key])}`).join(', ')}`}</title>
          </rect>
        ))}
        <text x={left} y={height - 6} class="fill-slate-600 text-[11px] dark:fill-slate-300">
          {date(days[0]!.day)}
        </text>
        {days.length > 1 && (
          <text x={width - 8} y={height - 6} text-anchor="end" class="fill-slate-600 text-[11px] dark:fill-slate-300">
            {date(days[days.length - 1]!.day)}
          </text>
        )}
      </svg>
      <figcaption class={`mt-2 flex flex-wrap gap-4 text-xs ${mutedClass}`}>
        {SERIES.map((s) => (
          <span key={s.key} class="inline-flex items-center gap-1.5">
            <span class={`inline-block h-3 w-3 rounded-sm ${s.swatch}`} aria-hidden="true" />
            {t(s.label)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
