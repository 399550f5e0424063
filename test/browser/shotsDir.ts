// Where browser tests put the screenshots they take to be looked at: $SHOTS_DIR/<name> when set, else
// dist/screenshots/<name> inside the clone (never a path outside it).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function shotsDir(name: string): string {
  const dir = join(process.env.SHOTS_DIR ?? 'dist/screenshots', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
