import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/index';
import { createChromiumPrinter } from '../../../electron/services/export/pdf/chromiumPrinter';
import { verifyPackage } from '../../../electron/services/export/verify/verifyPackage';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { PackageManifestSchema } from '../../../shared/export/manifest';
import { makeTempDir } from '../store/helpers';
import { openAt, seedFixture } from './packageFixture';
import { unzip, zipOf } from './zipTools';

const printer = createChromiumPrinter();
let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let packagePath: string;
let packageBytes: Buffer;
let files: Map<string, Buffer>;

async function buildOnce(): Promise<string> {
  const id = await seedFixture(services);
  const { jobId } = services.exports.startPackage(id);
  const status = await services.exports.settled(jobId);
  expect(status, JSON.stringify(status)).toMatchObject({ state: 'done', progress: 1 });
  const done = services.exports.finished(jobId);
  if (!done) throw new Error('no finished file');
  return done.path;
}

beforeAll(async () => {
  temp = makeTempDir('shenbao-package-');
  services = openAt(temp.dir, { printer });
  packagePath = await buildOnce();
  packageBytes = readFileSync(packagePath);
  files = await unzip(packageBytes);
}, 120_000);

afterAll(async () => {
  services.close();
  await printer.close();
  temp.cleanup();
});

const verify = (source: string | Buffer) => verifyPackage(source, { packs: openPackRegistry({ dataDir: temp.dir }) });

async function withChangedEntries(change: (entries: Map<string, Buffer>) => void): Promise<Buffer> {
  const copy = new Map(files);
  change(copy);
  return zipOf([...copy].map(([name, data]) => ({ name, data })));
}

function flipOneByte(data: Buffer): Buffer {
  const out = Buffer.from(data);
  const at = Math.floor(out.length / 2);
  out[at] = out[at]! ^ 0x01;
  return out;
}

describe('the submission package', () => {
  it('holds the documents, the renamed attachments, the self-check sheet, draft.json and a manifest of every file', () => {
    const names = [...files.keys()];
    expect(names).toEqual(
      expect.arrayContaining(['申报书.docx', '申报书.pdf', '形式审查自查表.pdf', 'draft.json', 'manifest.json']),
    );
    const attachments = names.filter((n) => n.startsWith('附件'));
    expect(attachments.length).toBe(3);
    for (const name of attachments) expect(name).toMatch(/^附件[1-9]\d*-[^/\\]+\.pdf$/);

    const manifest = PackageManifestSchema.parse(JSON.parse(files.get('manifest.json')!.toString('utf8')));
    expect(manifest.pack).toMatchObject({ id: 'xinjiang-aid-2022', version: '1.0.0' });
    expect(manifest.validation.errors).toBe(0);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
    const original = manifest.files.find((f) => f.role === 'attachment' && f.originalName === '科技合作协议-天山绿能与清源电力.pdf');
    expect(original?.path).toMatch(/^附件[1-9]\d*-.+\.pdf$/);
    expect(files.get('申报书.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(files.get('申报书.docx')!.subarray(0, 2).toString()).toBe('PK');
  });

  it('prints a self-check sheet listing every checklist item and rule with its verdict and the signature lines', () => {
    const pdf = path.join(temp.dir, 'selfcheck.pdf');
    writeFileSync(pdf, files.get('形式审查自查表.pdf')!);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('形式审查自查表');
    expect(text).toContain('附件清单');
    expect(text).toContain('通过');
    expect(text).toContain('不适用');
    expect(text).toContain('单位管理员（签字）');
    expect(text).toContain('依据');
  });

  it('one attachment numbering: 附件N-名称 in the zip is 附件N of the book’s 附件清单 and row 附件N of the 自查表; no draft id or revision on the sheet', () => {
    const textOf = (name: string, layout = false): string => {
      const file = path.join(temp.dir, `read-${name}`);
      writeFileSync(file, files.get(name)!);
      const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
      return layout ? text : text.replace(/\s+/g, '');
    };
    const bookLines = textOf('申报书.pdf', true).split('\n');
    const sheet = textOf('形式审查自查表.pdf').replace(/\s+/g, '');
    const sheetLines = textOf('形式审查自查表.pdf', true).split('\n');
    const attachments = [...files.keys()].filter((n) => n.startsWith('附件'));
    expect(attachments.length).toBeGreaterThan(0);
    for (const name of attachments) {
      const [, no, base] = /^附件(\d+)-(.+?)(?:（\d+）)?\.pdf$/.exec(name)!;
      const rowStart = new RegExp(`^\\s*附件${no}\\s+${Array.from(base!).slice(0, 6).join('')}`);
      expect(bookLines.some((l) => rowStart.test(l)), name).toBe(true);
      // The sheet's row starts 「附件N  <item name>」 (its name may wrap inside the cell).
      expect(sheetLines.some((l) => rowStart.test(l)), name).toBe(true);
      expect(sheet, name).toContain(name);
    }
    const draft = JSON.parse(files.get('draft.json')!.toString('utf8')) as { id: string };
    expect(sheet).not.toContain(draft.id);
    expect(sheet).not.toMatch(/草稿编号|修订号/);
  });

  it('passes verification untouched, from its path and from its bytes', async () => {
    const fromPath = await verify(packagePath);
    expect(fromPath.problems).toEqual([]);
    expect(fromPath.ok).toBe(true);
    expect(fromPath.summary).toMatchObject({ packId: 'xinjiang-aid-2022', packVersion: '1.0.0', validation: { errors: 0 } });
    expect((await verify(packageBytes)).ok).toBe(true);
  });

  it('names the file when any single byte of any file is changed', async () => {
    for (const name of files.keys()) {
      if (name === 'manifest.json') continue;
      const tampered = await withChangedEntries((m) => m.set(name, flipOneByte(m.get(name)!)));
      const result = await verify(tampered);
      expect(result.ok, name).toBe(false);
      expect(result.problems.filter((p) => p.code === 'tampered_file').map((p) => p.file)).toEqual([name]);
    }
  });

  it('names a removed file and an added file', async () => {
    const victim = [...files.keys()].find((n) => n.startsWith('附件'))!;
    const result = await verify(
      await withChangedEntries((m) => {
        m.delete(victim);
        m.set('附件99-补充材料.pdf', Buffer.from('%PDF-1.4 extra'));
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'missing_file', file: victim }),
        expect.objectContaining({ code: 'extra_file', file: '附件99-补充材料.pdf' }),
      ]),
    );
  });

  it('names the file whose hash in the manifest was edited', async () => {
    const result = await verify(
      await withChangedEntries((m) => {
        const manifest = JSON.parse(m.get('manifest.json')!.toString('utf8'));
        manifest.files[0].sha256 = '0'.repeat(64);
        m.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
      }),
    );
    const first = PackageManifestSchema.parse(JSON.parse(files.get('manifest.json')!.toString('utf8'))).files[0]!.path;
    expect(result.problems).toEqual([expect.objectContaining({ code: 'tampered_file', file: first })]);
  });

  it('reports a pack version that is not installed and a pack whose content differs', async () => {
    const edit = (change: (manifest: { pack: { version: string; contentHash: string } }) => void) =>
      withChangedEntries((m) => {
        const manifest = JSON.parse(m.get('manifest.json')!.toString('utf8'));
        change(manifest);
        m.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
      });
    const version = await verify(await edit((m) => (m.pack.version = '9.9.9')));
    expect(version.problems).toEqual([expect.objectContaining({ code: 'pack_version_missing' })]);
    expect(version.problems[0]!.message).toContain('9.9.9');
    const hash = await verify(await edit((m) => (m.pack.contentHash = 'f'.repeat(64))));
    expect(hash.problems).toEqual([expect.objectContaining({ code: 'pack_hash_mismatch' })]);
  });

  it('re-validates draft.json with the named pack version and reports its errors', async () => {
    const result = await verify(
      await withChangedEntries((m) => {
        const draft = JSON.parse(m.get('draft.json')!.toString('utf8'));
        draft.declarations['decl.necessity'] = false;
        const bytes = Buffer.from(JSON.stringify(draft));
        m.set('draft.json', bytes);
      }),
    );
    const codes = result.problems.map((p) => p.code).sort();
    expect(codes).toEqual(['tampered_file', 'validation_errors']);
    expect(result.problems.find((p) => p.code === 'validation_errors')!.message).toContain('承诺');
  });
});

describe('package jobs', () => {
  it('refuses a draft with errors and lists what blocks it', async () => {
    const id = await seedFixture(services, undefined, (d) => {
      d.declarations['decl.necessity'] = false;
      d.status = 'editing';
    });
    const readiness = services.exports.readiness(id);
    expect(readiness.ready).toBe(false);
    expect(readiness.blockers.map((b) => b.ruleId)).toContain('decl.necessity.ticked');
    expect(() => services.exports.startPackage(id)).toThrow(/不能生成申报包.*承诺/);
  });

  it('a job cancelled while printing ends cancelled and leaves no file in the exports directory', async () => {
    const id = await seedFixture(services);
    const before = new Set(readdirSync(path.join(temp.dir, 'exports')));
    const { jobId } = services.exports.startPackage(id);
    const status = await services.exports.cancel(jobId);
    expect(status.state).toBe('cancelled');
    expect(services.exports.finished(jobId)).toBeUndefined();
    const after = readdirSync(path.join(temp.dir, 'exports')).filter((n) => !before.has(n));
    expect(after).toEqual([]);
    expect(existsSync(path.join(temp.dir, 'exports', `${jobId}.zip`))).toBe(false);
  });
});
