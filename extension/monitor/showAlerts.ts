// Alerts where the user sees them: one notification per domain with news (its first alert, and how many more), and
// the number of open problems on the toolbar button. A click on a notification opens the dashboard's alert view on
// that domain (registerAlertClicks, in the background, which outlives the page that may have made it).
import type { WatchAlert } from '../../core/analysis';
import { createTranslator, type Locale } from '../../core/i18n';
import { watchUrl } from '../pages/extensionPageUrls';
import { alertText } from './alertText';

/** Notification ids: this prefix, the domain, and the time of the check. */
const NOTIFICATION_PREFIX = 'dmarc-lens-watch|';
export const NOTIFICATION_ICON = '/icons/128.png';

/** The address of a file the build adds to the extension (the icons: wxt.config.ts), which WXT's types do not list. */
export function extensionFileUrl(path: string): string {
  return (browser.runtime.getURL as (path: string) => string)(path);
}

/** The toolbar button: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2 build. */
function toolbarButton(): typeof browser.action | undefined {
  const api = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return api.action ?? api.browserAction;
}

export async function showBadge(openProblems: number): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  await button.setBadgeText({ text: openProblems === 0 ? '' : String(openProblems) });
  if (openProblems > 0) await button.setBadgeBackgroundColor({ color: '#b91c1c' });
}

export async function notifyAlerts(alerts: readonly WatchAlert[], locale: Locale, at: number): Promise<void> {
  const text = createTranslator(locale);
  const byDomain = new Map<string, WatchAlert[]>();
  for (const alert of alerts) {
    const list = byDomain.get(alert.domain);
    if (list) list.push(alert);
    else byDomain.set(alert.domain, [alert]);
  }
  for (const [domain, list] of byDomain) {
    const first = alertText(list[0]!, text);
    const message =
      list.length === 1 ? first : `${first} ${text.t('monitor.watch.andMore', { count: list.length - 1 })}`;
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${domain}|${at}`, {
      type: 'basic',
      iconUrl: extensionFileUrl(NOTIFICATION_ICON),
      title: text.t('monitor.watch.notificationTitle', { domain }),
      message,
    });
  }
}

/** The domain a notification of ours is about, or undefined for anyone else's. */
export function notificationDomain(notificationId: string): string | undefined {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const rest = notificationId.slice(NOTIFICATION_PREFIX.length);
  return rest.slice(0, rest.lastIndexOf('|'));
}

/** In the background: a click on one of our notifications opens the alert view on its domain. */
export function registerAlertClicks(): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    const domain = notificationDomain(notificationId);
    if (domain === undefined) return;
    void browser.tabs.create({ url: watchUrl(domain) });
    void browser.notifications.clear(notificationId);
  });
}
