// A build step for the extension's bundles: Preact's one assignment to innerHTML (how it renders a
// `dangerouslySetInnerHTML` prop) becomes a thrown error. AMO's linter (`web-ext lint`) warns about any assignment to
// innerHTML it cannot prove safe, and Preact's sits in the chunk every extension page shares. Nothing in the site or
// the extension renders raw HTML (test/conventions.test.ts holds that: no HTML sinks), so no page loses anything, and
// the packages lint without warnings. Imported by wxt.config.ts, at build time only.
import type { Plugin } from 'vite';

/** Preact's compiled module, whichever way the path is written. */
const PREACT_MODULE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;

/** `dom.innerHTML = props.__html` in Preact's minified diff, with whatever names the minifier gave the two. */
const INNER_HTML_ASSIGNMENT = /\b([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\b/g;

const REFUSAL = '(()=>{throw new Error("DMARC Lens renders no raw HTML: dangerouslySetInnerHTML is left out")})()';

/** Preact's code with its innerHTML assignment replaced, and how many were replaced (1 for the Preact we know). */
export function withoutInnerHtml(code: string): { code: string; replaced: number } {
  let replaced = 0;
  const out = code.replace(INNER_HTML_ASSIGNMENT, () => {
    replaced++;
    return REFUSAL;
  });
  return { code: out, replaced };
}

export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'dmarc-lens:preact-without-inner-html',
    transform(code, id) {
      if (!PREACT_MODULE.test(id.split('?')[0]!)) return null;
      const { code: out, replaced } = withoutInnerHtml(code);
      // Another Preact writes it another way: stop the build rather than ship a package the store's linter flags.
      if (replaced !== 1)
        this.error(
          `Preact's innerHTML assignment was found ${replaced} times in ${id}; expected once (update ${PREACT_MODULE.source})`,
        );
      return { code: out, map: null };
    },
  };
}
