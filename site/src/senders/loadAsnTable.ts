// Fetches the offline ASN table (site/public/data/asn-table.bin, built by scripts/build-asn-table.mjs) once, the
// first time sender intelligence needs it: a few MB from the site's own origin, nothing sent anywhere else.
import { readAsnTable, type AsnTable } from '../../../core/analysis';

export const ASN_TABLE_PATH = 'data/asn-table.bin';

let loading: Promise<AsnTable> | undefined;

/** The table, or a rejected promise whose message says why it is unavailable (`HTTP 404`, a format error). */
export function loadAsnTable(): Promise<AsnTable> {
  loading ??= (async () => {
    const response = await fetch(new URL(ASN_TABLE_PATH, document.baseURI), { credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const result = readAsnTable(new Uint8Array(await response.arrayBuffer()));
    if (!result.ok) throw new Error(result.error.message);
    return result.table;
  })();
  // A failed load may succeed later (offline, then online): forget the failure.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
