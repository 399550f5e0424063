// The offline ASN table as a hook: loaded once for the whole page, the first time a panel needs it.
import { useEffect, useState } from 'preact/hooks';
import type { AsnTable } from '../../../core/analysis';
import { loadAsnTable } from './loadAsnTable';

/** Loads the ASN table once; `undefined` while loading, an error text when it cannot be had. */
export function useAsnTable(): { table?: AsnTable; error?: string } {
  const [state, setState] = useState<{ table?: AsnTable; error?: string }>({});
  useEffect(() => {
    let live = true;
    loadAsnTable().then(
      (table) => live && setState({ table }),
      (error: unknown) => live && setState({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
