// The offline copy's file list and version: every file of the build but the service worker, and a version that moves
// with any byte of any file (index.html and the ASN table keep their names from build to build).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compileServiceWorker, listPublicFiles, offlineFiles } from '../../site/offlineBuild';

const build = () =>
  new Map<string, string | Uint8Array>([
    ['index.html', '<!doctype html><title>DMARC Lens</title>'],
    ['assets/index-AbC123.js', 'console.log(1)'],
    ['data/asn-table.bin', new Uint8Array([1, 2, 3])],
    ['sw.js', 'old worker'],
  ]);

describe('offlineFiles', () => {
  it('lists every file but the service worker, sorted', () => {
    expect(offlineFiles(build(), 'sw.js').files).toEqual([
      'assets/index-AbC123.js',
      'data/asn-table.bin',
      'index.html',
    ]);
  });

  it('gives the same build the same version and a build differing in one byte of an unhashed file another', () => {
    const same = offlineFiles(build(), 'sw.js').version;
    expect(offlineFiles(build(), 'sw.js').version).toBe(same);
    const changed = build();
    changed.set('data/asn-table.bin', new Uint8Array([1, 2, 4]));
    expect(offlineFiles(changed, 'sw.js').version).not.toBe(same);
    const renamed = build();
    renamed.delete('index.html');
    renamed.set('index.htm', '<!doctype html><title>DMARC Lens</title>');
    expect(offlineFiles(renamed, 'sw.js').version).not.toBe(same);
    // The service worker's own text is not part of what it versions.
    const worker = build();
    worker.set('sw.js', 'another worker');
    expect(offlineFiles(worker, 'sw.js').version).toBe(same);
  });
});

describe('listPublicFiles', () => {
  it('lists site/public without dotfiles, with / separators', () => {
    const names = listPublicFiles(fileURLToPath(new URL('../../site/public', import.meta.url))).map((f) => f.name);
    expect(names).toContain('manifest.webmanifest');
    expect(names).toContain('icons/icon-192.png');
    expect(names.filter((name) => name.split('/').some((part) => part.startsWith('.')))).toEqual([]);
  });
});

describe('compileServiceWorker', () => {
  it('writes the list and the version into the worker', async () => {
    const offline = offlineFiles(build(), 'sw.js');
    const code = await compileServiceWorker(
      fileURLToPath(new URL('../../site/src/offline/serviceWorker.ts', import.meta.url)),
      offline,
    );
    expect(code).toContain(JSON.stringify(offline.files).slice(1, -1));
    expect(code).toContain(offline.version);
    expect(code).not.toMatch(/BUILD_FILES|BUILD_VERSION/);
  });
});
