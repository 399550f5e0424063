// Values a report claims are checked before they are believed (issue 13): counts are whole numbers in a named range,
// source_ip is an IP address, the date range is plausible (milliseconds converted, with a warning), and invisible or
// reordering characters in names and domains are warned about. Records are read from XML through both record readers
// (readPlainRecords straight from the text, and the tree path of fast-xml-parser + recordTextOf), which must agree.
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { canonicalIpAddress, isIpAddressText, parseIpAddress } from '../../../core/report/parseIpAddress';
import { XML_PARSER_OPTIONS } from '../../../core/report/AggregateXmlReader';
import {
  FIRST_REPORT_SECONDS,
  FUTURE_SLACK_SECONDS,
  MAX_RECORD_COUNT,
  dateRangeProblem,
  readCount,
} from '../../../core/report/plausibility';
import { readPlainRecords } from '../../../core/report/readPlainRecords';
import {
  MAX_DISTINCT_WARNINGS,
  WarningSet,
  child,
  children,
  recordTextOf,
  toAggregateRecords,
  toMetadata,
  toPolicyPublished,
  type RecordText,
  type XmlNode,
} from '../../../core/report/toAggregateReport';
import type { AggregateRecord, ReportMetadata } from '../../../core/report/types';
import { recordXml } from '../../helpers/reportXml';

const fxp = new XMLParser(XML_PARSER_OPTIONS);
/** The tree the reader's fast-xml-parser makes of `xml` (typed as AggregateXmlReader types it). */
const parseXml = (xml: string): XmlNode => fxp.parse(xml) as XmlNode;

/** 2026-12-01 00:00:00 UTC: the reader's clock in these tests. */
const NOW = Date.UTC(2026, 11, 1) / 1000;

const escapeXml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The records of `xml` as each reader reads them (the plain reader may decline: references, markup). */
function recordTexts(xml: string): RecordText[] {
  const tree = children(child(parseXml(`<b>${xml}</b>`), 'b'), 'record').map(recordTextOf);
  const plain = readPlainRecords(xml);
  if (plain !== undefined) expect(plain).toStrictEqual(tree);
  return tree;
}

/** The records of `xml` that are believed, and the warnings about them. */
function readRecords(...xml: string[]): { records: AggregateRecord[]; warnings: string[] } {
  const warnings = new WarningSet();
  const records = toAggregateRecords(recordTexts(xml.join('\n')), { adkim: 'r', aspf: 'r' }, warnings);
  return { records, warnings: warnings.list() };
}

function readMetadata(
  inner: string,
  now = NOW,
): { metadata: ReportMetadata; warnings: string[]; problem: string | undefined } {
  const warnings = new WarningSet();
  const metadata = toMetadata(
    child(parseXml(`<report_metadata>${inner}</report_metadata>`), 'report_metadata'),
    warnings,
    now,
  );
  return { metadata, warnings: warnings.list(), problem: dateRangeProblem(metadata, now) };
}

const head = (begin: string, end: string): string =>
  `<org_name>Example Receiver</org_name><email>dmarc@receiver.example</email><report_id>r-1</report_id>` +
  `<date_range><begin>${begin}</begin><end>${end}</end></date_range>`;

describe('record counts: only a whole number of messages up to MAX_RECORD_COUNT is believed', () => {
  it('keeps decimal digit strings, leading zeros and surrounding blanks included', () => {
    const table: Array<[written: string, count: number, raw?: string]> = [
      ['0', 0],
      ['1', 1],
      ['42', 42],
      ['007', 7, '007'],
      [' 12\n', 12],
      [String(MAX_RECORD_COUNT), MAX_RECORD_COUNT],
    ];
    for (const [written, count, raw] of table) {
      const { records, warnings } = readRecords(recordXml({ count: written }));
      expect(
        records.map((r) => [r.count, r.raw?.count]),
        written,
      ).toEqual([[count, raw]]);
      expect(warnings, written).toEqual([]);
    }
  });

  it('leaves out every other count, naming the record, the field and the value', () => {
    const table: Array<[written: string, warning: string]> = [
      ['1e30', 'left out a record from 192.0.2.1: count "1e30" is not a whole number of messages'],
      ['0x10', 'left out a record from 192.0.2.1: count "0x10" is not a whole number of messages'],
      ['-5', 'left out a record from 192.0.2.1: count "-5" is not a whole number of messages'],
      ['+5', 'left out a record from 192.0.2.1: count "+5" is not a whole number of messages'],
      ['1.5', 'left out a record from 192.0.2.1: count "1.5" is not a whole number of messages'],
      ['3.0', 'left out a record from 192.0.2.1: count "3.0" is not a whole number of messages'],
      ['1 000', 'left out a record from 192.0.2.1: count "1 000" is not a whole number of messages'],
      ['Infinity', 'left out a record from 192.0.2.1: count "Infinity" is not a whole number of messages'],
      ['NaN', 'left out a record from 192.0.2.1: count "NaN" is not a whole number of messages'],
      ['１２', 'left out a record from 192.0.2.1: count "１２" is not a whole number of messages'],
      ['١٢', 'left out a record from 192.0.2.1: count "١٢" is not a whole number of messages'],
      ['', 'left out a record from 192.0.2.1 without a count'],
      [
        String(MAX_RECORD_COUNT + 1),
        'left out a record from 192.0.2.1: count "1000000001" is more than the 1000000000 messages one record can plausibly hold',
      ],
      [
        '9'.repeat(1000),
        `left out a record from 192.0.2.1: count "${'9'.repeat(64)}… (1000 characters)" is more than the 1000000000 messages one record can plausibly hold`,
      ],
    ];
    for (const [written, warning] of table) {
      const { records, warnings } = readRecords(recordXml({ count: written }));
      expect(records, written).toEqual([]);
      expect(warnings, written).toEqual([warning]);
    }
  });

  it('keeps the believable records of a report around the ones left out, counting repeated warnings', () => {
    const { records, warnings } = readRecords(
      recordXml({ ip: '192.0.2.1', count: 3 }),
      recordXml({ ip: '192.0.2.2', count: '1e30' }),
      recordXml({ ip: '192.0.2.2', count: '1e30' }),
      recordXml({ ip: '192.0.2.3', count: 5 }),
    );
    expect(records.map((r) => [r.sourceIp, r.count])).toEqual([
      ['192.0.2.1', 3],
      ['192.0.2.3', 5],
    ]);
    expect(warnings).toEqual(['left out a record from 192.0.2.2: count "1e30" is not a whole number of messages (×2)']);
  });

  it('readCount: digits only, and a very long number stays finite', () => {
    expect(readCount('0')).toBe(0);
    expect(readCount('1000000000')).toBe(1_000_000_000);
    expect(readCount('')).toBe(-1);
    expect(readCount('1_000')).toBe(-1);
    expect(readCount('9'.repeat(400))).toBeGreaterThan(MAX_RECORD_COUNT);
    expect(Number.isSafeInteger(readCount('9'.repeat(400)))).toBe(true);
  });
});

describe('source_ip: only an IP address is believed', () => {
  // Forms seen in the corpus (Google's compressed IPv6, uppercase, full-length, ::ffff: mapped) and RFC 4291 §2.2's.
  const addresses = [
    '192.0.2.1',
    '0.0.0.0',
    '255.255.255.255',
    '2607:f8b0:4864:20::132',
    '2001:DB8::1',
    'FE80:0000:0000:0000:0202:B3FF:FE1E:8329',
    '0000:0000:0000:0000:0000:FFFF:7F00:2',
    '::ffff:192.0.2.1',
    '64:ff9b::192.0.2.33',
    '1:2:3:4:5:6:192.0.2.1',
    '::',
    '::1',
    '1::',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7::',
    '::2:3:4:5:6:7:8',
  ];
  const notAddresses = [
    '999.1.1.1',
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '1..2.3',
    '01.2.3.4',
    '0x7f.0.0.1',
    '1.2.3.4:25',
    '::ffff:092.168.4.4',
    '::256.0.0.1',
    '::1.2.3',
    '1:2:3:4:5:6:7:192.0.2.1',
    '2001:db8::1::1',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    '12345::',
    'g::1',
    ':1',
    '1:',
    ':::',
    '1:::2',
    '[2001:db8::1]',
    'fe80::1%eth0',
    '1'.repeat(1000),
    'mail.example.com',
    '<script>alert(1)</script>',
    '１９２.0.2.1',
  ];

  it('isIpAddressText: the truth table', () => {
    for (const address of addresses) expect(isIpAddressText(address), address).toBe(true);
    for (const text of ['', ' 192.0.2.1', '192.0.2.1 ', ...notAddresses])
      expect(isIpAddressText(text), text).toBe(false);
  });

  it('keeps records from every address form, each in its canonical text (RFC 5952; IPv4-mapped as IPv4)', () => {
    const { records, warnings } = readRecords(...addresses.map((ip) => recordXml({ ip })));
    expect(records.map((r) => r.sourceIp)).toEqual([
      '192.0.2.1',
      '0.0.0.0',
      '255.255.255.255',
      '2607:f8b0:4864:20::132',
      '2001:db8::1',
      'fe80::202:b3ff:fe1e:8329',
      '127.0.0.2',
      '192.0.2.1',
      '64:ff9b::c000:221',
      '1:2:3:4:5:6:c000:201',
      '::',
      '::1',
      '1::',
      '1:2:3:4:5:6:7:8',
      '1:2:3:4:5:6:7:0',
      '0:2:3:4:5:6:7:8',
    ]);
    expect(warnings).toEqual([]);
  });

  it('leaves out a record whose source_ip is not an address, quoting it safely', () => {
    for (const text of notAddresses) {
      const { records, warnings } = readRecords(recordXml({ ip: escapeXml(text) }));
      expect(records, text).toEqual([]);
      const quoted = text.length > 64 ? `${text.slice(0, 64)}… (${text.length} characters)` : text;
      expect(warnings, text).toEqual([`left out a record whose source_ip "${quoted}" is not an IP address`]);
    }
    expect(readRecords(recordXml({ ip: '' })).warnings).toEqual(['left out a record without a source_ip']);
    expect(readRecords(recordXml({ ip: '' }).replace('<source_ip></source_ip>', '<source_ip/>')).warnings).toEqual([
      'left out a record without a source_ip',
    ]);
  });

  it('parseIpAddress still reads what people type around an address, and the same addresses', () => {
    expect(parseIpAddress(' [2001:db8::1] ')).toEqual({ family: 6, words: [0x20010db8, 0, 0, 1] });
    expect(parseIpAddress('fe80::1%eth0')).toEqual({ family: 6, words: [0xfe800000, 0, 0, 1] });
    expect(parseIpAddress('1:2:3:4:5:6:192.0.2.1')).toEqual({
      family: 6,
      words: [0x00010002, 0x00030004, 0x00050006, 0xc0000201],
    });
    expect(parseIpAddress('0000:0000:0000:0000:0000:FFFF:7F00:2')).toEqual({ family: 4, value: 0x7f000002 });
    for (const text of notAddresses.filter((t) => !t.startsWith('[') && !t.includes('%')))
      expect(parseIpAddress(text), text).toBeUndefined();
  });

  it('reads every text form of a random address to that address (RFC 4291 §2.2, RFC 5952)', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const address = fc.array(fc.oneof(group, fc.constant(0)), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(address, fc.nat(), fc.boolean(), fc.boolean(), fc.boolean(), (groups, at, upper, padded, dotted) => {
        const hex = (g: number) => {
          const h = padded ? g.toString(16).padStart(4, '0') : g.toString(16);
          return upper ? h.toUpperCase() : h;
        };
        let parts = groups.map(hex);
        if (dotted)
          parts = [
            ...parts.slice(0, 6),
            [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.'),
          ];
        // Compress a run of zero groups (any run, not only the longest: every such text is an RFC 4291 form).
        const limit = dotted ? 6 : 8;
        const zeros = groups.slice(0, limit).flatMap((g, i) => (g === 0 ? [i] : []));
        let text = parts.join(':');
        if (zeros.length > 0) {
          const start = zeros[at % zeros.length]!;
          let end = start;
          while (end + 1 < limit && groups[end + 1] === 0) end++;
          text = `${parts.slice(0, start).join(':')}::${parts.slice(end + 1).join(':')}`;
        }
        expect(isIpAddressText(text), text).toBe(true);
        const words = [0, 2, 4, 6].map((i) => (groups[i]! * 65536 + groups[i + 1]!) >>> 0);
        const mapped = words[0] === 0 && words[1] === 0 && words[2] === 0xffff;
        expect(parseIpAddress(text), text).toEqual(mapped ? { family: 4, value: words[3] } : { family: 6, words });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('date range: plausible times only, milliseconds converted with a warning', () => {
  it('accepts real reports, decimal timestamps (OpenDMARC) and a zero-length range', () => {
    for (const [begin, end] of [
      ['1700000000', '1700086399'],
      ['1337270400.0', '1337356799.0'],
      ['1700000000', '1700000000'],
    ] as const) {
      const { warnings, problem } = readMetadata(head(begin, end));
      expect([warnings, problem], `${begin} ${end}`).toEqual([[], undefined]);
    }
  });

  it('reads times in milliseconds as seconds, with a warning and the raw value kept', () => {
    const { metadata, warnings, problem } = readMetadata(head('1700000000000', '1700086399999'));
    expect([metadata.begin, metadata.end, metadata.raw]).toEqual([
      1700000000,
      1700086399,
      { begin: '1700000000000', end: '1700086399999' },
    ]);
    expect(warnings).toEqual([
      'begin 1700000000000 is in milliseconds; read as 1700000000 (2023-11-14 22:13:20 UTC)',
      'end 1700086399999 is in milliseconds; read as 1700086399 (2023-11-15 22:13:19 UTC)',
    ]);
    expect(problem).toBeUndefined();
  });

  it('refuses a report whose dates cannot be believed, naming the report and the field', () => {
    const table: Array<[begin: string, end: string, problem: string]> = [
      [
        '100',
        '200',
        'begin date 100 (1970-01-01 00:01:40 UTC) is before DMARC reports existed (2012); end date 200 (1970-01-01 00:03:20 UTC) is before DMARC reports existed (2012)',
      ],
      ['0', '1700086399', 'begin date 0 (1970-01-01 00:00:00 UTC) is before DMARC reports existed (2012)'],
      ['1700000000', '4102444800', 'end date 4102444800 (2100-01-01 00:00:00 UTC) is in the future'],
      // Milliseconds that would still be in 2100 are not converted.
      ['1700000000', '4102444800000', 'end date 4102444800000 (+131971-04-21 00:00:00 UTC) is in the future'],
      ['1700086399', '1700000000', 'begin date 2023-11-15 22:13:19 UTC is after end date 2023-11-14 22:13:20 UTC'],
      ['not-a-number', '1700000000', 'begin date "not-a-number" is not a Unix time'],
      ['1e9', '1700000000', 'begin date "1e9" is not a Unix time'],
      ['-5', '1700000000', 'begin date "-5" is not a Unix time'],
      ['0x10', '1700000000', 'begin date "0x10" is not a Unix time'],
      ['2023-11-14', '1700000000', 'begin date "2023-11-14" is not a Unix time'],
      ['', '', 'no begin date; no end date'],
      ['9'.repeat(400), '1700000000', `begin date "${'9'.repeat(64)}… (400 characters)" is in the future`],
    ];
    for (const [begin, end, problem] of table) {
      expect(readMetadata(head(begin, end)).problem, `${begin} ${end}`).toBe(
        `report "r-1" from "Example Receiver" refused: ${problem}`,
      );
    }
    const missing = readMetadata('<org_name>test.com</org_name>');
    expect(missing.problem).toBe('report without a report_id from "test.com" refused: no begin date; no end date');
    expect(missing.warnings).toEqual(['date_range has no begin', 'date_range has no end', 'report_id missing']);
  });

  it('takes the clock as a parameter: both edges of the plausible range', () => {
    const range = (begin: number, end: number) => readMetadata(head(String(begin), String(end))).problem;
    expect(range(FIRST_REPORT_SECONDS, NOW + FUTURE_SLACK_SECONDS)).toBeUndefined();
    expect(range(FIRST_REPORT_SECONDS - 1, NOW)).toMatch(
      /begin date 1325375999 \(2011-12-31 23:59:59 UTC\) is before DMARC/,
    );
    expect(range(NOW, NOW + FUTURE_SLACK_SECONDS + 1)).toMatch(
      /end date 1796256001 \(2026-12-03 00:00:01 UTC\) is in the future$/,
    );
    // The same report read a year later is believed.
    const later = NOW + 365 * 86_400;
    expect(readMetadata(head(String(NOW + 3 * 86_400), String(NOW + 4 * 86_400)), later).problem).toBeUndefined();
  });
});

describe('invisible and reordering characters: a warning naming the field and each code point', () => {
  it('in the report head', () => {
    const { warnings } = readMetadata(
      '<org_name>exa\u202Emoc.elpmaxe\u202C</org_name><email>dmarc@exa\u200Bmple.com</email><report_id>r-\uFEFF1</report_id>' +
        '<extra_contact_info>https://exa\u2066mple.com</extra_contact_info><date_range><begin>1700000000</begin><end>1700086399</end></date_range>',
    );
    expect(warnings).toEqual([
      'org_name "exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩" contains U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING: invisible characters that can make it display as something else',
      'email "dmarc@exa⟨U+200B⟩mple.com" contains U+200B ZERO WIDTH SPACE: invisible characters that can make it display as something else',
      'report_id "r-⟨U+FEFF⟩1" contains U+FEFF ZERO WIDTH NO-BREAK SPACE: invisible characters that can make it display as something else',
      'extra_contact_info "https://exa⟨U+2066⟩mple.com" contains U+2066 LEFT-TO-RIGHT ISOLATE: invisible characters that can make it display as something else',
    ]);
    const policy = new WarningSet();
    toPolicyPublished(child(parseXml('<p><domain>exa\u200Dmple.com</domain><p>none</p></p>'), 'p'), policy);
    expect(policy.list()).toEqual([
      'policy_published domain "exa⟨U+200D⟩mple.com" contains U+200D ZERO WIDTH JOINER: invisible characters that can make it display as something else',
    ]);
  });

  it('in a record (kept: the warning is the point), each distinct value once', () => {
    const record = recordXml({
      identifiers:
        '<header_from>exa\u202Emoc.elpmaxe\u202C</header_from><envelope_from>b\u00ADank.example</envelope_from><envelope_to>x\u{E0041}.example</envelope_to>',
      authResults:
        '<dkim><domain>exa\u200Emple.com</domain><selector>s\u200F1</selector><result>pass</result></dkim><spf><domain>exa\u061Cmple.com</domain><result>pass</result></spf>',
    });
    const { records, warnings } = readRecords(record, record);
    expect(records.map((r) => r.headerFrom)).toEqual(['exa\u202Emoc.elpmaxe\u202C', 'exa\u202Emoc.elpmaxe\u202C']);
    const tail = ': invisible characters that can make it display as something else (×2)';
    expect(warnings).toEqual([
      `DKIM domain "exa⟨U+200E⟩mple.com" contains U+200E LEFT-TO-RIGHT MARK${tail}`,
      `DKIM selector "s⟨U+200F⟩1" contains U+200F RIGHT-TO-LEFT MARK${tail}`,
      `SPF domain "exa⟨U+061C⟩mple.com" contains U+061C ARABIC LETTER MARK${tail}`,
      `header_from "exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩" contains U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING${tail}`,
      `envelope_from "b⟨U+00AD⟩ank.example" contains U+00AD SOFT HYPHEN${tail}`,
      `envelope_to "x⟨U+E0041⟩.example" contains U+E0041${tail}`,
    ]);
  });

  it('not for ordinary text in any script, nor for joiners in a display name', () => {
    const { warnings } = readMetadata(
      '<org_name>\u0634\u0631\u06A9\u062A\u200C\u0647\u0627</org_name><email>dmarc@b\u00FCcher.example</email><report_id>\u5831\u544A-1</report_id>' +
        '<date_range><begin>1700000000</begin><end>1700086399</end></date_range>',
    );
    expect(warnings).toEqual([]);
    expect(readRecords(recordXml({ identifiers: '<header_from>b\u00FCcher.example</header_from>' })).warnings).toEqual(
      [],
    );
  });
});

describe('other values', () => {
  it('pct is a whole percentage from 0 to 100', () => {
    const pct = (written: string) => {
      const warnings = new WarningSet();
      const policy = toPolicyPublished(
        child(parseXml(`<p><domain>example.com</domain><pct>${written}</pct></p>`), 'p'),
        warnings,
      );
      return [policy.pct, policy.raw?.pct, warnings.list()];
    };
    expect(pct('100')).toEqual([100, undefined, []]);
    expect(pct('0')).toEqual([0, undefined, []]);
    expect(pct('050')).toEqual([50, '050', []]);
    expect(pct('0x10')).toEqual([
      undefined,
      undefined,
      ['pct "0x10" is not a whole percentage from 0 to 100; ignored'],
    ]);
    expect(pct('101')).toEqual([undefined, undefined, ['pct "101" is not a whole percentage from 0 to 100; ignored']]);
    expect(pct('not-a-number')).toEqual([
      undefined,
      undefined,
      ['pct "not-a-number" is not a whole percentage from 0 to 100; ignored'],
    ]);
  });

  it('a report keeps at most MAX_DISTINCT_WARNINGS different warnings and counts the rest', () => {
    const bad = Array.from({ length: 150 }, (_, i) => recordXml({ ip: `host-${i}.example` }));
    const { records, warnings } = readRecords(...bad, recordXml({ ip: 'host-0.example' }));
    expect(records).toEqual([]);
    expect(warnings).toHaveLength(MAX_DISTINCT_WARNINGS + 1);
    expect(warnings[0]).toBe('left out a record whose source_ip "host-0.example" is not an IP address (×2)');
    expect(warnings.at(-1)).toBe('50 more warnings of other kinds not listed');
  });
});

describe('properties: no value makes the conversion throw, and what is kept can be believed', () => {
  const interesting = fc.constantFrom(
    '0',
    '1',
    '1e30',
    '0x10',
    '-5',
    '1.5',
    'Infinity',
    '',
    ' 7 ',
    '9'.repeat(30),
    '1000000000',
    '1000000001',
  );
  const count = fc.oneof(interesting, fc.nat().map(String), fc.string(), fc.string({ unit: 'binary', maxLength: 20 }));
  const ip = fc.oneof(
    fc.ipV4(),
    fc.ipV6(),
    fc.ipV4Extended(),
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.%[]'), maxLength: 45 }),
  );
  // XML 1.0 cannot carry most control characters, so the readers never see them in a value; a carriage return is
  // left out too, as XML line-end normalization (§2.11) turns it into a line feed on the tree path only.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed
  const xmlSafe = (value: string) => value.replace(/[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu, '');

  it('records through both readers: every kept record has a safe integer count ≤ MAX_RECORD_COUNT and a valid IP', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ ip, count }), { minLength: 1, maxLength: 5 }), (rows) => {
        const xml = rows.map((r) => recordXml({ ip: escapeXml(xmlSafe(r.ip)), count: escapeXml(xmlSafe(r.count)) }));
        const { records } = readRecords(...xml);
        for (const record of records) {
          expect(Number.isSafeInteger(record.count) && record.count >= 0 && record.count <= MAX_RECORD_COUNT).toBe(
            true,
          );
          expect(isIpAddressText(record.sourceIp)).toBe(true);
          expect(parseIpAddress(record.sourceIp)).toBeDefined();
          // Kept in its canonical text, which reads back as itself.
          expect(canonicalIpAddress(record.sourceIp)).toBe(record.sourceIp);
        }
        // Exactly the rows whose trimmed values are believable are kept.
        const believable = rows.filter((r) => {
          const c = readCount(xmlSafe(r.count).trim());
          return isIpAddressText(xmlSafe(r.ip).trim()) && c >= 0 && c <= MAX_RECORD_COUNT;
        });
        expect(records.length).toBe(believable.length);
      }),
      { numRuns: 500 },
    );
  });

  it('dates: toMetadata and dateRangeProblem never throw, and an accepted range is plausible and ordered', () => {
    const time = fc.oneof(
      fc.integer().map(String),
      fc.double().map(String),
      fc.bigInt().map(String),
      fc.string(),
      fc.constantFrom('1700000000', '1700000000000', '1700000000.5'),
    );
    fc.assert(
      fc.property(time, time, fc.integer({ min: FIRST_REPORT_SECONDS, max: 4_000_000_000 }), (begin, end, now) => {
        const { metadata, problem } = readMetadata(head(escapeXml(xmlSafe(begin)), escapeXml(xmlSafe(end))), now);
        expect(typeof problem === 'string' || problem === undefined).toBe(true);
        if (problem === undefined) {
          for (const t of [metadata.begin, metadata.end]) {
            expect(Number.isSafeInteger(t) && t >= FIRST_REPORT_SECONDS && t <= now + FUTURE_SLACK_SECONDS).toBe(true);
          }
          expect(metadata.begin).toBeLessThanOrEqual(metadata.end);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
