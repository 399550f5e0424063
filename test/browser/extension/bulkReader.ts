// Reads and clicks the bulk-import control in Chromium. It is in a closed shadow root (page scripts must not reach it,
// so neither can Playwright's selectors); the DevTools protocol describes its host with the closed root, and functions
// are called on the root itself, as cardReader.ts does for the cards.
import type { Page } from '@playwright/test';

export interface BulkControl {
  state: string;
  count: string;
  start: string;
  status: string;
  totals: string;
  results: Array<{ outcome: string; text: string }>;
}

const HOST = '[data-dmarc-lens="bulk"]';

async function callOnRoot(
  page: Page,
  fn: (root: ShadowRoot, host: Element, arg: string) => string,
  arg = '',
): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(HOST)})`,
    });
    if (result.objectId === undefined) return undefined;
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: 0, pierce: true });
    const root = node.shadowRoots?.[0];
    if (root === undefined) throw new Error('the bulk-import control has no shadow root');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
    const { result: answer, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn.toString(),
      arguments: [{ objectId: object.objectId }, { objectId: result.objectId }, { value: arg }],
      returnByValue: true,
    });
    if (exceptionDetails !== undefined)
      throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return answer.value as string;
  } finally {
    await cdp.detach();
  }
}

function readRoot(root: ShadowRoot, host: Element): string {
  const text = (selector: string) => root.querySelector(selector)?.textContent ?? '';
  return JSON.stringify({
    state: host.getAttribute('data-state') ?? '',
    count: host.getAttribute('data-count') ?? '',
    start: text('button[data-action="start"]'),
    status: text('[role="status"]'),
    totals: text('[data-field="totals"]'),
    results: [...root.querySelectorAll('li')].map((item) => ({
      outcome: item.getAttribute('data-outcome') ?? '',
      text: item.textContent ?? '',
    })),
  });
}

function buttonCentre(root: ShadowRoot, _host: Element, action: string): string {
  const button = root.querySelector(`button[data-action="${action}"]`);
  if (!(button instanceof HTMLButtonElement) || button.hidden || button.disabled) return 'null';
  button.scrollIntoView({ block: 'center' });
  const rect = button.getBoundingClientRect();
  return JSON.stringify({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
}

export async function readBulkControl(page: Page): Promise<BulkControl | undefined> {
  const json = await callOnRoot(page, readRoot);
  return json === undefined ? undefined : (JSON.parse(json) as BulkControl);
}

/** Clicks a button of the control with the mouse, as a user would. */
export async function clickBulkButton(page: Page, action: 'start' | 'cancel'): Promise<void> {
  const json = await callOnRoot(page, buttonCentre, action);
  if (json === undefined || json === 'null')
    throw new Error(`the bulk-import control has no ${action} button to click`);
  const { x, y } = JSON.parse(json) as { x: number; y: number };
  await page.mouse.click(x, y);
}
