// The failure list hides the local part of every address it shows until the user asks to see them: the addresses of
// real failure reports (test/fixtures/reports) and the forms headers write them in.
import { describe, expect, it } from 'vitest';
import { redactAddress } from '../../../site/src/dashboard/FailuresList';

describe('redactAddress', () => {
  it.each([
    ['sender@example.com', 's***@example.com'],
    ['Sender <sender@example.com>', 'Sender <s***@example.com>'],
    ['John Doe <john.doe@example.com>', 'John Doe <j***@example.com>'],
    ['sharepoint@domain.de', 's***@domain.de'],
    ['"Doe, John" <john@example.com>', '"Doe, John" <j***@example.com>'],
    ['a@x.test, bob@y.test', 'a***@x.test, b***@y.test'],
    ['bounce+srs=abc=x@lists.example.org', 'b***@lists.example.org'],
  ])('%j shows as %j', (address, shown) => expect(redactAddress(address)).toBe(shown));

  it('leaves text without an address as it is, and shows a dash for none', () => {
    expect(redactAddress('example.com')).toBe('example.com');
    expect(redactAddress(undefined)).toBe('–');
    expect(redactAddress('')).toBe('–');
  });
});
