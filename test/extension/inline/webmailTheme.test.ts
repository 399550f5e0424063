// Which webmail backgrounds make the inline card dark: the colours Gmail's and Outlook's themes paint, as computed
// styles give them.
import { describe, expect, it } from 'vitest';
import { isDarkColor, relativeLuminance } from '../../../extension/inline/webmailTheme';

describe('isDarkColor', () => {
  const rows: Array<[string, string, boolean | undefined]> = [
    ['Gmail dark theme (#202124)', 'rgb(32, 33, 36)', true],
    ['Outlook dark mode (#292827)', 'rgb(41, 40, 39)', true],
    ['Outlook dark reading pane (#1f1f1f)', 'rgb(31, 31, 31)', true],
    ['Gmail light message list (#f6f8fc)', 'rgb(246, 248, 252)', false],
    ['white', 'rgb(255, 255, 255)', false],
    ['grey #767676, where black and white text have equal contrast', 'rgb(118, 118, 118)', false],
    ['grey #646464', 'rgb(100, 100, 100)', true],
    ['half-transparent black still paints', 'rgba(0, 0, 0, 0.5)', true],
    ['space-separated form', 'rgb(32 33 36 / 100%)', true],
    ['transparent: no colour of its own', 'rgba(0, 0, 0, 0)', undefined],
    ['another colour form is not guessed', 'color(srgb 0.1 0.1 0.1)', undefined],
  ];
  for (const [name, color, dark] of rows) it(name, () => expect(isDarkColor(color)).toBe(dark));
});

describe('relativeLuminance', () => {
  it('is WCAG 2’s: 0 for black, 1 for white, 0.2159 for #808080', () => {
    expect(relativeLuminance(0, 0, 0)).toBe(0);
    expect(relativeLuminance(255, 255, 255)).toBeCloseTo(1, 10);
    expect(relativeLuminance(128, 128, 128)).toBeCloseTo(0.2159, 4);
  });
});
