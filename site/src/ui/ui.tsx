// Small shared pieces of the site's look: sections, buttons, badges. Tailwind classes only; no HTML strings anywhere.
import type { ComponentChildren } from 'preact';

export const buttonClass =
  'inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';
export const primaryButtonClass =
  'inline-flex items-center gap-2 rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50';
export const dangerButtonClass =
  'inline-flex items-center gap-2 rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-50';
export const inputClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
export const linkButtonClass =
  'text-sm font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300';
export const tableClass = 'w-full border-collapse text-left text-sm';
export const thClass =
  'border-b border-slate-200 px-2 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-300';
export const tdClass = 'border-b border-slate-100 px-2 py-1.5 align-top dark:border-slate-800';
export const mutedClass = 'text-slate-600 dark:text-slate-400';

export function Section({
  title,
  id,
  actions,
  children,
}: {
  title: string;
  id: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      class="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div class="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} class="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

const badgeColours = {
  green: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  amber: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  red: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  blue: 'bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100',
  grey: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
} as const;

export type BadgeColour = keyof typeof badgeColours;

export function Badge({ colour, children }: { colour: BadgeColour; children: ComponentChildren }) {
  return (
    <span class={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ${badgeColours[colour]}`}>
      {children}
    </span>
  );
}

/** Offers `content` as a file download; the Blob URL is same-origin and revoked right after. */
export function downloadFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A horizontally scrolling box for wide tables; focusable so keyboard users can scroll it (WCAG 2.1.1). */
export function TableScroller({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="overflow-x-auto" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
