// The dashboard's view (domain and period) in the hash query, so a view can be linked: the extension opens
// `dashboard.html#/dashboard?domain=<domain>` (extension/pages/extensionPageUrls.ts), and a user can copy the address
// of what they see. `#/dashboard?domain=example.com&period=30`, or `period=custom&from=2024-03-01&to=2024-03-31`.
import { normalizeDomain } from '../../../core/report';
import { PERIOD_PRESETS, type PeriodPreset } from './period';

export interface DashboardView {
  /** Lower-cased; null for all domains. */
  domain: string | null;
  preset: PeriodPreset;
  /** YYYY-MM-DD (custom period only), '' when not chosen. */
  customFrom: string;
  customTo: string;
}

export const DEFAULT_VIEW: DashboardView = { domain: null, preset: 'recent', customFrom: '', customTo: '' };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The view a hash such as `#/dashboard?domain=Example.com&period=30` asks for; what it does not say stays default. */
export function viewFromHash(hash: string): DashboardView {
  const at = hash.indexOf('?');
  const query = new URLSearchParams(at === -1 ? '' : hash.slice(at + 1));
  const domain = query.get('domain')?.trim();
  const period = query.get('period');
  const preset = PERIOD_PRESETS.find((p) => p === period) ?? DEFAULT_VIEW.preset;
  const day = (name: string) => {
    const value = query.get(name) ?? '';
    return preset === 'custom' && ISO_DAY.test(value) ? value : '';
  };
  return { domain: domain ? normalizeDomain(domain) : null, preset, customFrom: day('from'), customTo: day('to') };
}

/** The dashboard's hash for `view`: only what differs from the default, so the plain dashboard stays `#/dashboard`. */
export function hashOfView(view: DashboardView): string {
  const query = new URLSearchParams();
  if (view.domain !== null) query.set('domain', view.domain);
  if (view.preset !== DEFAULT_VIEW.preset) query.set('period', view.preset);
  if (view.preset === 'custom') {
    if (view.customFrom) query.set('from', view.customFrom);
    if (view.customTo) query.set('to', view.customTo);
  }
  const text = query.toString();
  return text ? `#/dashboard?${text}` : '#/dashboard';
}

/** Whether the hash shows the dashboard (`#/dashboard…`, or none at all: the dashboard is the default page). */
export function isDashboardHash(hash: string): boolean {
  return /^(#\/?)?(dashboard([?/].*)?)?$/.test(hash);
}

export function sameView(a: DashboardView, b: DashboardView): boolean {
  return a.domain === b.domain && a.preset === b.preset && a.customFrom === b.customFrom && a.customTo === b.customTo;
}
