// The end of a long list that stops at a page: how many are shown of how many, and buttons to show the next page or
// all of them, so no row is ever out of reach.
import { useI18n } from '../i18n/i18n';
import { linkButtonClass, mutedClass } from '../ui/ui';

export type ShownUnit = 'sources' | 'addresses';

export function ShowMore({
  shown,
  total,
  page,
  unit,
  onShow,
}: {
  shown: number;
  total: number;
  /** How many more one click adds. */
  page: number;
  unit: ShownUnit;
  onShow: (limit: number) => void;
}) {
  const { t } = useI18n();
  if (total <= shown) return null;
  const next = Math.min(page, total - shown);
  return (
    <p class={`flex flex-wrap items-center gap-3 text-sm ${mutedClass}`} data-testid="show-more">
      <span role="status">{t(`drilldown.shown.${unit}`, { shown, count: total })}</span>
      <button type="button" class={linkButtonClass} onClick={() => onShow(shown + next)}>
        {t('drilldown.shown.next', { count: next })}
      </button>
      <button type="button" class={linkButtonClass} onClick={() => onShow(total)}>
        {t('drilldown.shown.all', { count: total })}
      </button>
    </p>
  );
}
