// Sentences of the extension as a monitor: saving, bulk import, sync, alerts and the digest. Keys start with `monitor.`.
export const monitorEn = {} as const;
