// Report attachments are found by name: the names real reporters give them (RFC 7489 §7.2.1.1, RFC 8460 §5.3.1, and
// the variations in test/fixtures/reports), and the names inside the labels Gmail and Outlook put on attachments
// (taken from the scrubbed pages in test/fixtures/webmail).
import { describe, expect, it } from 'vitest';
import { findReportFileName, isReportFileName } from '../../../extension/webmail/reportFileName';

describe('isReportFileName', () => {
  it.each([
    // receiver!policy-domain!begin!end.extension, each extension reporters use.
    'addisonfoods.com!example.com!1536105600!1536191999.xml',
    'zoho.com!example.com!1581753600!1581840000.xml.gz',
    'google.com!borschow.com!1549929600!1550015999.zip',
    'amazonses.com!georgestarcher.com!1518134400!1518220800.xml.gz',
    // With the optional unique id.
    'fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz',
    'estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml.zip',
    // An empty receiver (parsedmarc's samples).
    '!example.com!1538204542!1538463818.xml',
    // TLS reports (RFC 8460 §5.3.1): receiver!policy-domain!begin!end!unique-id.json.gz.
    'google.com!example.com!1700000000!1700086399!001.json.gz',
    'microsoft.com!random.net!1747958400!1748044799.json',
    // Case does not matter in the extension, and the name may come with blanks around it.
    'GOOGLE.COM!EXAMPLE.COM!1549929600!1550015999.ZIP',
    '  usssa.com!example.com!1538784000!1538870399.xml\n',
    // .gzip spellings.
    'example.net!example.com!1529366400!1529452799.gzip',
    'example.net!example.com!1529366400!1529452799.xml.gzip',
  ])('%j is a report', (name) => expect(isReportFileName(name)).toBe(true));

  it.each([
    // A browser's name for a second download of the same file: not a name a reporter sends.
    'google.com!secure.200permits.com!1768867200!1768953599(1).zip',
    // No policy domain, dates too short or too long, other extensions.
    'google.com!!1549929600!1550015999.zip',
    'google.com!borschow.com!15499296!1550015999.zip',
    'google.com!borschow.com!154992960000!1550015999.zip',
    'google.com!borschow.com!1549929600!1550015999.pdf',
    'google.com!borschow.com!1549929600!1550015999.xml.exe',
    'google.com!borschow.com!1549929600.zip',
    // Paths and blanks inside the name.
    'reports/google.com!borschow.com!1549929600!1550015999.zip',
    'google.com!borschow.com!1549929600!1550015999!a/b.zip',
    'google com!borschow.com!1549929600!1550015999.zip',
    // Files that are reports but are not named like one.
    'report.xml',
    'smtp_tls.json',
    '',
  ])('%j is not', (name) => expect(isReportFileName(name)).toBe(false));
});

describe('findReportFileName', () => {
  it.each([
    // Gmail: the attachment card's label ends the name with a full stop.
    [
      'Attachment: zoho.com!example.com!1581753600!1581840000.xml.gz. Press enter to view the attachment and delete to remove it',
      'zoho.com!example.com!1581753600!1581840000.xml.gz',
    ],
    [
      'Attachment: enterprise.protection.outlook.com!lolei.uk!1740614400!1740700800.xml. Scanning for viruses',
      'enterprise.protection.outlook.com!lolei.uk!1740614400!1740700800.xml',
    ],
    [
      'Download attachment google.com!secure.200permits.com!1766361600!1766447999.zip',
      'google.com!secure.200permits.com!1766361600!1766447999.zip',
    ],
    [
      'Drive file: example.net!secure.200permits.com!1766361600!1766447999.xml.gz',
      'example.net!secure.200permits.com!1766361600!1766447999.xml.gz',
    ],
    // Gmail in German.
    [
      'Anhang: google.com!secure.200permits.com!1766361600!1766447999.zip. Drücken Sie die Eingabetaste, um den Anhang anzusehen, oder Entf, um ihn zu entfernen',
      'google.com!secure.200permits.com!1766361600!1766447999.zip',
    ],
    // Outlook: the name, then what the tile offers and the size.
    ['usssa.com!example.com!1538784000!1538870399.xml Open 1 KB', 'usssa.com!example.com!1538784000!1538870399.xml'],
    // Quoted, bracketed, or ending a clause.
    ['“google.com!borschow.com!1549929600!1550015999.zip”', 'google.com!borschow.com!1549929600!1550015999.zip'],
    ['(google.com!borschow.com!1549929600!1550015999.zip),', 'google.com!borschow.com!1549929600!1550015999.zip'],
    ['<google.com!borschow.com!1549929600!1550015999.zip>;', 'google.com!borschow.com!1549929600!1550015999.zip'],
    // Followed by a comma, semicolon or colon within a list.
    [
      'Attachments: zoho.com!example.com!1581753600!1581840000.xml.gz, invoice.pdf',
      'zoho.com!example.com!1581753600!1581840000.xml.gz',
    ],
    ['google.com!borschow.com!1549929600!1550015999.zip; 2 KB', 'google.com!borschow.com!1549929600!1550015999.zip'],
    ['google.com!borschow.com!1549929600!1550015999.zip: scanned', 'google.com!borschow.com!1549929600!1550015999.zip'],
    // The first of two.
    [
      'zoho.com!example.com!1581753600!1581840000.xml.gz and google.com!borschow.com!1549929600!1550015999.zip',
      'zoho.com!example.com!1581753600!1581840000.xml.gz',
    ],
  ])('finds the name in %j', (text, name) => expect(findReportFileName(text)).toBe(name));

  it.each(['Attachment: invoice.pdf. Press enter to view the attachment', '', '!!!', 'Open 1 KB'])(
    'finds none in %j',
    (text) => expect(findReportFileName(text)).toBeUndefined(),
  );
});
