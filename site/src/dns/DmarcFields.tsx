// The wizard's DMARC fields: every tag with the sentence saying what its current value does.
import { useState } from 'preact/hooks';
import {
  type DmarcReceivers,
  explainDmarcTag,
  explainReportAddresses,
  type DmarcFailureOption,
  type DmarcRecord,
  recordText,
} from '../../../core/dns';
import type { DmarcPolicy } from '../../../core/report';
import { useI18n } from '../i18n/i18n';
import { inputClass } from '../ui/ui';
import { fieldLabel, hint, mailtoList } from './formStyles';
import { useRecordText } from './useRecordText';

const UNSET_POLICY_HINT = {
  p: 'records.dmarc.unset.p',
  sp: 'records.dmarc.unset.sp',
  np: 'records.dmarc.unset.np',
} as const;

/** The wizard's report address fields explain the addresses typed there, whatever they are. */
const ADDRESSES_YOU_LIST = recordText('dmarc.explain.addresses-you-list');

function PolicySelect({
  tag,
  value,
  onChange,
  optional,
}: {
  tag: 'p' | 'sp' | 'np';
  value: DmarcPolicy | undefined;
  onChange: (v: DmarcPolicy | undefined) => void;
  optional: boolean;
}) {
  const { t } = useI18n();
  const say = useRecordText();
  return (
    <label class={fieldLabel}>
      {tag}=
      <select
        class={`${inputClass} ml-2`}
        data-testid={`dmarc-${tag}`}
        value={value ?? ''}
        onChange={(e) => onChange((e.currentTarget.value || undefined) as DmarcPolicy | undefined)}
      >
        {optional && <option value="">{t('records.dmarc.notSet')}</option>}
        <option value="none">none</option>
        <option value="quarantine">quarantine</option>
        <option value="reject">reject</option>
      </select>
      <span class={hint}>{value ? say(explainDmarcTag(tag, value)) : t(UNSET_POLICY_HINT[tag])}</span>
    </label>
  );
}

export function DmarcFields({
  record,
  receivers,
  onChange,
  onReceivers,
}: {
  record: DmarcRecord;
  receivers: DmarcReceivers;
  onChange: (r: DmarcRecord) => void;
  onReceivers: (r: DmarcReceivers) => void;
}) {
  const { t } = useI18n();
  const say = useRecordText();
  const set = <K extends keyof DmarcRecord>(key: K, value: DmarcRecord[K] | undefined) => {
    const next = { ...record };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const [rua, setRua] = useState((record.rua ?? []).map((u) => u.uri).join(', '));
  const [ruf, setRuf] = useState((record.ruf ?? []).map((u) => u.uri).join(', '));
  const foOptions: DmarcFailureOption[] = ['0', '1', 'd', 's'];
  return (
    <div class="grid gap-4 md:grid-cols-2">
      <PolicySelect tag="p" value={record.p} optional={false} onChange={(v) => set('p', v)} />
      <PolicySelect tag="sp" value={record.sp} optional onChange={(v) => set('sp', v)} />
      <PolicySelect tag="np" value={record.np} optional onChange={(v) => set('np', v)} />
      <label class={fieldLabel}>
        {t('records.dmarc.rua')}
        <input
          class={`${inputClass} mt-1 w-full`}
          data-testid="dmarc-rua"
          value={rua}
          placeholder="dmarc-reports@example.com"
          onInput={(e) => setRua(e.currentTarget.value)}
          onChange={(e) =>
            set(
              'rua',
              mailtoList(e.currentTarget.value).map((uri) => ({ uri })),
            )
          }
        />
        <span class={hint}>{say(explainReportAddresses('rua', ADDRESSES_YOU_LIST))}</span>
      </label>
      <label class={fieldLabel}>
        {t('records.dmarc.ruf')}
        <input
          class={`${inputClass} mt-1 w-full`}
          data-testid="dmarc-ruf"
          value={ruf}
          onInput={(e) => setRuf(e.currentTarget.value)}
          onChange={(e) =>
            set(
              'ruf',
              mailtoList(e.currentTarget.value).map((uri) => ({ uri })),
            )
          }
        />
        <span class={hint}>{say(explainReportAddresses('ruf', ADDRESSES_YOU_LIST))}</span>
      </label>
      {(['adkim', 'aspf'] as const).map((tag) => (
        <label key={tag} class={fieldLabel}>
          {tag}=
          <select
            class={`${inputClass} ml-2`}
            value={record[tag] ?? ''}
            data-testid={`dmarc-${tag}`}
            onChange={(e) => set(tag, (e.currentTarget.value || undefined) as 'r' | 's' | undefined)}
          >
            <option value="">{t('records.dmarc.alignmentDefault')}</option>
            <option value="r">{t('records.dmarc.relaxed')}</option>
            <option value="s">{t('records.dmarc.strict')}</option>
          </select>
          <span class={hint}>{say(explainDmarcTag(tag, record[tag] ?? 'r'))}</span>
        </label>
      ))}
      <fieldset class="text-sm">
        <legend class="font-medium">{t('records.dmarc.fo')}</legend>
        <div class="mt-1 flex gap-3">
          {foOptions.map((option) => (
            <label key={option} class="flex items-center gap-1">
              <input
                type="checkbox"
                checked={record.fo?.includes(option) ?? false}
                onChange={(e) => {
                  const current = record.fo ?? [];
                  set('fo', e.currentTarget.checked ? [...current, option] : current.filter((o) => o !== option));
                }}
              />
              {option}
            </label>
          ))}
        </div>
        <span class={hint}>{say(explainDmarcTag('fo', record.fo?.join(':') ?? '0'))}</span>
      </fieldset>
      <label class={fieldLabel}>
        {t('records.dmarc.receivers')}
        <select
          class={`${inputClass} ml-2`}
          value={receivers}
          data-testid="dmarc-receivers"
          onChange={(e) => onReceivers(e.currentTarget.value as DmarcReceivers)}
        >
          <option value="both">{t('records.dmarc.receivers.both')}</option>
          <option value="rfc7489">{t('records.dmarc.receivers.rfc7489')}</option>
          <option value="rfc9989">{t('records.dmarc.receivers.rfc9989')}</option>
        </select>
        <span class={hint}>{t('records.dmarc.receivers.hint')}</span>
      </label>
      <label class={fieldLabel}>
        {t('records.dmarc.pct')}
        <input
          type="number"
          min={0}
          max={100}
          class={`${inputClass} ml-2 w-20`}
          data-testid="dmarc-pct"
          value={record.pct ?? ''}
          onChange={(e) =>
            set(
              'pct',
              e.currentTarget.value === ''
                ? undefined
                : Math.max(0, Math.min(100, Math.round(Number(e.currentTarget.value)))),
            )
          }
        />
        <span class={hint}>{say(explainDmarcTag('pct', String(record.pct ?? 100)))}</span>
      </label>
      <label class={`${fieldLabel} flex flex-wrap items-center gap-2`}>
        <input
          type="checkbox"
          checked={record.t === 'y'}
          data-testid="dmarc-t"
          onChange={(e) => set('t', e.currentTarget.checked ? 'y' : undefined)}
        />
        {t('records.dmarc.testMode')}
        <span class={hint}>{say(explainDmarcTag('t', 'y'))}</span>
      </label>
      <label class={fieldLabel}>
        psd=
        <select
          class={`${inputClass} ml-2`}
          value={record.psd ?? ''}
          onChange={(e) => set('psd', (e.currentTarget.value || undefined) as 'y' | 'n' | 'u' | undefined)}
        >
          <option value="">{t('records.dmarc.notSet')}</option>
          <option value="n">n</option>
          <option value="y">y</option>
          <option value="u">u</option>
        </select>
        <span class={hint}>{say(explainDmarcTag('psd', record.psd ?? 'u'))}</span>
      </label>
    </div>
  );
}
