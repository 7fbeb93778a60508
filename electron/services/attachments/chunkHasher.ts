import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * SHA-256 over a file's chunks in order. `update` answers once the chunk's bytes are no longer
 * needed (the caller then refills its buffer). Either in this thread, or in a worker thread on
 * buffers that share memory with it, so a large copy (the package) hashes on one core while this
 * thread computes the zip's CRC-32 and drives the reads and writes: hashing was the largest share
 * of the package's time on the main thread.
 */
export interface ChunkHasher {
  update(chunk: Buffer): Promise<void>;
  digest(): Promise<string>;
  /** Abandons the hash (a failed read), releasing what it holds. */
  discard(): void;
}

export function inlineHasher(): ChunkHasher {
  const hash = createHash('sha256');
  return {
    update(chunk) {
      hash.update(chunk);
      return Promise.resolve();
    },
    digest: () => Promise.resolve(hash.digest('hex')),
    discard: () => undefined,
  };
}

/** Buffers a worker hasher can read without a copy. */
export function sharedBuffer(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size));
}

// CommonJS evaluated in the worker: no separate file for the bundlers to find, nothing but node:crypto.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  try {
    if (m.op === 'drop') { hashes.delete(m.session); return; }
    let hash = hashes.get(m.session);
    if (!hash) { hash = createHash('sha256'); hashes.set(m.session, hash); }
    if (m.op === 'update') {
      hash.update(new Uint8Array(m.memory, m.offset, m.length));
      parentPort.postMessage({ id: m.id });
    } else {
      hashes.delete(m.session);
      parentPort.postMessage({ id: m.id, digest: hash.digest('hex') });
    }
  } catch (e) {
    hashes.delete(m.session);
    parentPort.postMessage({ id: m.id, error: String(e && e.message || e) });
  }
});
`;

interface Reply {
  id: number;
  digest?: string;
  error?: string;
}

interface Pending {
  resolve: (digest: string | undefined) => void;
  reject: (e: Error) => void;
}

/** One worker for every hash in the process; it keeps the process alive only while it has work. */
class HashWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private nextSession = 0;
  dead = false;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.digest);
    });
    const fail = (e: unknown): void => {
      this.dead = true;
      const error = e instanceof Error ? e : new Error(`哈希计算线程意外退出（${String(e)}）`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(code));
  }

  session(): number {
    return this.nextSession++;
  }

  request(message: Record<string, unknown>): Promise<string | undefined> {
    if (this.dead) return Promise.reject(new Error('哈希计算线程已退出'));
    const id = this.nextId++;
    const answer = new Promise<string | undefined>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (this.pending.size === 1) this.worker.ref();
    this.worker.postMessage({ ...message, id });
    return answer;
  }

  drop(session: number): void {
    if (!this.dead) this.worker.postMessage({ op: 'drop', session });
  }
}

let shared: HashWorker | undefined;

function hashWorker(): HashWorker | undefined {
  if (shared && !shared.dead) return shared;
  try {
    shared = new HashWorker();
    return shared;
  } catch {
    // No worker threads here (a restricted runtime): hashing stays in this thread.
    return undefined;
  }
}

/** Starts the worker ahead of use (it takes tens of milliseconds to boot), e.g. while documents are printed. */
export function startHashWorker(): void {
  hashWorker();
}

/**
 * A hasher running in the shared worker for chunks in SharedArrayBuffer memory (see
 * `sharedBuffer`); falls back to this thread when no worker can be started. Every chunk must
 * come from shared memory.
 */
export function workerHasher(): ChunkHasher {
  const worker = hashWorker();
  if (!worker) return inlineHasher();
  const session = worker.session();
  return {
    async update(chunk) {
      if (!(chunk.buffer instanceof SharedArrayBuffer)) throw new Error('内部错误：工作线程只能计算共享内存中数据的哈希');
      await worker.request({ op: 'update', session, memory: chunk.buffer, offset: chunk.byteOffset, length: chunk.length });
    },
    async digest() {
      const digest = await worker.request({ op: 'digest', session });
      if (digest === undefined) throw new Error('哈希计算线程没有返回结果');
      return digest;
    },
    discard: () => worker.drop(session),
  };
}
