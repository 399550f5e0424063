// The site's Content-Security-Policy, in one place for the two ways it is delivered: the header scripts/serve-site.mjs
// sends (`npm start`) and the <meta http-equiv> the build writes into index.html for any static host that cannot send
// headers. Plain JavaScript so that the Node server reads it without a build step.
//
// Everything the site loads is its own: the built scripts, styles, import workers, the ASN table and the sample
// reports. The only other hosts it may contact are the DNS-over-HTTPS servers the user can choose for live lookups
// (site/src/dns/dohResolver.ts DOH_SERVERS; a unit test keeps the two lists equal).

/** Origins of the DoH servers in site/src/dns/dohResolver.ts. */
export const DOH_ORIGINS = ['https://cloudflare-dns.com', 'https://dns.google'];

/**
 * Directives for both deliveries. style-src needs no 'unsafe-inline': Preact applies `style` props through the CSSOM
 * (element.style), which CSP does not govern, and the build emits no inline <style> or style attributes.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  `connect-src 'self' ${DOH_ORIGINS.join(' ')}`,
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * For the <meta> element. frame-ancestors is left out: CSP has browsers ignore it in a meta element (and warn), so only
 * the header can keep the site out of other sites' frames.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** For the HTTP header: the same, and no framing by any other page (clickjacking a drop zone or a delete button). */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
