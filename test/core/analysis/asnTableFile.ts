// Test helper: the generated ASN table bytes, building site/public/data/asn-table.bin first when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readAsnTable, type AsnTable } from '../../../core/analysis/readAsnTable';

const tablePath = fileURLToPath(new URL('../../../site/public/data/asn-table.bin', import.meta.url));
const buildScript = fileURLToPath(new URL('../../../scripts/build-asn-table.mjs', import.meta.url));

let cached: AsnTable | undefined;

export function asnTableBytes(): Uint8Array {
  if (!existsSync(tablePath)) execFileSync(process.execPath, [buildScript], { stdio: 'inherit' });
  return new Uint8Array(readFileSync(tablePath));
}

export function loadAsnTableForTest(): AsnTable {
  if (cached) return cached;
  const result = readAsnTable(asnTableBytes());
  if (!result.ok) throw new Error(result.error.message);
  cached = result.table;
  return cached;
}
