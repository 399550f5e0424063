// The policy's connect-src lets the page reach exactly the DNS-over-HTTPS servers the user can choose, and nothing
// else beyond the site itself.
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  DOH_ORIGINS,
  META_CONTENT_SECURITY_POLICY,
} from '../../site/contentSecurityPolicy.mjs';
import { DOH_SERVERS } from '../../site/src/dns/dohResolver';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('contentSecurityPolicy', () => {
  it('connects to the site and the selectable DoH servers only', () => {
    const servers = [...new Set(DOH_SERVERS.map((server) => new URL(server.endpoint).origin))].sort();
    expect([...DOH_ORIGINS].sort()).toEqual(servers);
    expect(directives(CONTENT_SECURITY_POLICY).get('connect-src')).toEqual(["'self'", ...DOH_ORIGINS]);
  });

  it('is the same in the header and the meta element, except frame-ancestors, which a meta element cannot carry', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(meta.has('frame-ancestors')).toBe(false);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
    expect(header.get('default-src')).toEqual(["'self'"]);
    expect(header.get('script-src')).toEqual(["'self'"]);
    expect(header.get('object-src')).toEqual(["'none'"]);
    // No directive anywhere allows inline code, eval or arbitrary hosts.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|data:|blob:|http:/);
  });
});
