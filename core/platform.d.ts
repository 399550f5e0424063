// The web-platform globals core/ may use: present in browsers, workers, extension service workers and Node ≥ 20.
// Anything not declared here (DOM, extension APIs, Node modules) is deliberately a compile error inside core/.

interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const console: {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};
declare function queueMicrotask(callback: () => void): void;
/** Base64 of a binary string (each char code 0–255) and back. */
declare function btoa(data: string): string;
declare function atob(data: string): string;
