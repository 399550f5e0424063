// Under the header on every page while sample reports are stored: says so, and removes them in one click (after saying
// exactly what will go). Samples are the reports the sample imports stored (importHistory.ts), so a report the user
// had imported themselves before is never taken for a sample.
import { useEffect, useState } from 'preact/hooks';
import { getReport, type StoredReport, deleteReports } from '../../../core/store';
import { dataVersion, getDatabase, notifyDataChanged } from '../app/database';
import { useObservable } from '../app/Observable';
import { useI18n } from '../i18n/i18n';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Badge, buttonClass } from '../ui/ui';
import { forgetSampleImports, importHistoryVersion, sampleReportKeys } from './importHistory';
import { countParams, countsOf } from './reportCounts';

/** The sample reports still stored. */
async function storedSamples(): Promise<StoredReport[]> {
  const keys = await sampleReportKeys();
  if (keys.length === 0) return [];
  const db = await getDatabase();
  const found = await Promise.all(keys.map((key) => getReport(db, key)));
  return found.filter((report): report is StoredReport => report !== undefined);
}

export function SampleDataNotice() {
  const { t } = useI18n();
  const data = useObservable(dataVersion);
  const history = useObservable(importHistoryVersion);
  const [samples, setSamples] = useState<StoredReport[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [removed, setRemoved] = useState('');
  useEffect(() => {
    let live = true;
    storedSamples().then(
      (found) => live && setSamples(found),
      () => live && setSamples([]),
    );
    return () => {
      live = false;
    };
  }, [data, history]);

  if (samples.length === 0) {
    return removed ? (
      <div class="mx-auto max-w-7xl px-4 pb-3 text-sm" role="status">
        {removed}
      </div>
    ) : null;
  }
  const counts = t('housekeeping.counts', countParams(countsOf(samples)));
  return (
    <div
      class="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 pb-3 text-sm"
      data-testid="sample-notice"
      role="region"
      aria-label={t('housekeeping.sampleTag')}
    >
      <Badge colour="blue">{t('housekeeping.sampleTag')}</Badge>
      <span>{t('housekeeping.samples.banner', { count: samples.length })}</span>
      <button type="button" class={buttonClass} onClick={() => setConfirming(true)}>
        {t('housekeeping.samples.remove')}
      </button>
      {confirming && (
        <ConfirmDialog
          message={t('housekeeping.samples.confirm', { counts })}
          confirmLabel={t('housekeeping.delete.button', { count: samples.length })}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            void (async () => {
              const db = await getDatabase();
              await deleteReports(
                db,
                samples.map((report) => report.key),
              );
              await forgetSampleImports();
              setRemoved(t('housekeeping.samples.removed', { counts }));
              notifyDataChanged();
            })();
          }}
        />
      )}
    </div>
  );
}
