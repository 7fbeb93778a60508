/**
 * Encodes text as GBK for tests that need what Windows writes on a Chinese system. There is no GBK
 * TextEncoder, so the table is built once by decoding every two-byte GBK code with TextDecoder:
 * the encoder is then exactly the inverse of the decoder the app uses.
 */
let table: Map<string, number> | null = null;

function buildTable(): Map<string, number> {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const map = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let char: string;
      try {
        char = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (char.length === 1 && !map.has(char)) map.set(char, (lead << 8) | trail);
    }
  }
  return map;
}

export function encodeGbk(text: string): Buffer {
  table ??= buildTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(char);
    if (pair === undefined) throw new Error(`not encodable in GBK: ${char}`);
    bytes.push(pair >> 8, pair & 0xff);
  }
  return Buffer.from(bytes);
}
