// Every `<record>` element of the fixture reports, as text, in the fixtures' order: what the record readers are held
// to each other on (readPlainRecords.test.ts, readByShape.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync, unzipSync } from 'fflate';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';

export function fixtureRecords(): string[] {
  const out: string[] = [];
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  for (const dir of readdirSync(FIXTURE_REPORTS, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(`${FIXTURE_REPORTS}${dir.name}`, { recursive: true }) as string[]) {
      const path = `${FIXTURE_REPORTS}${dir.name}/${name}`;
      const texts: string[] = [];
      try {
        const bytes = new Uint8Array(readFileSync(path));
        if (name.endsWith('.xml')) texts.push(decode(bytes));
        else if (name.endsWith('.gz')) texts.push(decode(gunzipSync(bytes)));
        else if (name.endsWith('.zip')) {
          for (const [member, data] of Object.entries(unzipSync(bytes)))
            if (member.endsWith('.xml')) texts.push(decode(data));
        }
      } catch {
        // Directories, damaged archives: the corpus tests cover those.
      }
      for (const text of texts) out.push(...(text.match(/<(?:\w+:)?record[\s>][\s\S]*?<\/(?:\w+:)?record\s*>/g) ?? []));
    }
  }
  return out;
}
