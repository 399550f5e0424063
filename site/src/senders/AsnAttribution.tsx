// The attribution the ASN and country data require (CC BY 4.0; DB-IP asks web applications for a link back). Shown
// wherever an AS number, AS name or country from the offline table is on screen. Sources: docs/asn-data.md.
import type { AsnTableMeta } from '../../../core/analysis';
import { useI18n } from '../i18n/i18n';
import { mutedClass } from '../ui/ui';

/**
 * Used before the table is loaded: the same sources the build script records in the table. The link texts are the
 * credit lines the data's licensors ask for, so they stay as written.
 */
const DEFAULT_ATTRIBUTION = [
  { text: 'IP to ASN data by RouteViews', url: 'https://www.routeviews.org/' },
  { text: 'IP Geolocation by DB-IP', url: 'https://db-ip.com/' },
  { text: 'RIR statistics by the NRO', url: 'https://www.nro.net/' },
];

export function AsnAttribution({ meta }: { meta?: AsnTableMeta }) {
  const { t } = useI18n();
  const seen = new Set<string>();
  const links = (meta?.sources.flatMap((s) => s.attribution) ?? DEFAULT_ATTRIBUTION).filter((a) => {
    if (seen.has(a.url)) return false;
    seen.add(a.url);
    return true;
  });
  const versions = meta?.sources.map((s) => `${s.package} ${s.version}`).join(', ');
  return (
    <p class={`mt-3 text-xs ${mutedClass}`} data-testid="asn-attribution">
      {t('senders.asn.source')}{' '}
      {links.map((link, i) => (
        <span key={link.url}>
          {i > 0 ? ' · ' : ''}
          <a class="underline" href={link.url} target="_blank" rel="noopener noreferrer">
            {link.text}
          </a>
        </span>
      ))}
      {' · '}
      <a
        class="underline"
        href="https://creativecommons.org/licenses/by/4.0/"
        target="_blank"
        rel="noopener noreferrer"
      >
        CC BY 4.0
      </a>
      {versions ? ` · ${t('senders.asn.data', { versions })}` : ''}. {t('senders.asn.countries')}
    </p>
  );
}
