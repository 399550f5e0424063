// A record's cause and class (core/analysis/classifyRecord.ts), and whether it passed DMARC by either account.
import { describe, expect, it } from 'vitest';
import {
  causeOfFailure,
  classifyRecord,
  passesByVerdictOrAlignment,
  receiverSaysForwarded,
  recordFacts,
} from '../../../core/analysis/classifyRecord';
import { identifySource } from '../../../core/analysis/identifySource';
import { makeRecord } from './makeRecord';

const pass = 'pass' as const;
const fail = 'fail' as const;

describe('passesByVerdictOrAlignment', () => {
  it('passes on the receiver’s verdict or on an aligned pass in auth_results', () => {
    // zoho.com fixture: policy_evaluated says fail next to an aligned DKIM pass.
    expect(
      passesByVerdictOrAlignment(
        makeRecord({ dkim: fail, spf: fail, dkimResults: [{ domain: 'example.com', result: pass }] }),
      ),
    ).toBe(true);
    // A local override: the receiver says pass, auth_results show nothing aligned.
    expect(
      passesByVerdictOrAlignment(makeRecord({ dkim: pass, dkimResults: [{ domain: 'sendgrid.net', result: pass }] })),
    ).toBe(true);
    expect(passesByVerdictOrAlignment(makeRecord({ dkimResults: [{ domain: 'sendgrid.net', result: pass }] }))).toBe(
      false,
    );
  });
});

describe('classifyRecord', () => {
  const cause = (input: Parameters<typeof makeRecord>[0]) => {
    const record = makeRecord(input);
    return classifyRecord(record, identifySource(record));
  };

  it('compliant: an aligned DKIM or SPF pass', () => {
    expect(cause({ dkimResults: [{ domain: 'example.com', result: pass }] })).toBe('dmarc-pass');
    expect(
      cause({ envelopeFrom: 'bounce.example.com', spfResults: [{ domain: 'bounce.example.com', result: pass }] }),
    ).toBe('dmarc-pass');
  });

  it('takes an aligned pass in auth_results over a receiver that wrote fail (zoho.com fixture)', () => {
    expect(cause({ dkim: fail, spf: fail, dkimResults: [{ domain: 'example.com', result: pass }] })).toBe('dmarc-pass');
  });

  it('forwarded: the receiver’s override reason says so', () => {
    expect(cause({ reasons: [{ type: 'mailing_list' }], dkimResults: [{ domain: 'example.com', result: fail }] })).toBe(
      'receiver-says-forwarded',
    );
    expect(cause({ reasons: [{ type: 'trusted_forwarder' }] })).toBe('receiver-says-forwarded');
  });

  it('forwarded: a forwarder or list host, or the domain’s own signature arriving from elsewhere', () => {
    expect(cause({ envelopeFrom: 'improvmx.com', spfResults: [{ domain: 'improvmx.com', result: pass }] })).toBe(
      'forwarding-service',
    );
    expect(
      cause({
        dkimResults: [
          { domain: 'googlegroups.com', result: pass },
          { domain: 'example.com', result: fail },
        ],
      }),
    ).toBe('mailing-list');
    expect(
      cause({
        sourceIp: '198.51.100.7',
        dkimResults: [{ domain: 'example.com', selector: 's1', result: fail }],
        spfResults: [{ domain: 'relay.example.net', result: pass }],
      }),
    ).toBe('own-signature-relayed');
  });

  it('misconfigured: a known service without alignment, or the domain’s own tenant', () => {
    expect(
      cause({
        dkimResults: [{ domain: 'sendgrid.net', result: pass }],
        spfResults: [{ domain: 'sendgrid.net', result: pass }],
      }),
    ).toBe('service-unaligned');
    expect(cause({ dkimResults: [{ domain: 'example-com.20230601.gappssmtp.com', result: pass }] })).toBe(
      'own-tenant-unaligned',
    );
  });

  it('suspicious: a free-mail account, a cloud server or nothing recognisable, failing both', () => {
    expect(
      cause({
        envelopeFrom: 'gmail.com',
        dkimResults: [{ domain: 'gmail.com', result: pass }],
        spfResults: [{ domain: 'gmail.com', result: pass }],
      }),
    ).toBe('mailbox-account');
    expect(cause({ spfResults: [{ domain: 'spoof.example.net', result: 'softfail' }] })).toBe('unknown-failing');
  });
});

describe('causeOfFailure and receiverSaysForwarded', () => {
  it('agree with classifyRecord on failing records', () => {
    const records = [
      makeRecord({ envelopeFrom: 'improvmx.com', spfResults: [{ domain: 'improvmx.com', result: pass }] }),
      makeRecord({ dkimResults: [{ domain: 'sendgrid.net', result: pass }] }),
      makeRecord({ dkimResults: [{ domain: 'example-com.20230601.gappssmtp.com', result: pass }] }),
      makeRecord({ envelopeFrom: 'gmail.com', dkimResults: [{ domain: 'gmail.com', result: pass }] }),
      makeRecord({ dkimResults: [{ domain: 'example.com', selector: 's1', result: fail }] }),
      makeRecord({ spfResults: [{ domain: 'spoof.example.net', result: 'softfail' }] }),
    ];
    const expected = [
      'forwarding-service',
      'service-unaligned',
      'own-tenant-unaligned',
      'mailbox-account',
      'own-signature-relayed',
      'unknown-failing',
    ];
    expect(records.map((r) => classifyRecord(r, identifySource(r)))).toEqual(expected);
    expect(records.map((r) => causeOfFailure(identifySource(r), recordFacts(r, identifySource(r))))).toEqual(expected);
    expect(records.map(receiverSaysForwarded)).toEqual([false, false, false, false, false, false]);
    expect(
      receiverSaysForwarded(makeRecord({ reasons: [{ type: 'local_policy' }, { type: 'trusted_forwarder' }] })),
    ).toBe(true);
    expect(receiverSaysForwarded(makeRecord({ reasons: [{ type: 'sampled_out' }] }))).toBe(false);
  });
});
