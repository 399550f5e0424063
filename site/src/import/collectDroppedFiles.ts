// Files from a drop, folders included (walked recursively through the File and Directory Entries API, which every
// current browser implements for drag and drop). System clutter (.DS_Store, __MACOSX/) is skipped.

/** The folders each dropped file was in (`reports/2024/`), from the entry's full path. */
const droppedFolders = new WeakMap<File, string>();

/**
 * The folders a file came from, `reports/2024/`, when it was dropped inside a folder or picked with a folder picker
 * (webkitRelativePath); '' for a loose file.
 */
export function folderOf(file: File): string {
  const path = droppedFolders.get(file) ?? file.webkitRelativePath ?? '';
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '' : path.slice(path.startsWith('/') ? 1 : 0, slash + 1);
}

function isClutter(name: string): boolean {
  return name.startsWith('.') || name === '__MACOSX' || name === 'Thumbs.db' || name === 'desktop.ini';
}

function fileOf(entry: FileSystemFileEntry): Promise<File | undefined> {
  return new Promise((resolve) => entry.file(resolve, () => resolve(undefined)));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
}

async function collect(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (isClutter(entry.name)) return;
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    if (file) {
      droppedFolders.set(file, entry.fullPath);
      out.push(file);
    }
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most ~100 entries per call: call until it returns none.
    for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
      for (const child of batch) await collect(child, out);
    }
  }
}

/** Must be called synchronously inside the drop handler: entries are only reachable during the event. */
export function collectDroppedFiles(dataTransfer: DataTransfer): Promise<File[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) return Promise.resolve(Array.from(dataTransfer.files));
  return (async () => {
    const out = [...loose];
    for (const entry of entries) await collect(entry, out);
    return out;
  })();
}
