// Running work in a later task without setTimeout: browsers hold a timer set from inside a timer's callback, five
// deep, for at least 4 ms (and a background tab's timers for a second or more), so a loop that yields through
// setTimeout(0) runs a few hundred tasks a second at most. A message posted on a channel runs in the next task without
// that delay.

const waiting: Array<() => void> = [];
let channel: MessageChannel | undefined;

/** Calls `callback` in a task of its own, as soon as the page's earlier tasks have run. */
export function inNextTask(callback: () => void): void {
  if (channel === undefined) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  waiting.push(callback);
  channel.port2.postMessage(undefined);
}

/** Resolves in a task of its own (inNextTask). */
export const nextTask = (): Promise<void> => new Promise((resolve) => inNextTask(resolve));
