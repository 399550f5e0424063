// The card's error sentences: made in English from the catalogue where the error happens (webmail, background, parse
// worker) and said in the reader's language on the card, the parser's sentences too.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { extensionTranslator } from '../../../extension/ui/extensionText';
import { createTranslator, extensionEn, templateParams } from '../../../core/i18n';
import { parseReport } from '../../../core/report';
import { cardErrorText, sayCardText, type CardErrorKey } from '../../../extension/messaging/cardErrors';
import { sayParseError } from '../../../extension/reports/sayParseError';

const keys = (Object.keys(extensionEn) as Array<keyof typeof extensionEn>).filter((key): key is CardErrorKey =>
  /^ext\.(?:error|download|link|gmail|outlook|detail)\./.test(key),
);
const dutch = extensionTranslator('nl');
const sayDutch = (text: string) => sayCardText(text, dutch.t);

describe('the card’s error sentences', () => {
  it('are said in Dutch with their parameters, one and many', () => {
    expect(keys.length).toBeGreaterThan(15);
    const wrong = keys.flatMap((key) =>
      [1, 3].flatMap((count) => {
        const params = Object.fromEntries(
          templateParams(extensionEn[key]).map((name) => [
            name,
            ['count', 'status'].includes(name) ? count : `‹${name}›`,
          ]),
        );
        const english = (cardErrorText as (key: CardErrorKey, params: object) => string)(key, params);
        const said = sayDutch(english);
        return isDeepStrictEqual(said, createTranslator('nl').t(key, params)) ? [] : [`${key}: ${english} → ${said}`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('keep the English the extension has always sent', () => {
    expect(cardErrorText('ext.error.tooSlowMinutes', { file: 'big.xml', count: 2 })).toBe(
      'big.xml took too long to read (more than 2 minutes); DMARC Lens stopped reading it so that it could go on with other files.',
    );
    expect(cardErrorText('ext.error.tooSlowSeconds', { file: 'slow.xml', count: 1 })).toBe(
      'slow.xml took too long to read (more than a second); DMARC Lens stopped reading it so that it could go on with other files.',
    );
  });

  it('say the budget in Dutch, and a failure a webmail tier passed on inside another', () => {
    expect(sayDutch(cardErrorText('ext.error.tooSlowMinutes', { file: 'big.xml', count: 2 }))).toBe(
      'Het lezen van big.xml duurde te lang (meer dan 2 minuten); DMARC Lens is ermee gestopt om met andere bestanden verder te kunnen.',
    );
    const inner = cardErrorText('ext.download.http', { status: 404 });
    expect(sayDutch(cardErrorText('ext.outlook.thenDrop', { unavailable: inner }))).toBe(
      'De webmail antwoordde 404 op de download. Download het bestand en zet het hier neer.',
    );
  });

  it('say the parser’s refusal of a real damaged gzip in Dutch where it is answered, and leave a browser’s own words as they are', async () => {
    const bytes = readFileSync(
      new URL('../../fixtures/reports/JamesJJ__dmarc-report-ses-tsv/mail-with-bad-gzip.txt', import.meta.url),
    );
    const result = await parseReport(new Uint8Array(bytes), { fileName: 'mail-with-bad-gzip.txt' });
    if (result.ok) throw new Error('the damaged gzip was read');
    expect(sayParseError(result.error.message, 'nl')).toBe(
      'mail-with-bad-gzip.txt › google.com!example.com!1614902400!1614988799.gz: de gzip-gegevens zijn beschadigd (invalid distance)',
    );
    expect(sayParseError(cardErrorText('ext.error.notInMessage', { file: 'a.zip' }), 'nl')).toBe(
      'a.zip staat niet tussen de bijlagen van het bericht.',
    );
    expect(sayParseError('TypeError: Failed to fetch', 'nl')).toBe('TypeError: Failed to fetch');
    expect(sayDutch('TypeError: Failed to fetch')).toBe('TypeError: Failed to fetch');
  });
});
