// "Print or save as PDF" over the dashboard: opens the print page on the view the dashboard shows at the moment of the
// click (the dashboard keeps its view in the address without a hashchange, so it is read then, not at render).
import { viewFromHash } from '../dashboard/dashboardView';
import { useI18n } from '../i18n/i18n';
import { linkButtonClass } from '../ui/ui';
import { printHashOf } from './printView';

export function PrintLink() {
  const { t } = useI18n();
  return (
    <div class="-mt-2 mb-2 flex justify-end print:hidden">
      <a
        href="#/print"
        class={linkButtonClass}
        data-testid="print-link"
        onClick={(e) => {
          e.preventDefault();
          location.hash = printHashOf(viewFromHash(location.hash));
        }}
      >
        {t('housekeeping.print.link')}
      </a>
    </div>
  );
}
