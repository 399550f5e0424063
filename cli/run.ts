import { main, type CliIo } from './main';

let closed = false;
// The reader went away (`dmarc-lens parse … | head`): stop reading, without a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  closed = true;
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
};

process.exitCode = await main(process.argv.slice(2), io);
