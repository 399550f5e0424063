// The domain picker of the dashboard and the Senders page: busiest domain first, each with the messages stored for
// it, and a search box that narrows the list as one types (a postmaster with thirty domains finds one by a few
// letters). A native <select> underneath, so the keyboard, screen readers and phones handle it as they know.
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { inputClass, mutedClass } from '../ui/ui';

/** Domains busiest first: those `volumes` names in its order, then any others (failure or TLS reports only). */
export function domainsByVolume(
  domains: readonly string[],
  volumes: ReadonlyArray<{ domain: string; messages: number }> | undefined,
): Array<{ domain: string; messages: number }> {
  const known = new Set(domains);
  const listed = (volumes ?? []).filter((v) => known.has(v.domain));
  const counted = new Set(listed.map((v) => v.domain));
  return [...listed, ...domains.filter((d) => !counted.has(d)).map((domain) => ({ domain, messages: 0 }))];
}

export function DomainPicker({
  domains,
  volumes,
  value,
  onChange,
  allowAll = true,
}: {
  domains: readonly string[];
  volumes: ReadonlyArray<{ domain: string; messages: number }> | undefined;
  /** The chosen domain; null for every domain (when `allowAll`). */
  value: string | null;
  onChange: (domain: string | null) => void;
  allowAll?: boolean;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const selectId = useId();
  const searchId = useId();
  const ordered = domainsByVolume(domains, volumes);
  const wanted = query.trim().toLowerCase();
  const matching = wanted ? ordered.filter((d) => d.domain.includes(wanted)) : ordered;
  // The chosen domain stays in the list while another is searched for, so the select never shows what is not chosen.
  const shown =
    value !== null && !matching.some((d) => d.domain === value)
      ? [...ordered.filter((d) => d.domain === value), ...matching]
      : matching;
  return (
    <div class="flex flex-wrap items-end gap-2">
      {domains.length > 1 && (
        <div class="flex flex-col gap-1">
          <label for={searchId} class={mutedClass}>
            {t('overview.picker.search')}
          </label>
          <input
            id={searchId}
            type="search"
            class={`${inputClass} w-40`}
            value={query}
            autocomplete="off"
            data-testid="domain-search"
            onInput={(e) => {
              const next = e.currentTarget.value;
              setQuery(next);
              const found = ordered.filter((d) => d.domain.includes(next.trim().toLowerCase()));
              // One domain left: it is the one meant.
              if (next.trim() && found.length === 1 && found[0]!.domain !== value) onChange(found[0]!.domain);
            }}
          />
        </div>
      )}
      <div class="flex flex-col gap-1">
        <label for={selectId} class={mutedClass}>
          {t('filters.domain')}
        </label>
        <select
          id={selectId}
          class={inputClass}
          value={value ?? ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          data-testid="domain-select"
        >
          {allowAll && <option value="">{t('filters.allDomains')}</option>}
          {shown.map((d) => (
            // Shown and named with its count through `label`; its text stays the bare domain, which is what code
            // reading the list (the extension's page tests among them) looks for.
            <option
              key={d.domain}
              value={d.domain}
              label={t('overview.picker.option', { domain: d.domain, count: d.messages })}
            >
              {d.domain}
            </option>
          ))}
          {wanted && matching.length === 0 && (
            <option disabled value="-">
              {t('overview.picker.noMatch')}
            </option>
          )}
        </select>
      </div>
    </div>
  );
}
