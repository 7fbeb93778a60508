/**
 * Files from strangers, through the same handlers every host uses: a guideline pack
 * (guidelinesImport), a draft file (draftsImport) and a submission package (exportVerify). Each
 * hostile variant is refused with a Chinese message that names the problem, and leaves the store
 * and the data directory exactly as they were.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsafePackageError } from '../../../electron/services/export/verify/readZipSafely';
import { verifyPackage } from '../../../electron/services/export/verify/verifyPackage';
import { ZIP_LIMITS } from '../../../electron/services/export/verify/readZipSafely';
import { openServices, type Services } from '../../../electron/services/index';
import { emptyRegistry } from '../../../electron/services/packs/registry';
import { MANIFEST_FILE } from '../../../shared/export/manifest';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { VerifyResult } from '../../../shared/export/manifest';
import { dumpDatabase, makeTempDir } from '../../support/tempStore';
import { zipOf } from '../package/zipTools';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PACK = readFileSync(path.join(ROOT, 'resources/guidelines/chengguan-2020/pack.json'), 'utf8');
const SOURCE = readFileSync(path.join(ROOT, 'resources/guidelines/chengguan-2020/source.txt'), 'utf8');
const DRAFT = readFileSync(path.join(ROOT, 'test/fixtures/packs/chengguan-2020/valid-tech-enterprise.json'), 'utf8');

type Json = Record<string, unknown>;
/** A copy of a JSON text with one change made to its parsed value. */
const edited = (text: string, change: (v: Json) => void): string => {
  const value = JSON.parse(text) as Json;
  change(value);
  return JSON.stringify(value);
};
/** Inserts a raw member right after the opening brace (JSON.stringify would drop or rename these keys). */
const withRawKey = (text: string, member: string): string => text.replace(/^\s*\{/, `{${member},`);
/** Inserts a raw member into the second object of the text (one level down or more). */
const withDeepKey = (text: string, member: string): string => {
  const at = text.indexOf('{', text.indexOf('{') + 1);
  return `${text.slice(0, at + 1)}${member},${text.slice(at + 1)}`;
};
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

interface Hostile {
  name: string;
  text: string;
  message: RegExp;
}

/** What every JSON file from a stranger is tried with; `base` is a valid file of its kind. */
function hostileJson(base: string, tooBigBytes: number, schemaBreak: (v: Json) => void, schemaMessage: RegExp): Hostile[] {
  return [
    { name: 'over the size limit', text: withRawKey(base, `"pad":"${'x'.repeat(tooBigBytes)}"`), message: /过大|不能超过/ },
    { name: 'nested deeper than the limit', text: withRawKey(base, `"deep":${nested(200)}`), message: /嵌套|层/ },
    { name: '__proto__ key', text: withRawKey(base, '"__proto__":{"polluted":true}'), message: /__proto__/ },
    { name: 'constructor key', text: withRawKey(base, '"constructor":{"prototype":{"polluted":true}}'), message: /constructor/ },
    { name: 'prototype key deep inside', text: withDeepKey(base, '"prototype":1'), message: /prototype/ },
    { name: 'not JSON', text: base.slice(0, base.length / 2), message: /JSON|意外结束|第 \d+ 行/ },
    { name: 'fails the schema', text: edited(base, schemaBreak), message: schemaMessage },
  ];
}

let temp: ReturnType<typeof makeTempDir>;
let services: Services;

/** Every file under the data directory with its size (the database is compared by content). */
function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/^shenbao\.db(-wal|-shm)?$/.test(e.name)) out.push(`${path.relative(dir, p)} ${statSync(p).size}`);
    }
  };
  walk(dir);
  return out.sort();
}

async function expectRefusedAndNothingChanged(method: 'guidelinesImport' | 'draftsImport', payload: unknown, message: RegExp): Promise<void> {
  const before = { db: dumpDatabase(services.db), files: filesOf(temp.dir) };
  const envelope = await dispatch(services.handlers, method, payload);
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return;
  expect(envelope.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(envelope.error.message).toMatch(message);
  expect({ db: dumpDatabase(services.db), files: filesOf(temp.dir) }).toEqual(before);
}

beforeAll(async () => {
  temp = makeTempDir();
  services = openServices({ dataDir: temp.dir, mode: 'test' });
  // Something in the store already, so "unchanged" means more than "still empty".
  const seeded = await dispatch(services.handlers, 'draftsImport', { content: DRAFT });
  expect(seeded.ok).toBe(true);
});
afterAll(() => {
  services.close();
  temp.cleanup();
});

describe('a guideline pack from a stranger (guidelinesImport)', () => {
  const cases = hostileJson(PACK, 8 * 1024 * 1024, (p) => ((p.programs as Json[])[0]!.name = 42), /专项 › 第 1 项 › 名称：应为文字，实际是数字/);
  for (const c of cases) {
    it(`${c.name}: refused, named, nothing installed`, async () => {
      await expectRefusedAndNothingChanged('guidelinesImport', { packJson: c.text, sourceText: SOURCE }, c.message);
    });
  }
  it('a quote that is not in the source text: refused, named, nothing installed', async () => {
    const packJson = edited(PACK, (p) => {
      p.version = '9.0.0';
      (p.clauses as Json[])[0]!.quote = '原文中没有的一句话';
    });
    await expectRefusedAndNothingChanged('guidelinesImport', { packJson, sourceText: SOURCE }, /clauses\.0\.quote/);
  });
});

describe('a draft file from a stranger (draftsImport)', () => {
  const cases = hostileJson(DRAFT, 20 * 1024 * 1024, (d) => ((d.values as Json)['project.name'] = { nested: 'object' }), /项目名称：类型不正确/);
  for (const c of cases) {
    it(`${c.name}: refused, named, store unchanged`, async () => {
      await expectRefusedAndNothingChanged('draftsImport', { content: c.text }, c.message);
    });
  }
});

describe('a submission package from a stranger (exportVerify)', () => {
  const manifestCases = hostileJson(
    JSON.stringify({ format: 'shenbao-package', formatVersion: 1, tool: { name: '申报通', version: '1.0.0' }, files: [] }),
    20 * 1024 * 1024,
    (m) => (m.files = 'none'),
    /清单文件格式不正确/,
  ).filter((c) => c.name !== 'over the size limit');
  for (const c of manifestCases) {
    it(`manifest.json ${c.name}: reported as manifest_invalid, named, nothing written`, async () => {
      const before = { db: dumpDatabase(services.db), files: filesOf(temp.dir) };
      const bytes = await zipOf([{ name: MANIFEST_FILE, data: Buffer.from(c.text) }]);
      const envelope = await dispatch(services.handlers, 'exportVerify', { fileName: '申报包.zip', base64: bytes.toString('base64') });
      expect(envelope.ok).toBe(true);
      const result = (envelope.ok ? envelope.data : null) as VerifyResult;
      const problem = result.problems.find((p) => p.code === 'manifest_invalid');
      expect(problem?.message).toMatch(c.message);
      expect({ db: dumpDatabase(services.db), files: filesOf(temp.dir) }).toEqual(before);
    });
  }

  it(`declared contents over ${ZIP_LIMITS.maxTotalUncompressed / 2 ** 30} GB in total: refused from the directory, before any entry is read`, async () => {
    // Two entries whose declared sizes stay under the per-entry ratio limit but together pass the total cap.
    const declared = ZIP_LIMITS.maxTotalUncompressed / 2 + 1024 * 1024;
    const chunk = Math.ceil(declared / ZIP_LIMITS.maxRatio) + 64 * 1024;
    const zip = await zipOf([
      { name: 'a.bin', data: randomBytes(chunk) },
      { name: 'b.bin', data: randomBytes(chunk) },
    ]);
    const error = await verifyPackage(declareUncompressedSizes(zip, declared), { packs: emptyRegistry() }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsafePackageError);
    expect((error as Error).message).toMatch(/解压后超过 2 GB/);
  });
});

/** Rewrites the uncompressed size of every central-directory record (what a reader checks before reading). */
function declareUncompressedSizes(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = out.indexOf(0x02014b50 & 0xff); at >= 0 && at < out.length - 4; at = out.indexOf(0x50, at + 1)) {
    if (out.readUInt32LE(at) === 0x02014b50) out.writeUInt32LE(size, at + 24);
  }
  return out;
}
