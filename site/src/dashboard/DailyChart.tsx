// Messages over time, stacked by result, with the DMARC pass rate as a line on a second scale. Plain SVG (no chart
// library) on a real time axis: each bar stands where its dates are (a gap where no report counted anything), in
// buckets of a day, an ISO week or a month chosen by the span (core/analysis/timeBuckets.ts), with dated ticks. A
// <title> per bucket gives the exact numbers, and a sentence sums the chart up for screen readers.
import { useMemo } from 'preact/hooks';
import {
  bucketDays,
  bucketUnitFor,
  timeTicks,
  type BucketUnit,
  type DailyPoint,
  type Period,
  type TimeBucket,
  type TimeTick,
} from '../../../core/analysis';
import type { MessageKey } from '../../../core/i18n';
import { useI18n, type Locale } from '../i18n/i18n';
import { mutedClass } from '../ui/ui';

const SERIES = [
  { key: 'pass', label: 'chart.pass', fill: 'fill-emerald-500', swatch: 'bg-emerald-500' },
  { key: 'fail', label: 'chart.fail', fill: 'fill-amber-400', swatch: 'bg-amber-400' },
  { key: 'quarantined', label: 'chart.quarantined', fill: 'fill-orange-600', swatch: 'bg-orange-600' },
  { key: 'rejected', label: 'chart.rejected', fill: 'fill-red-700', swatch: 'bg-red-700' },
] as const;

/** How the dashboard names the chart for each bucket size. */
export const CHART_HEADINGS: Record<BucketUnit, MessageKey> = {
  day: 'overview.chart.day',
  week: 'overview.chart.week',
  month: 'overview.chart.month',
};

const UNIT_NAMES: Record<BucketUnit, MessageKey> = {
  day: 'overview.chart.unit.day',
  week: 'overview.chart.unit.week',
  month: 'overview.chart.unit.month',
};

const WIDTH = 800;
const HEIGHT = 220;
const LEFT = 52;
const RIGHT = 44;
const TOP = 10;
const BOTTOM = 28;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
const axisText = 'fill-slate-600 text-[11px] dark:fill-slate-300';

/**
 * Formats of a tick's date: a day ("29 Dec"), a month ("Jan 2026") or a year, in the reader's language, in UTC. Made
 * once per language: a month chart names each bucket with them, and making an Intl.DateTimeFormat is costly.
 */
const formatsByLocale = new Map<Locale, ReturnType<typeof makeTickFormats>>();
function tickFormats(locale: Locale) {
  let formats = formatsByLocale.get(locale);
  if (!formats) formatsByLocale.set(locale, (formats = makeTickFormats(locale)));
  return formats;
}

function makeTickFormats(locale: Locale) {
  return {
    day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    dayWithYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }),
  };
}

/** Tick labels: days carry their year on the first tick and wherever the year changes. */
function tickLabels(ticks: readonly TimeTick[], locale: Locale): string[] {
  const formats = tickFormats(locale);
  let year: number | undefined;
  return ticks.map((tick) => {
    const time = tick.at * 1000;
    if (tick.label === 'year') return formats.year.format(time);
    if (tick.label === 'month') return formats.month.format(time);
    const tickYear = new Date(time).getUTCFullYear();
    const withYear = year !== tickYear;
    year = tickYear;
    return (withYear ? formats.dayWithYear : formats.day).format(time);
  });
}

/** The y of the volume scale's round top: 1, 2 or 5 times a power of ten at or above `max`. */
function roundedTop(max: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, max)));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function DailyChart({
  daily,
  range,
  outside = 0,
}: {
  daily: readonly DailyPoint[];
  /** The days the axis covers (core/analysis chartRangeOf); without one, the days of `daily`. */
  range?: Period | undefined;
  /** Reports of the view the chart leaves out (outside the range, or dated implausibly). */
  outside?: number;
}) {
  const { t, number, percent, date, locale } = useI18n();
  const axis = range ?? rangeOfDays(daily);
  const unit = axis ? bucketUnitFor(axis) : 'day';
  const buckets = useMemo(() => (axis ? bucketDays(daily, axis, unit) : []), [daily, axis?.from, axis?.to, unit]);
  const note = outside > 0 && (
    <p class={`mt-2 text-xs ${mutedClass}`} data-testid="chart-outside">
      {t('overview.chart.outside', { count: outside })}
    </p>
  );
  if (!axis || buckets.length === 0) return note || null;
  const span = axis.to - axis.from;
  const x = (seconds: number) =>
    LEFT + ((Math.min(Math.max(seconds, axis.from), axis.to) - axis.from) / span) * PLOT_WIDTH;
  const top = roundedTop(Math.max(1, ...buckets.map((b) => b.messages)));
  const y = (messages: number) => TOP + PLOT_HEIGHT - (messages / top) * PLOT_HEIGHT;
  const yRate = (rate: number) => TOP + PLOT_HEIGHT - rate * PLOT_HEIGHT;
  const ticks = timeTicks(axis);
  const labels = tickLabels(ticks, locale);
  const counted = buckets.filter((b) => b.messages > 0);
  const rates = counted.map((b) => b.dmarcPass / b.messages);
  const bucketName = (bucket: TimeBucket) =>
    unit === 'day'
      ? t('overview.chart.bucketDay', { date: date(bucket.from) })
      : unit === 'week'
        ? t('overview.chart.bucketWeek', { date: date(bucket.from) })
        : t('overview.chart.bucketMonth', { month: tickFormats(locale).month.format(bucket.from * 1000) });
  const summary = t('overview.chart.summary', {
    first: date(axis.from),
    last: date(axis.to - 86_400),
    unit: t(UNIT_NAMES[unit]),
    max: number(Math.max(0, ...buckets.map((b) => b.messages))),
    low: rates.length ? percent(Math.min(...rates), 1) : '–',
    high: rates.length ? percent(Math.max(...rates), 1) : '–',
  });

  // The pass rate as a line through the middle of each bucket that counted mail; a bucket without mail breaks it.
  let line = '';
  let joined = false;
  for (const bucket of buckets) {
    if (bucket.messages === 0) {
      joined = false;
      continue;
    }
    const px = (x(bucket.from) + x(bucket.to)) / 2;
    const py = yRate(bucket.dmarcPass / bucket.messages);
    line += `${joined ? 'L' : 'M'}${px.toFixed(2)} ${py.toFixed(2)}`;
    joined = true;
  }
  const dots = counted.length <= 62;

  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        class="h-56 w-full"
        role="img"
        aria-label={summary}
        data-testid="daily-chart"
        data-unit={unit}
        data-from={axis.from}
        data-to={axis.to}
      >
        {[0, 0.5, 1].map((share) => (
          <line
            key={share}
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={yRate(share)}
            y2={yRate(share)}
            class={share === 0 ? 'stroke-slate-300 dark:stroke-slate-600' : 'stroke-slate-200 dark:stroke-slate-700'}
            stroke-dasharray={share === 0 ? undefined : '4 4'}
          />
        ))}
        {[0, top / 2, top].map((value) => (
          <text key={value} x={LEFT - 6} y={y(value) + 4} text-anchor="end" class={axisText}>
            {number(value)}
          </text>
        ))}
        {[0, 0.5, 1].map((share) => (
          <text
            key={share}
            x={WIDTH - RIGHT + 6}
            y={yRate(share) + 4}
            class="fill-sky-700 text-[11px] dark:fill-sky-300"
          >
            {percent(share, 1).replace(/[.,]0(?=\D*$)/, '')}
          </text>
        ))}
        {/* One path per result (a rectangle per bucket inside it), not one element per bar. */}
        {SERIES.map((s, series) => {
          let d = '';
          for (const bucket of buckets) {
            let below = 0;
            for (let k = 0; k < series; k++) below += bucket[SERIES[k]!.key];
            const value = bucket[s.key];
            if (value <= 0) continue;
            const left = x(bucket.from);
            const width = x(bucket.to) - left;
            const barWidth = Math.max(1, width * 0.8);
            const h = (value / top) * PLOT_HEIGHT;
            const barTop = y(below) - h;
            d += `M${(left + (width - barWidth) / 2).toFixed(2)} ${barTop.toFixed(2)}h${barWidth.toFixed(2)}v${h.toFixed(2)}h${(-barWidth).toFixed(2)}z`;
          }
          return d ? <path key={s.key} d={d} class={s.fill} /> : null;
        })}
        {line && (
          <path
            d={line}
            fill="none"
            class="stroke-sky-700 dark:stroke-sky-300"
            stroke-width="2"
            stroke-linejoin="round"
            data-testid="pass-rate-line"
          />
        )}
        {dots &&
          counted.map((bucket) => (
            <circle
              key={bucket.from}
              cx={(x(bucket.from) + x(bucket.to)) / 2}
              cy={yRate(bucket.dmarcPass / bucket.messages)}
              r="2.5"
              class="fill-sky-700 dark:fill-sky-300"
            />
          ))}
        {ticks.map((tick, i) => (
          <g key={tick.at}>
            <line
              x1={x(tick.at)}
              x2={x(tick.at)}
              y1={TOP + PLOT_HEIGHT}
              y2={TOP + PLOT_HEIGHT + 4}
              class="stroke-slate-400 dark:stroke-slate-500"
            />
            <text x={x(tick.at)} y={HEIGHT - 8} text-anchor="middle" class={axisText} data-testid="chart-tick">
              {labels[i]}
            </text>
          </g>
        ))}
        {/* Per bucket a transparent column over the bars, carrying the exact numbers as its tooltip. */}
        {buckets.map((bucket) => (
          <rect
            key={bucket.from}
            x={x(bucket.from)}
            y={TOP}
            width={Math.max(0, x(bucket.to) - x(bucket.from))}
            height={PLOT_HEIGHT}
            fill="transparent"
            data-testid="chart-bucket"
            data-from={bucket.from}
            data-messages={bucket.messages}
            data-dmarc-pass={bucket.dmarcPass}
          >
            <title>{`${bucketName(bucket)}: ${SERIES.map((s) => `${t(s.label)} ${number(bucket[s.key])}`).join(', ')}; ${t('overview.chart.passRate')} ${percent(bucket.dmarcPass, bucket.messages)}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption class={`mt-2 flex flex-wrap gap-4 text-xs ${mutedClass}`}>
        {SERIES.map((s) => (
          <span key={s.key} class="inline-flex items-center gap-1.5">
            <span class={`inline-block h-3 w-3 rounded-sm ${s.swatch}`} aria-hidden="true" />
            {t(s.label)}
          </span>
        ))}
        <span class="inline-flex items-center gap-1.5">
          <span class="inline-block h-0.5 w-4 bg-sky-700 dark:bg-sky-300" aria-hidden="true" />
          {t('overview.chart.passRate')}
        </span>
      </figcaption>
      {note}
    </figure>
  );
}

/** The days `daily` covers, when no range is given. */
function rangeOfDays(daily: readonly DailyPoint[]): Period | undefined {
  if (daily.length === 0) return undefined;
  let first = daily[0]!.day;
  let last = first;
  for (const point of daily) {
    if (point.day < first) first = point.day;
    if (point.day > last) last = point.day;
  }
  return { from: Date.parse(`${first}T00:00:00Z`) / 1000, to: Date.parse(`${last}T00:00:00Z`) / 1000 + 86_400 };
}
