import { readFileSync } from 'node:fs';

/** Set by scripts/build-cli.mjs in the built tool; absent when the TypeScript runs through tsx in a clone. */
declare const DMARC_LENS_VERSION: string | undefined;

/** The package's version, for `dmarc-lens --version`. */
export function cliVersion(): string {
  if (typeof DMARC_LENS_VERSION === 'string') return DMARC_LENS_VERSION;
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return version;
}
