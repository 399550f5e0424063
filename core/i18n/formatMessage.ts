// Filling a catalogue template. `{name}` is a parameter; `{name, plural, one {# report} other {# reports}}` picks
// the branch for the number `name` by the language's plural rules (Intl.PluralRules), with `=0 {…}` style exact
// matches first, and `#` in a branch is that number written the language's way. Any other brace is text, so a
// template can show `%{…}` or `{…}` as they are. A parameter that is not given stays as written, which a test or a
// reader notices, rather than becoming an empty hole.

export type MessageParam = string | number;
export type MessageParams = Readonly<Record<string, MessageParam>>;

type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'number' }
  | {
      readonly kind: 'plural';
      readonly name: string;
      readonly source: string;
      readonly branches: ReadonlyMap<string, readonly Part[]>;
    };

const PARAM = /\{(\w+)\}/y;
const PLURAL_START = /\{(\w+)\s*,\s*plural\s*,/y;
const SELECTOR = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
const CLOSE = /\s*\}/y;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** The parts from `start` up to the end, or, inside a plural branch, up to its closing brace (its index is `end`). */
function parseParts(text: string, start: number, inBranch: boolean): { parts: Part[]; end: number } | undefined {
  const parts: Part[] = [];
  let literal = '';
  const flush = () => {
    if (literal) parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  let at = start;
  while (at < text.length) {
    const char = text[at]!;
    if (inBranch && char === '}') {
      flush();
      return { parts, end: at };
    }
    if (inBranch && char === '#') {
      flush();
      parts.push({ kind: 'number' });
      at += 1;
      continue;
    }
    if (char === '{') {
      const param = matchAt(PARAM, text, at);
      if (param) {
        flush();
        parts.push({ kind: 'param', name: param[1]! });
        at += param[0].length;
        continue;
      }
      const plural = parsePlural(text, at);
      if (plural) {
        flush();
        parts.push(plural.part);
        at = plural.end;
        continue;
      }
    }
    literal += char;
    at += 1;
  }
  if (inBranch) return undefined;
  flush();
  return { parts, end: at };
}

function parsePlural(text: string, start: number): { part: Part; end: number } | undefined {
  const head = matchAt(PLURAL_START, text, start);
  if (!head) return undefined;
  const branches = new Map<string, readonly Part[]>();
  let at = start + head[0].length;
  for (;;) {
    const close = matchAt(CLOSE, text, at);
    if (close) {
      at += close[0].length;
      break;
    }
    const selector = matchAt(SELECTOR, text, at);
    if (!selector) return undefined;
    const branch = parseParts(text, at + selector[0].length, true);
    if (!branch) return undefined;
    branches.set(selector[1]!, branch.parts);
    at = branch.end + 1;
  }
  if (!branches.has('other')) return undefined;
  return { part: { kind: 'plural', name: head[1]!, source: text.slice(start, at), branches }, end: at };
}

const parsed = new Map<string, readonly Part[]>();

function partsOf(template: string): readonly Part[] {
  let parts = parsed.get(template);
  if (!parts) {
    parts = parseParts(template, 0, false)?.parts ?? [{ kind: 'text', text: template }];
    parsed.set(template, parts);
  }
  return parts;
}

/** How numbers are written and plurals chosen: one per language. */
export interface NumberStyle {
  /** Writes a number that fills `{name}` or `#`. */
  number: (value: number) => string;
  /** The plural category of a number ("one", "other", …). */
  pluralCategory: (value: number) => string;
}

const styles = new Map<string, NumberStyle>();

/** The plural rules and number format of `locale` (a BCP 47 tag), made once per tag. */
export function numberStyle(locale: string): NumberStyle {
  let style = styles.get(locale);
  if (!style) {
    const numbers = new Intl.NumberFormat(locale);
    const plurals = new Intl.PluralRules(locale);
    style = { number: (value) => numbers.format(value), pluralCategory: (value) => plurals.select(value) };
    styles.set(locale, style);
  }
  return style;
}

function render(parts: readonly Part[], params: MessageParams, style: NumberStyle, count: number | undefined): string {
  let out = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.text;
        break;
      case 'number':
        out += count === undefined ? '#' : style.number(count);
        break;
      case 'param': {
        const value = params[part.name];
        out += value === undefined ? `{${part.name}}` : typeof value === 'number' ? style.number(value) : value;
        break;
      }
      case 'plural': {
        const value = params[part.name];
        if (typeof value !== 'number') {
          out += part.source;
          break;
        }
        const branch =
          part.branches.get(`=${value}`) ??
          part.branches.get(style.pluralCategory(value)) ??
          part.branches.get('other')!;
        out += render(branch, params, style, value);
        break;
      }
    }
  }
  return out;
}

/** `template` with its parameters filled in, numbers and plurals in `style` (from `numberStyle(locale)`). */
export function formatMessage(template: string, params: MessageParams, style: NumberStyle): string {
  return render(partsOf(template), params, style, undefined);
}

/** The names of the parameters a template uses, each once, in order of first use (plural counts included). */
export function templateParams(template: string): string[] {
  const names = new Set<string>();
  const collect = (parts: readonly Part[]) => {
    for (const part of parts) {
      if (part.kind === 'param') names.add(part.name);
      if (part.kind === 'plural') {
        names.add(part.name);
        for (const branch of part.branches.values()) collect(branch);
      }
    }
  };
  collect(partsOf(template));
  return [...names];
}

/**
 * The parameter names of a template as a type, so a call can be checked against the English: `{name}` gives `name`,
 * a plural gives its count's name. A brace holding anything but a word (`%{…}`) is text.
 */
export type TemplateParams<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? | (Name extends `${infer Count},${string}plural${string}`
        ? Count
        : Name extends `${string}${' ' | '…' | '#' | '{' | ','}${string}`
          ? never
          : Name)
    | TemplateParams<Rest>
  : never;
