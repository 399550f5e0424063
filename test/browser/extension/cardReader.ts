// Reads the inline cards the extension put into a page (open shadow roots; Playwright's CSS engine pierces them).
import { expect, type Locator, type Page } from '@playwright/test';
import type { ReportSummary } from '../../../core/analysis/summarizeReport';

export const card = (page: Page, fileName: string): Locator =>
  page.locator(`[data-dmarc-lens="summary"][data-file-name="${fileName}"]`);

/** Waits until the card for `fileName` is done and checks its numbers against core's summaries. */
export async function expectCardMatches(page: Page, fileName: string, expected: ReportSummary[]): Promise<void> {
  const host = card(page, fileName);
  await expect(host).toHaveCount(1);
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  const sections = host.locator('[data-report-key]');
  await expect(sections).toHaveCount(expected.length);
  for (const [i, summary] of expected.entries()) {
    if (summary.kind !== 'aggregate') throw new Error('the fixtures only hold aggregate reports');
    const section = sections.nth(i);
    await expect(section.locator('[data-field="messages"]')).toHaveAttribute('data-value', String(summary.messages));
    await expect(section.locator('[data-field="pass-rate"]')).toHaveAttribute('data-value', String(summary.dmarcPassRate));
    await expect(section.locator('[data-field="range"]')).toHaveAttribute('data-value', `${summary.begin}-${summary.end}`);
    await expect(section).toContainText(summary.domain);
    if (summary.orgName !== '') await expect(section).toContainText(summary.orgName);
    const sources = section.locator('[data-source]');
    await expect(sources).toHaveCount(summary.topFailingSources.length);
    for (const [j, source] of summary.topFailingSources.entries()) {
      await expect(sources.nth(j)).toHaveAttribute('data-source', source.sourceIp);
      await expect(sources.nth(j)).toHaveAttribute('data-count', String(source.messages));
    }
  }
}
