// Pages other engineers deliver (site/src/dns, site/src/senders) are picked up by file name when they exist:
// `import.meta.glob` resolves at build time, so a missing file is an empty map, not a build error.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Loader = () => Promise<unknown>;

export function LazySlot({
  loaders,
  exportName,
  fallback,
}: {
  loaders: Record<string, Loader>;
  exportName: string;
  fallback: string;
}) {
  const loader = Object.values(loaders)[0];
  const [component, setComponent] = useState<ComponentType | null | undefined>(loader ? undefined : null);
  useEffect(() => {
    if (!loader) return;
    let stale = false;
    void loader().then((module) => {
      const exported = (module as Record<string, unknown>)[exportName];
      if (!stale) setComponent(() => (typeof exported === 'function' ? (exported as ComponentType) : null));
    });
    return () => {
      stale = true;
    };
  }, [loader, exportName]);
  if (component === undefined) return <p role="status">…</p>;
  if (component === null) return <p class="text-slate-600 dark:text-slate-400">{fallback}</p>;
  const Component = component;
  return <Component />;
}
