// Light or dark, as the webmail around the card shows it. Gmail's and Outlook's dark themes can be chosen in the
// webmail itself, apart from the system setting, so the card reads the colour it sits on: the first ancestor with a
// background of its own. A page that paints none (every ancestor transparent) follows prefers-color-scheme.
export type CardTheme = 'light' | 'dark';

/** The red, green, blue and alpha of a computed colour (`rgb(…)` / `rgba(…)`), or undefined for another form. */
function rgba(color: string): [number, number, number, number] | undefined {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!match) return undefined;
  const alphaText = match[4];
  const alpha =
    alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/** WCAG 2 relative luminance of an sRGB colour (0 black, 1 white). */
export function relativeLuminance(red: number, green: number, blue: number): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/**
 * Dark when the background is nearer black than white: against a luminance of 0.18 (mid grey, #767676), white text
 * and black text have the same contrast.
 */
export function isDarkColor(color: string): boolean | undefined {
  const parts = rgba(color);
  if (!parts || parts[3] === 0) return undefined;
  return relativeLuminance(parts[0], parts[1], parts[2]) < 0.18;
}

export function webmailTheme(element: Element): CardTheme {
  for (let node: Element | null = element.parentElement; node; node = node.parentElement) {
    const dark = isDarkColor(getComputedStyle(node).backgroundColor);
    if (dark !== undefined) return dark ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const followed = new Set<{ host: HTMLElement; apply: (theme: CardTheme) => void }>();
let watching = false;

function refresh(): void {
  for (const card of followed) {
    if (card.host.isConnected) card.apply(webmailTheme(card.host));
  }
}

/**
 * Keeps a card in the webmail's theme: now, and whenever the system setting changes or the page's root or body
 * changes its class or style (how a webmail can switch themes without a reload). Returns the way to stop.
 */
export function followWebmailTheme(host: HTMLElement, apply: (theme: CardTheme) => void): () => void {
  const card = { host, apply };
  followed.add(card);
  if (host.isConnected) apply(webmailTheme(host));
  if (!watching) {
    watching = true;
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', refresh);
    const observer = new MutationObserver(refresh);
    for (const root of [document.documentElement, document.body])
      if (root) observer.observe(root, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
  }
  return () => followed.delete(card);
}
