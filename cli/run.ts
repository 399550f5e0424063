import { main, type CliIo } from './main';

let closed = false;
// The reader went away (`dmarc-lens parse … | head`, EPIPE) or the output failed: stop reading, without a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  closed = true;
  if (error.code !== 'EPIPE') {
    process.stderr.write(`dmarc-lens: cannot write the output (${error.code ?? error.message})\n`);
    process.exitCode = 1;
  }
  process.stdout.emit('drain');
});

const io: CliIo = {
  out: {
    get closed() {
      return closed;
    },
    write(text) {
      if (!closed) process.stdout.write(text);
    },
    ready() {
      if (closed || !process.stdout.writableNeedDrain) return Promise.resolve();
      return new Promise((resolve) => process.stdout.once('drain', resolve));
    },
  },
  err: (line) => process.stderr.write(`${line}\n`),
  terminal: {
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    stdoutIsTty: process.stdout.isTTY === true,
  },
};

const status = await main(process.argv.slice(2), io);
process.exitCode = Math.max(status, Number(process.exitCode ?? 0));
