// Report strings (reporter names, report ids, domains, header from, DKIM domains, file names, failure-report headers,
// the raw XML) are written by whoever sent the report, and a right-to-left override or a zero-width space lets one
// display as something it is not: `exa\u202Emoc.elpmaxe\u202C` reads "exaexample.com". Rather than trusting every
// page to escape every such string (and every future page to remember), the site makes the characters visible where
// all text reaches the DOM: a Preact options hook sees each text node, and the attributes that are shown or read out,
// as they are created, and passes them through visibleText (core/report/visibleText.ts: ⟨U+202E⟩ instead of the
// character). The site's own texts hold none of these characters, so they pass unchanged; form values are left alone,
// as what the user types is theirs to see as typed.
import { options, type VNode } from 'preact';
import { visibleText } from '../../../core/report';

/** Attributes whose text a reader sees (a tooltip) or hears (an accessible name or description). */
const SHOWN_ATTRIBUTES = ['title', 'aria-label', 'aria-description', 'alt', 'placeholder'] as const;

let installed = false;

/** Installs the hook once (the site's App and the extension's dashboard both render App, which calls this). */
export function showInvisibleCharacters(): void {
  if (installed) return;
  installed = true;
  const next = options.vnode?.bind(options);
  options.vnode = (vnode: VNode) => {
    // A text node is a vnode without a type whose props are its text.
    if (vnode.type === null) {
      const text = vnode.props as unknown;
      if (typeof text === 'string') (vnode as { props: unknown }).props = visibleText(text);
    } else if (typeof vnode.type === 'string') {
      const props = vnode.props as Record<string, unknown>;
      for (const name of SHOWN_ATTRIBUTES) {
        const value = props[name];
        if (typeof value === 'string') props[name] = visibleText(value);
      }
    }
    next?.(vnode);
  };
}
