// JSON text of anything a report holds. Report fields typed `unknown` (vendor extensions, a report built in memory or
// restored from elsewhere) may hold what JSON.stringify throws on: a BigInt, or an object that contains itself.

/** JSON.stringify, except that a BigInt becomes its decimal text and a repeated ancestor becomes the text "[circular]". */
export function stringifyJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    // Only reached for the rare value above: the plain call keeps the usual path fast.
    return JSON.stringify(toPlainJson(value, new Set())) ?? 'null';
  }
}

function toPlainJson(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) return '[circular]';
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') {
    try {
      return toPlainJson(toJson.call(value), ancestors);
    } catch (error) {
      return `[unreadable: ${error instanceof Error ? error.message : 'toJSON failed'}]`;
    }
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toPlainJson(item, ancestors));
    const plain: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) plain[key] = toPlainJson(item, ancestors);
    return plain;
  } finally {
    ancestors.delete(value);
  }
}
