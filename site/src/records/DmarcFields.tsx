// The wizard's DMARC fields: every tag with the sentence saying what its current value does.
import { useState } from 'preact/hooks';
import type { DmarcReceivers } from '../../../core/records/buildDomainRecords';
import { explainDmarcTag, type DmarcFailureOption, type DmarcPolicy, type DmarcRecord } from '../../../core/records/dmarcRecord';
import { inputClass } from '../ui/ui';
import { fieldLabel, hint, mailtoList } from './formStyles';

const UNSET_POLICY_HINT = {
  p: 'Without p, receivers treat the record as p=none.',
  sp: 'Not set: subdomains get the policy of p.',
  np: 'Not set: subdomains that do not exist get sp, or else p (RFC 9989).',
};

function PolicySelect({ tag, value, onChange, optional }: { tag: 'p' | 'sp' | 'np'; value: DmarcPolicy | undefined; onChange: (v: DmarcPolicy | undefined) => void; optional: boolean }) {
  return (
    <label class={fieldLabel}>
      {tag}=
      <select
        class={`${inputClass} ml-2`}
        data-testid={`dmarc-${tag}`}
        value={value ?? ''}
        onChange={(e) => onChange((e.currentTarget.value || undefined) as DmarcPolicy | undefined)}
      >
        {optional && <option value="">(not set)</option>}
        <option value="none">none</option>
        <option value="quarantine">quarantine</option>
        <option value="reject">reject</option>
      </select>
      <span class={hint}>{value ? explainDmarcTag(tag, value) : UNSET_POLICY_HINT[tag]}</span>
    </label>
  );
}

export function DmarcFields({ record, receivers, onChange, onReceivers }: { record: DmarcRecord; receivers: DmarcReceivers; onChange: (r: DmarcRecord) => void; onReceivers: (r: DmarcReceivers) => void }) {
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
        rua= (aggregate reports)
        <input class={`${inputClass} mt-1 w-full`} data-testid="dmarc-rua" value={rua} placeholder="dmarc-reports@example.com" onInput={(e) => setRua(e.currentTarget.value)} onChange={(e) => set('rua', mailtoList(e.currentTarget.value).map((uri) => ({ uri })))} />
        <span class={hint}>{explainDmarcTag('rua', 'the addresses you list')}</span>
      </label>
      <label class={fieldLabel}>
        ruf= (failure reports, optional)
        <input class={`${inputClass} mt-1 w-full`} data-testid="dmarc-ruf" value={ruf} onInput={(e) => setRuf(e.currentTarget.value)} onChange={(e) => set('ruf', mailtoList(e.currentTarget.value).map((uri) => ({ uri })))} />
        <span class={hint}>{explainDmarcTag('ruf', 'the addresses you list')}</span>
      </label>
      {(['adkim', 'aspf'] as const).map((tag) => (
        <label key={tag} class={fieldLabel}>
          {tag}=
          <select class={`${inputClass} ml-2`} value={record[tag] ?? ''} data-testid={`dmarc-${tag}`} onChange={(e) => set(tag, (e.currentTarget.value || undefined) as 'r' | 's' | undefined)}>
            <option value="">(default: relaxed)</option>
            <option value="r">r (relaxed)</option>
            <option value="s">s (strict)</option>
          </select>
          <span class={hint}>{explainDmarcTag(tag, record[tag] ?? 'r')}</span>
        </label>
      ))}
      <fieldset class="text-sm">
        <legend class="font-medium">fo= (when to send failure reports)</legend>
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
        <span class={hint}>{explainDmarcTag('fo', record.fo?.join(':') ?? '0')}</span>
      </fieldset>
      <label class={fieldLabel}>
        Write the record for
        <select class={`${inputClass} ml-2`} value={receivers} data-testid="dmarc-receivers" onChange={(e) => onReceivers(e.currentTarget.value as DmarcReceivers)}>
          <option value="both">both kinds of receivers</option>
          <option value="rfc7489">RFC 7489 receivers (pct)</option>
          <option value="rfc9989">RFC 9989 receivers (np, psd, t)</option>
        </select>
        <span class={hint}>RFC 7489 receivers ignore np, psd and t; RFC 9989 receivers ignore pct, rf and ri.</span>
      </label>
      <label class={fieldLabel}>
        pct= (RFC 7489)
        <input type="number" min={0} max={100} class={`${inputClass} ml-2 w-20`} data-testid="dmarc-pct" value={record.pct ?? ''} onChange={(e) => set('pct', e.currentTarget.value === '' ? undefined : Math.max(0, Math.min(100, Math.round(Number(e.currentTarget.value)))))} />
        <span class={hint}>{explainDmarcTag('pct', String(record.pct ?? 100))}</span>
      </label>
      <label class={`${fieldLabel} flex flex-wrap items-center gap-2`}>
        <input type="checkbox" checked={record.t === 'y'} data-testid="dmarc-t" onChange={(e) => set('t', e.currentTarget.checked ? 'y' : undefined)} />
        t=y (RFC 9989 test mode)
        <span class={hint}>{explainDmarcTag('t', 'y')}</span>
      </label>
      <label class={fieldLabel}>
        psd=
        <select class={`${inputClass} ml-2`} value={record.psd ?? ''} onChange={(e) => set('psd', (e.currentTarget.value || undefined) as 'y' | 'n' | 'u' | undefined)}>
          <option value="">(not set)</option>
          <option value="n">n</option>
          <option value="y">y</option>
          <option value="u">u</option>
        </select>
        <span class={hint}>{explainDmarcTag('psd', record.psd ?? 'u')}</span>
      </label>
    </div>
  );
}
