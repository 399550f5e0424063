// Reads and clicks the inline cards the extension put into a page in Chromium. The card is in a closed shadow root
// (page scripts must not reach it, so neither can Playwright's selectors, which run as page script); the DevTools
// protocol describes hosts with their closed roots, and functions are called on the root itself.
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import type { ReportSummary } from '../../../core/analysis/summarizeReport';
import { visibleText } from '../../../core/report/visibleText';
import { cardButtonCentre, cardHostSelector, readCardRoot, type CardContent } from './cardContent';

/** The card's host element (its attributes: `data-state`, `data-layer`, `data-file-name`; not its content). */
export const card = (page: Page, fileName: string): Locator => page.locator(cardHostSelector(fileName));

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (session === undefined) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** Calls `fn(root, host, ...args)` in the page on every host matching `selector` (in document order). */
async function callOnCardRoots(
  page: Page,
  selector: string,
  fn: (root: ShadowRoot, host: Element, ...args: string[]) => string,
  args: string[] = [],
): Promise<string[]> {
  const cdp = await sessionOf(page);
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `[...document.querySelectorAll(${JSON.stringify(selector)})]`,
  });
  if (result.objectId === undefined) return [];
  const { result: items } = await cdp.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
  const answers: string[] = [];
  for (const item of items.filter((p) => /^\d+$/.test(p.name)).sort((a, b) => Number(a.name) - Number(b.name))) {
    const hostId = item.value?.objectId;
    if (hostId === undefined) continue;
    const { node } = await cdp.send('DOM.describeNode', { objectId: hostId, depth: 0, pierce: true });
    const root = node.shadowRoots?.[0];
    if (root === undefined) throw new Error(`${selector}: the card has no shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
    const { result: answer, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn.toString(),
      arguments: [{ objectId: object.objectId }, { objectId: hostId }, ...args.map((value) => ({ value }))],
      returnByValue: true,
    });
    if (exceptionDetails !== undefined)
      throw new Error(`reading the card failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    answers.push(answer.value as string);
  }
  return answers;
}

/** What every card of the page shows, in document order. */
export async function readCards(page: Page): Promise<CardContent[]> {
  return (await callOnCardRoots(page, '[data-dmarc-lens="summary"]', readCardRoot)).map(
    (json) => JSON.parse(json) as CardContent,
  );
}

/** What the one card for `fileName` shows. */
export async function readCard(page: Page, fileName: string): Promise<CardContent> {
  const [json, ...more] = await callOnCardRoots(page, cardHostSelector(fileName), readCardRoot);
  if (json === undefined || more.length > 0)
    throw new Error(`expected one card for ${fileName}, found ${more.length + (json === undefined ? 0 : 1)}`);
  return JSON.parse(json) as CardContent;
}

/** Waits until the card's text matches. */
export async function expectCardText(
  page: Page,
  fileName: string,
  pattern: RegExp | string,
  timeout = 15_000,
): Promise<void> {
  await expect
    .poll(async () => (await readCard(page, fileName).catch(() => undefined))?.text ?? '', { timeout })
    .toMatch(typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern);
}

/** Clicks a card's button with the mouse, as a user does. */
export async function clickCardButton(
  page: Page,
  fileName: string,
  action: 'open' | 'save' | 'drop-page',
): Promise<void> {
  const [json] = await callOnCardRoots(page, cardHostSelector(fileName), cardButtonCentre, [action]);
  const centre = json === undefined ? null : (JSON.parse(json) as { x: number; y: number } | null);
  if (centre === null) throw new Error(`the card for ${fileName} has no ${action} button`);
  await page.mouse.click(centre.x, centre.y);
}

/** Waits until the card for `fileName` is done and checks its numbers against core's summaries. */
export async function expectCardMatches(page: Page, fileName: string, expected: ReportSummary[]): Promise<void> {
  const host = card(page, fileName);
  await expect(host).toHaveCount(1);
  await expect(host)
    .toHaveAttribute('data-state', 'done', { timeout: 15_000 })
    .catch(async (error: unknown) => {
      // Say what the card shows instead: the attribute alone does not tell why.
      const shown = await readCard(page, fileName).catch(() => undefined);
      throw new Error(`the card for ${fileName} is ${shown?.state ?? 'unreadable'}: ${shown?.alert || shown?.text}`, {
        cause: error,
      });
    });
  const shown = await readCard(page, fileName);
  expect(shown.reports).toHaveLength(expected.length);
  for (const [i, summary] of expected.entries()) {
    if (summary.kind !== 'aggregate') throw new Error('the fixtures only hold aggregate reports');
    const section = shown.reports[i]!;
    expect(section.messages).toBe(String(summary.messages));
    expect(section.passRate).toBe(String(summary.dmarcPassRate));
    expect(section.range).toBe(`${summary.begin}-${summary.end}`);
    expect(section.title).toContain(summary.domain);
    // Shown as visibleText shows it: a bidi control or zero-width character in the name appears as ⟨U+XXXX⟩.
    if (summary.orgName !== '') expect(section.title).toContain(visibleText(summary.orgName));
    expect(section.sources).toEqual(
      summary.topFailingSources.map((source) => [source.sourceIp, String(source.messages)]),
    );
  }
}

/**
 * Puts an open copy of every card next to it (`[data-card-copy]`), for checkers that run as page script, such as
 * axe-core, which cannot enter a closed root. The copy holds the same nodes and style, so it renders the same.
 */
export async function addOpenCopiesOfCards(page: Page): Promise<number> {
  return (await callOnCardRoots(page, '[data-dmarc-lens="summary"]', copyCardIntoOpenRoot)).length;
}

function copyCardIntoOpenRoot(root: ShadowRoot, host: Element): string {
  const copy = document.createElement('div');
  copy.setAttribute('data-card-copy', host.getAttribute('data-file-name') ?? '');
  copy.attachShadow({ mode: 'open' }).append(...[...root.childNodes].map((node) => node.cloneNode(true)));
  host.after(copy);
  return 'copied';
}
