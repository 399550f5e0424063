// Finding the start and end tags the aggregate reader splits documents at (`<feedback`, `</record>`…, with any
// namespace prefix) by searching for the element's name and checking around it, instead of running a regular
// expression that tries a prefix at every `<` of a report. It finds exactly what these expressions find:
//   start: /<((?:[A-Za-z_][\w.-]*:)?NAME)(?=[\s>/])/g    end: /<\/(?:[A-Za-z_][\w.-]*:)?NAME\s*>/g
// (test/core/report/findTag.test.ts holds it to them).

export interface FoundTag {
  /** Where the tag starts (its `<`). */
  index: number;
  /** Where the match ends: after the name of a start tag, after the `>` of an end tag. */
  end: number;
  /** The name as written, prefix included. */
  name: string;
}

const LT = 60;
const SLASH = 47;
const COLON = 58;
const AFTER_START_NAME = /[\s>/]/y;
const END_OF_END_TAG = /\s*>/y;

/** [\w.-] */
function isPrefixChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/** The leftmost start (`<name` followed by a blank, `>` or `/`) or end tag (`</name>`) of `local` at or after `from`. */
export function findTag(text: string, local: string, from: number, kind: 'start' | 'end'): FoundTag | null {
  const lead = kind === 'end' ? 2 : 1;
  for (let at = text.indexOf(local, from + lead); at !== -1; at = text.indexOf(local, at + 1)) {
    // Back over an optional `prefix:` ([A-Za-z_][\w.-]*:) to what must be `<` or `</`.
    let nameStart = at;
    if (text.charCodeAt(at - 1) === COLON) {
      let p = at - 1;
      while (p > 0 && isPrefixChar(text.charCodeAt(p - 1))) p--;
      const first = text.charCodeAt(p);
      if (p === at - 1 || !((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95)) continue;
      nameStart = p;
    }
    const index = nameStart - lead;
    if (index < from) continue;
    if (text.charCodeAt(index) !== LT || (kind === 'end' && text.charCodeAt(index + 1) !== SLASH)) continue;
    const nameEnd = at + local.length;
    if (kind === 'start') {
      AFTER_START_NAME.lastIndex = nameEnd;
      if (!AFTER_START_NAME.test(text)) continue;
      return { index, end: nameEnd, name: text.slice(nameStart, nameEnd) };
    }
    END_OF_END_TAG.lastIndex = nameEnd;
    if (!END_OF_END_TAG.test(text)) continue;
    return { index, end: END_OF_END_TAG.lastIndex, name: text.slice(nameStart, nameEnd) };
  }
  return null;
}
