// Peak memory of the CLI in each output format on one report file, its output read by a pipe (as `| wc -c` would).
// usage: node --import tsx test/cli/measureCli.ts FILE [FORMAT...]
// Prints one JSON line per format: {format, outputBytes, seconds, maxRssMB, status}.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const [file, ...asked] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node --import tsx test/cli/measureCli.ts FILE [json|csv|parsedmarc...]\n');
  process.exit(2);
}
const formats = asked.length ? asked : ['json', 'csv', 'parsedmarc'];
// The child reports its own peak resident set size as it exits.
const reportRss = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS='+process.resourceUsage().maxRSS+'\\n'))`;

for (const format of formats) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', reportRss, bin, 'parse', '--format', format, file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let outputBytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (outputBytes += chunk.length));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const maxRssKB = Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN);
  process.stdout.write(
    `${JSON.stringify({ format, outputBytes, seconds: Math.round((performance.now() - started) / 100) / 10, maxRssMB: Math.round(maxRssKB / 1024), status })}\n`,
  );
}
