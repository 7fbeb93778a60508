import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/commands/index';
import { openCliServices } from '../../../electron/cli/openCliServices';
import { runCli } from '../../../electron/cli/run';
import { openServices, type Services } from '../../../electron/services/index';
import { METHODS } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { ALLOWED_WORDS, englishWords } from '../../support/englishWords';
import { killCount } from '../../support/soak';
import { zipOf } from '../package/zipTools';
import { withEnd } from '../../support/zipBytes';
import { raw, startHarness, type Harness } from '../web/harness';

/**
 * Every channel a user reads messages from — each IPC method through dispatch, the HTTP API and
 * static server of browser mode, and every CLI verb — given invalid input, must answer in
 * Chinese: a message with an English word (other than an echo of the input or a format name) fails.
 */

const CJK = /[\u4e00-\u9fff]/;
const UUID = '00000000-0000-4000-8000-000000000000';
const WRONG = [12345, 'abc', true, [], {}, null, -1.5, 'x'.repeat(300)];

/** For each key of a method's input: one payload with only that key, of a type the key refuses. */
function wrongTypedPayloads(method: (typeof METHODS)[number]): Record<string, unknown>[] {
  const schema = contract[method].input as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> };
  const shape = schema.shape ?? (contract[method].input as unknown as { _zod: { def: { in?: { shape?: Record<string, never> } } } })._zod.def.in?.shape ?? {};
  const payloads: Record<string, unknown>[] = [{}, { unknownKey: 1 }];
  for (const [key, field] of Object.entries(shape)) {
    for (const wrong of WRONG) if (!field.safeParse(wrong).success) payloads.push({ [key]: wrong });
  }
  return payloads;
}

/** Near the real shapes with hostile values, as the fuzz test of the contract does. */
const nearShape = fc.dictionary(
  fc.constantFrom('id', 'trash', 'title', 'guideline', 'baseRevision', 'patch', 'content', 'revision', 'status', 'kind', 'name', 'values', 'keepCount', 'jobId', 'fileName', 'dataBase64', 'packJson', 'sourceText', 'sha256'),
  fc.oneof(fc.jsonValue(), fc.constant(UUID), fc.constant({ values: { 'project.name': 12 } }), fc.constant({ values: { constructor: 'x' } }), fc.integer()),
  { maxKeys: 4 },
);

/** Every key and every scalar of a payload, as text: what a message may echo back. */
function echoOf(payload: unknown, seen = new Set<unknown>()): string {
  if (payload === null || typeof payload !== 'object') return String(payload);
  if (seen.has(payload)) return '';
  seen.add(payload);
  const parts: string[] = [];
  for (const key of Reflect.ownKeys(payload)) {
    parts.push(String(key));
    parts.push(echoOf((payload as Record<PropertyKey, unknown>)[key], seen));
  }
  return parts.join(' ');
}

function expectChinese(message: string, echoed: string, where: string): void {
  expect(message, where).toMatch(CJK);
  expect(englishWords(message, echoed), `${where}: ${message}`).toEqual([]);
}

let services: Services;
let dataDir: string;
let base: string;
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'shenbao-chinese-'));
  dataDir = path.join(base, 'data');
  services = openServices({ dataDir, mode: 'test' });
});
afterAll(() => {
  services.close();
  rmSync(base, { recursive: true, force: true });
});

describe('IPC: every method through dispatch', () => {
  it('each key of each method given a wrong type, an empty and an unknown-key payload, and non-objects', async () => {
    let checked = 0;
    for (const method of METHODS) {
      for (const payload of [...wrongTypedPayloads(method), 42, 'text', [1]]) {
        const envelope = await dispatch(services.handlers, method, payload);
        if (envelope.ok) continue;
        checked++;
        expectChinese(envelope.error.message, echoOf(payload), `${method} ${JSON.stringify(payload)}`);
      }
    }
    console.log(`IPC：${METHODS.length} 个方法，核对错误消息 ${checked} 条`);
    expect(checked).toBeGreaterThan(METHODS.length * 2);
  });

  it('random payloads near the real shapes (handler errors included)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.oneof(nearShape, fc.anything()), async (method, payload) => {
        const envelope = await dispatch(services.handlers, method, payload);
        if (!envelope.ok) expectChinese(envelope.error.message, echoOf(payload), `${method} ${JSON.stringify(payload)}`);
      }),
      { numRuns: killCount(400, 4000, 'SHENBAO_CHINESE_RUNS') },
    );
  });
});

describe('HTTP: the browser-mode API and static server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('every method with invalid payloads, answered in Chinese', async () => {
    for (const method of METHODS) {
      for (const payload of wrongTypedPayloads(method).slice(0, 4)) {
        const envelope = await h.call(method, payload);
        if (envelope.ok) continue;
        expectChinese(envelope.error!.message, JSON.stringify(payload), `HTTP ${method}`);
      }
    }
  });

  it('transport errors: not JSON, wrong verb, no safety header, unknown method, too large, bad paths', async () => {
    const bodies: { res: Awaited<ReturnType<typeof raw>>; sent: string }[] = [
      { res: await h.api('draftsList', '{not json'), sent: '{not json' },
      { res: await h.get('/api/draftsList'), sent: '' },
      { res: await h.api('draftsList', {}, {}), sent: '' },
      { res: await h.api('noSuchMethod', {}), sent: 'noSuchMethod' },
      { res: await h.get('/assets/missing.js'), sent: 'assets/missing.js' },
      { res: await h.get('/%E0%A4%A'), sent: '' },
      { res: await h.get('/download/nope'), sent: 'nope' },
      { res: await raw(h.server.port, { path: '/' }), sent: '' },
    ];
    for (const { res, sent } of bodies) {
      const text = res.headers['content-type']?.toString().includes('json') ? (JSON.parse(res.body) as { error: { message: string } }).error.message : res.body.replace(/<[^>]*>/g, '');
      expectChinese(text, sent, `HTTP ${res.status}`);
    }
  });
});

describe('CLI: every verb with bad arguments and bad files', () => {
  /** The usage lines are literal command syntax the user types; their words are not English prose. */
  const syntax = new Set([
    ...ALLOWED_WORDS,
    'help',
    'data',
    'dir',
    ...COMMANDS.flatMap((c) => [...c.usage.matchAll(/[A-Za-z]{3,}/g)].map((m) => m[0])),
  ]);

  async function cli(args: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t), env: {} };
    const code = await runCli(['--data-dir', dataDir, ...args], io, (dir) => openCliServices(dir, io.stderr));
    return { code, out };
  }

  it('each failing run prints Chinese only', async () => {
    const files = path.join(base, 'files');
    mkdirSync(files, { recursive: true });
    const write = (name: string, content: string | Buffer) => {
      const file = path.join(files, name);
      writeFileSync(file, content);
      return file;
    };
    const notJson = write('broken.json', '{"format": "shenbao-draft", ');
    const wrongSchema = write('wrong.json', JSON.stringify({ format: 'shenbao-draft', formatVersion: 1, id: UUID, values: { 'project.name': {} } }));
    const forbidden = write('forbidden.json', '{"format":"shenbao-draft","values":{"constructor":"x"}}');
    const badPack = write('pack.json', JSON.stringify({ format: 'shenbao-pack', id: 'p', version: 'one', programs: 'none' }));
    const notZip = write('package.zip', '这不是压缩包');
    const hiding = write('hiding.zip', withEnd(await zipOf([{ name: 'manifest.json', data: Buffer.from('{}') }, { name: 'hidden.sh', data: Buffer.from('x') }]), { entries: 1 }));
    const noManifest = write('no-manifest.zip', await zipOf([{ name: 'a.txt', data: Buffer.from('x') }]));
    const badManifest = write(
      'bad-manifest.zip',
      await zipOf([
        { name: 'manifest.json', data: Buffer.from('{"format":"shenbao-package","files":[]}') },
        { name: 'draft.json', data: Buffer.from('{') },
      ]),
    );
    const foreign = write('foreign.json', JSON.stringify({ name: 'package', version: '1.0.0' }));
    const missing = path.join(files, 'missing.json');
    const runs: string[][] = [
      ['nosuchverb'],
      ['drafts'],
      ['drafts', 'list', '--bogus'],
      ['drafts', 'list', 'extra'],
      ['drafts', 'recover'],
      ['drafts', 'recover', UUID],
      ['drafts', 'recover', 'not-an-id'],
      ['drafts', 'export', UUID, '--out', path.join(files, 'out.json')],
      ['drafts', 'export', UUID],
      ['drafts', 'import', missing],
      ['drafts', 'import', notJson],
      ['drafts', 'import', wrongSchema],
      ['drafts', 'import', forbidden],
      ['guidelines', '--bogus'],
      ['guidelines', 'import', badPack],
      ['guidelines', 'import', notJson],
      ['new', '--guideline', 'nosuch', '--program', 'x', '--out', path.join(files, 'new.json')],
      ['new'],
      ['validate'],
      ['validate', notJson, wrongSchema, missing],
      ['validate', wrongSchema, '--at', 'someday'],
      ['export', wrongSchema],
      ['export', wrongSchema, '--out', files],
      ['verify', notZip],
      ['verify', hiding],
      ['verify', missing],
      ['verify', noManifest],
      ['verify', badManifest],
      ['drafts', 'import', foreign],
      ['backup', 'restore'],
      ['backup', 'restore', 'nosuch-backup'],
      ['backup', 'list', '--bogus'],
    ];
    let failures = 0;
    for (const args of runs) {
      const { code, out } = await cli(args);
      if (code === 0) continue;
      failures++;
      // A message may quote the file it read (a key, a path inside it) as well as the arguments.
      const echoed = [...args, ...args.filter((a) => a.startsWith(files) && existsSync(a) && statSync(a).isFile()).map((a) => readFileSync(a).toString('utf8'))].join(' ');
      expect(out, args.join(' ')).toMatch(CJK);
      for (const line of out.split('\n').filter((l) => l.trim() !== '')) {
        expect(englishWords(line, echoed, syntax), `shenbao ${echoed}: ${line}`).toEqual([]);
      }
    }
    console.log(`命令行：${runs.length} 次错误调用，失败退出 ${failures} 次，全部为中文`);
    expect(failures).toBe(runs.length);
  }, 120_000);
});
