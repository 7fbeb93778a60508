/** A word/character-level text diff for narratives: Myers' O((N+M)·D) algorithm over tokens. */

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

// Chinese is compared character by character; Latin words and numbers stay whole, so 「2025」→「2026」 reads as one change.
const TOKEN = /[A-Za-z0-9_.%]+|\s+|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Beyond this many differences the two texts are shown as one replacement: the detail would not help, and the work grows as D². */
export const MAX_EDIT_DISTANCE = 1500;
/** Myers costs about (N+M)·D steps: long texts get a smaller D, so a 200,000-character narrative never stalls the window. */
const MAX_WORK = 10_000_000;

function push(parts: DiffPart[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

function myers(a: string[], b: string[], maxD: number): DiffPart[] | null {
  const n = a.length;
  const m = b.length;
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice());
        return backtrack(a, b, trace, offset);
      }
    }
    trace.push(v.slice());
  }
  return null;
}

function backtrack(a: string[], b: string[], trace: Int32Array[], offset: number): DiffPart[] {
  const reversed: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ op: 'equal', text: a[x - 1]! });
      x--;
      y--;
    }
    if (x === prevX) {
      reversed.push({ op: 'insert', text: b[y - 1]! });
      y--;
    } else {
      reversed.push({ op: 'delete', text: a[x - 1]! });
      x--;
    }
  }
  while (x > 0 && y > 0) {
    reversed.push({ op: 'equal', text: a[x - 1]! });
    x--;
    y--;
  }
  const parts: DiffPart[] = [];
  for (let i = reversed.length - 1; i >= 0; i--) push(parts, reversed[i]!.op, reversed[i]!.text);
  return parts;
}

/** The parts that turn `before` into `after`: joining the equal+delete parts gives `before`, equal+insert gives `after`. */
export function diffText(before: string, after: string, maxD = MAX_EDIT_DISTANCE): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const budget = Math.max(1, Math.floor(MAX_WORK / Math.max(1, middleA.length + middleB.length)));
  const middle = myers(middleA, middleB, Math.min(maxD, budget)) ?? [
    { op: 'delete' as const, text: middleA.join('') },
    { op: 'insert' as const, text: middleB.join('') },
  ];
  for (const p of middle) push(parts, p.op, p.text);
  push(parts, 'equal', a.slice(endA).join(''));
  return parts;
}
