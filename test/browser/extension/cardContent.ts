// What a test reads from an inline card. The card lives in a closed shadow root, which page scripts (and so
// page.evaluate) cannot reach; the browsers' automation protocols hand a test the closed root itself (Chromium's
// DevTools protocol in cardReader.ts, WebDriver BiDi in launchFirefoxExtension.ts), and this function reads it there.

export interface CardContent {
  fileName: string;
  state: string;
  /** All text the card displays (its style sheet left out). */
  text: string;
  /** The error shown, if any. */
  alert: string;
  /** What a button's action answered ("Saved 1 report."), if any. */
  outcome: string;
  /** The hosts the card says the bytes came from (its note, `data-source-hosts`). */
  sourceHosts: string;
  /** How the adapter fetched the bytes (`data-via`: "download_url", "raw message", "Microsoft Graph", …), not shown. */
  via: string;
  reports: Array<{
    title: string;
    messages: string;
    passRate: string;
    range: string;
    sources: Array<[string, string]>;
  }>;
}

/**
 * Reads one card from its host and closed root. Runs inside the page (sent as source text by the protocols), so it
 * uses nothing from outside its own body and returns JSON text, which both protocols hand back as a plain string.
 */
export function readCardRoot(root: ShadowRoot, host: Element): string {
  const value = (scope: ParentNode, field: string) =>
    scope.querySelector(`[data-field="${field}"]`)?.getAttribute('data-value') ?? '';
  const content = {
    fileName: host.getAttribute('data-file-name') ?? '',
    state: host.getAttribute('data-state') ?? '',
    text: [...root.children]
      .filter((child) => child.localName !== 'style')
      .map((child) => child.textContent)
      .join(''),
    alert: root.querySelector('[role="alert"]')?.textContent ?? '',
    outcome: root.querySelector('[data-outcome]')?.textContent ?? '',
    sourceHosts: root.querySelector('[data-source-hosts]')?.getAttribute('data-source-hosts') ?? '',
    via: root.querySelector('[data-via]')?.getAttribute('data-via') ?? '',
    reports: [...root.querySelectorAll('[data-report-key]')].map((section) => ({
      title: section.querySelector('.title')?.textContent ?? '',
      messages: value(section, 'messages'),
      passRate: value(section, 'pass-rate'),
      range: value(section, 'range'),
      sources: [...section.querySelectorAll('[data-source]')].map(
        (li) => [li.getAttribute('data-source') ?? '', li.getAttribute('data-count') ?? ''] as [string, string],
      ),
    })),
  };
  return JSON.stringify(content);
}

/**
 * Scrolls a card's button into view and returns the centre of it in viewport coordinates, for a real mouse click
 * (which reaches into the closed root as a user's does). Runs inside the page, like readCardRoot.
 */
export function cardButtonCentre(root: ShadowRoot, _host: Element, action: string): string {
  const button = root.querySelector(`button[data-action="${action}"]`);
  if (button === null) return 'null';
  button.scrollIntoView({ block: 'center' });
  const rect = button.getBoundingClientRect();
  return JSON.stringify({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
}

/** The selector of a card's host (light DOM: its attributes are readable by anyone, its content is not). */
export const cardHostSelector = (fileName: string): string =>
  `[data-dmarc-lens="summary"][data-file-name="${fileName.replace(/["\\]/g, '\\$&')}"]`;
