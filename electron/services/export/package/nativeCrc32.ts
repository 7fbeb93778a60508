import { createRequire } from 'node:module';
import zlib from 'node:zlib';

type UnsignedCrc32 = (data: unknown, previous?: unknown) => number;
interface BufferCrc32 {
  unsigned: UnsignedCrc32;
}

let installed = false;

/**
 * yazl computes every entry's CRC-32 with `buffer-crc32`, a byte-by-byte table lookup in
 * JavaScript that costs about as much as writing the bytes to disk, and it cannot take a CRC
 * computed elsewhere for a streamed entry. Node's `zlib.crc32` (native, Node ≥ 20.15) is the same
 * CRC-32 with the same (data, previous) contract, an order of magnitude faster. This routes the
 * `buffer-crc32` instance yazl itself loads to it, keeping the JavaScript path for the argument
 * shapes zlib does not take (a 4-byte Buffer as the previous value). Idempotent.
 */
export function useNativeCrc32ForZip(): boolean {
  if (installed) return true;
  const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array | string, value?: number) => number }).crc32;
  if (typeof nativeCrc32 !== 'function') return false;
  const fromHere = createRequire(import.meta.url);
  // Resolved from yazl's own location, so it is the very module instance yazl calls.
  const crc = createRequire(fromHere.resolve('yazl'))('buffer-crc32') as BufferCrc32;
  const javascript = crc.unsigned;
  crc.unsigned = (data, previous) => {
    const bytes = typeof data === 'string' || data instanceof Uint8Array;
    const start = previous === undefined ? 0 : typeof previous === 'number' ? previous >>> 0 : undefined;
    if (!bytes || start === undefined) return javascript(data, previous);
    // An empty buffer may have no backing memory, and zlib answers crc32(NULL) with 0, not `start`.
    return data.length === 0 ? start : nativeCrc32(data, start);
  };
  installed = true;
  return true;
}
