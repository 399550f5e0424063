// The tool's entry (the built bundle's, and bin/'s through tsx). `--version` and `--help` are answered here, from
// modules that import nothing else, so they never load the core; every other command runs cli/run.ts.
import { USAGE } from './usage';
import { cliVersion } from './version';

const [first] = process.argv.slice(2);
if (first === '--version' || first === '-V') process.stdout.write(`${cliVersion()}\n`);
else if (first === '--help' || first === '-h') process.stdout.write(`${USAGE}\n`);
else await import('./run');
