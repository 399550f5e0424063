// The options page's section on gathering: auto-save of what the cards read, the Outlook folder the background reads
// through Graph mode, and the Gmail label or search it reads through a Gmail tab (for each: how often, when it last did
// and what it found or why it read nothing, and "read now").
import { useEffect, useState } from 'preact/hooks';
import { monitorEn, monitorNl, translatorOf } from '../../core/i18n';
import { inputClass, mutedClass, primaryButtonClass, buttonClass, Section } from '../../site/src/ui/ui';
import { readGraphSettings } from '../graph/graphSettings';
import { extensionPageText } from '../ui/extensionPageText';
import { sendGatherMessage } from './gatherMessages';
import {
  DEFAULT_GATHER_SETTINGS,
  SYNC_MINUTES_RANGE,
  readGatherSettings,
  writeGatherSettings,
  type GatherSettings,
} from './gatherSettings';
import { readGmailSyncState, type GmailSyncRun } from './gmailSync';
import { readSyncState, type SyncRun } from './graphSync';

const locale = extensionPageText.locale;
const { t } = translatorOf(locale, locale === 'nl' ? monitorNl : monitorEn);
const pageT = extensionPageText.t;
const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

export function GatherOptions() {
  const [settings, setSettings] = useState<GatherSettings>(DEFAULT_GATHER_SETTINGS);
  const [graphOn, setGraphOn] = useState(false);
  const [lastRun, setLastRun] = useState<SyncRun | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [reading, setReading] = useState(false);
  const [gmailRun, setGmailRun] = useState<GmailSyncRun | undefined>(undefined);
  const [readingGmail, setReadingGmail] = useState(false);
  useEffect(() => {
    void readGatherSettings().then(setSettings);
    void readGraphSettings().then((graph) => setGraphOn(graph.enabled));
    void readSyncState().then((state) => setLastRun(state?.lastRun));
    void readGmailSyncState().then((state) => setGmailRun(state.lastRun));
  }, []);
  const save = async () => {
    await writeGatherSettings(settings);
    setSettings(await readGatherSettings());
    setMessage(t('monitor.gather.options.saved'));
  };
  const readNow = async () => {
    setReading(true);
    await writeGatherSettings(settings);
    setLastRun(await sendGatherMessage({ type: 'gather-sync-now' }));
    setReading(false);
  };
  const readGmailNow = async () => {
    setReadingGmail(true);
    await writeGatherSettings(settings);
    setGmailRun(await sendGatherMessage({ type: 'gather-gmail-now' }));
    setReadingGmail(false);
  };
  return (
    <Section title={t('monitor.gather.options.heading')} id="options-gather">
      <form
        class="space-y-3"
        data-testid="gather-options"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label class="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            class="mt-1"
            name="autoSave"
            checked={settings.autoSave}
            onChange={(event) => setSettings({ ...settings, autoSave: event.currentTarget.checked })}
          />
          <span>
            {t('monitor.gather.options.autoSave')}
            <span class={`block ${mutedClass}`}>{t('monitor.gather.options.autoSaveHint')}</span>
          </span>
        </label>
        <TextSetting
          label={t('monitor.gather.options.syncFolder')}
          hint={t('monitor.gather.options.syncHint')}
          name="syncFolder"
          value={settings.syncFolder}
          onChange={(syncFolder) => setSettings({ ...settings, syncFolder })}
        />
        <MinutesSetting
          label={t('monitor.gather.options.syncEvery')}
          name="syncEveryMinutes"
          value={settings.syncEveryMinutes}
          onChange={(syncEveryMinutes) => setSettings({ ...settings, syncEveryMinutes })}
        />
        <TextSetting
          label={pageT('ext.gather.gmail.list')}
          hint={pageT('ext.gather.gmail.listHint')}
          name="gmailList"
          value={settings.gmailList}
          onChange={(gmailList) => setSettings({ ...settings, gmailList })}
        />
        <MinutesSetting
          label={pageT('ext.gather.gmail.every')}
          name="gmailEveryMinutes"
          value={settings.gmailEveryMinutes}
          onChange={(gmailEveryMinutes) => setSettings({ ...settings, gmailEveryMinutes })}
        />
        <div class="flex flex-wrap items-center gap-3">
          <button type="submit" class={primaryButtonClass}>
            {t('monitor.gather.options.save')}
          </button>
          <button
            type="button"
            class={buttonClass}
            disabled={!graphOn || settings.syncFolder.trim() === '' || reading}
            onClick={() => void readNow()}
          >
            {t('monitor.gather.options.syncNow')}
          </button>
          <button
            type="button"
            class={buttonClass}
            disabled={settings.gmailList.trim() === '' || readingGmail}
            onClick={() => void readGmailNow()}
          >
            {pageT('ext.gather.gmail.now')}
          </button>
          <span role="status" class="text-sm">
            {message}
          </span>
        </div>
        <p class={`text-sm ${mutedClass}`} data-testid="gather-last-run">
          {lastRunText(lastRun)}
        </p>
        <p class={`text-sm ${mutedClass}`} data-testid="gather-gmail-last-run">
          {gmailRunText(gmailRun)}
        </p>
      </form>
    </Section>
  );
}

interface SettingProps<T> {
  label: string;
  name: string;
  value: T;
  onChange: (value: T) => void;
}

/** A labelled text field with its hint below. */
function TextSetting({ label, hint, name, value, onChange }: SettingProps<string> & { hint: string }) {
  return (
    <label class="block text-sm">
      {label}
      <input
        type="text"
        class={`${inputClass} mt-1 block w-64`}
        name={name}
        value={value}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      <span class={`block ${mutedClass}`}>{hint}</span>
    </label>
  );
}

/** A number of minutes between background reads, within what the alarms allow; a half-typed number is ignored. */
function MinutesSetting({ label, name, value, onChange }: SettingProps<number>) {
  return (
    <label class="block text-sm">
      {label}
      <input
        type="number"
        class={`${inputClass} mt-1 block w-32`}
        name={name}
        min={SYNC_MINUTES_RANGE.min}
        max={SYNC_MINUTES_RANGE.max}
        value={value}
        onInput={(event) => {
          const minutes = event.currentTarget.valueAsNumber;
          if (Number.isFinite(minutes)) onChange(minutes);
        }}
      />
    </label>
  );
}

function lastRunText(run: SyncRun | undefined): string {
  if (run === undefined) return t('monitor.gather.options.neverRun');
  const at = when.format(run.at);
  if (!run.ok) return t('monitor.gather.options.lastRunFailed', { when: at, reason: run.message ?? '' });
  return t('monitor.gather.options.lastRun', {
    when: at,
    messages: run.messages,
    added: run.added,
    already: run.alreadySaved,
  });
}

function gmailRunText(run: GmailSyncRun | undefined): string {
  if (run === undefined) return pageT('ext.gather.gmail.neverRun');
  const at = when.format(run.at);
  switch (run.skipped) {
    case 'noTab':
      return pageT('ext.gather.gmail.noTab', { when: at });
    case 'notShown':
      return pageT('ext.gather.gmail.notShown', { when: at, list: run.list });
    case 'noList':
      return pageT('ext.gather.gmail.noList', { when: at });
    case undefined: {
      const read = pageT('ext.gather.gmail.lastRun', {
        when: at,
        messages: run.messages,
        listed: run.listed,
        added: run.added,
        already: run.alreadySaved,
      });
      return run.failed === 0 ? read : `${read} ${pageT('ext.gather.gmail.failed', { count: run.failed })}`;
    }
  }
}
