import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/index';
import { createChromiumPrinter } from '../../../electron/services/export/pdf/chromiumPrinter';
import { verifyPackage } from '../../../electron/services/export/verify/verifyPackage';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { PackageManifestSchema, type PackageManifest } from '../../../shared/export/manifest';
import { makeTempDir } from '../../support/tempStore';
import { documentFileName } from '../../../electron/services/export/package/safeName';
import { draftTitle } from '../../../shared/model/draft';
import { XJ_DRAFT, fixtureDraft, openAt, seedFixture } from './packageFixture';
import { unzip, zipOf } from './zipTools';

const printer = createChromiumPrinter();
// The documents are named as the single exports are: 「<项目名称>-申报书.pdf」.
const BOOK_PDF = documentFileName(draftTitle(fixtureDraft()), '申报书', '.pdf');
const BOOK_DOCX = documentFileName(draftTitle(fixtureDraft()), '申报书', '.docx');
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
      expect.arrayContaining([BOOK_DOCX, BOOK_PDF, '形式审查自查表.pdf', 'draft.json', 'manifest.json']),
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
    expect(files.get(BOOK_PDF)!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(files.get(BOOK_DOCX)!.subarray(0, 2).toString()).toBe('PK');
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
    const bookLines = textOf(BOOK_PDF, true).split('\n');
    const sheet = textOf('形式审查自查表.pdf').replace(/\s+/g, '');
    const sheetLines = textOf('形式审查自查表.pdf', true).split('\n');
    const attachments = [...files.keys()].filter((n) => n.startsWith('附件'));
    expect(attachments.length).toBeGreaterThan(0);
    for (const name of attachments) {
      const [, no, base] = /^附件(\d+)-(.+?)(?:（\d+）)?\.pdf$/.exec(name)!;
      // The row starts with 「附件N」; its name (which may wrap, centred beside it) is within the row's lines.
      const head = Array.from(base!).slice(0, 6).join('');
      const rowHas = (lines: string[]) =>
        lines.some((l, i) => new RegExp(`^\\s*附件${no}(?:\\s|$)`).test(l) && lines.slice(Math.max(0, i - 3), i + 4).some((x) => x.includes(head)));
      expect(rowHas(bookLines), `${name}\n${bookLines.filter((l) => l.includes(`附件${no}`)).join('\n')}`).toBe(true);
      // The sheet's row starts 「附件N  <item name>」 (its name may wrap inside the cell).
      expect(rowHas(sheetLines), `${name}\n${sheetLines.filter((l) => l.includes(`附件${no}`)).join('\n')}`).toBe(true);
      expect(sheet, name).toContain(name);
    }
    const draft = JSON.parse(files.get('draft.json')!.toString('utf8')) as { id: string };
    expect(sheet).not.toContain(draft.id);
    expect(sheet).not.toMatch(/草稿编号|修订号/);
  });

  it('the PDF’s 目录 gives each part the page it is printed on', () => {
    const pdf = path.join(temp.dir, 'toc.pdf');
    writeFileSync(pdf, files.get(BOOK_PDF)!);
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const tocAt = pages.findIndex((p) => /目\s*录/.test(p) && /一、/.test(p));
    expect(tocAt).toBeGreaterThan(0);
    const entries = [...pages[tocAt]!.matchAll(/^\s*((?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\S+)[\s.·…]*?(\d+)\s*$/gm)].map((m) => ({ title: m[1]!, page: Number(m[2]) }));
    expect(entries.length).toBeGreaterThan(5);
    for (const { title, page } of entries) {
      // Page N is the one whose footer reads 「— N —」, and the heading is printed on it.
      const printed = pages.find((p) => p.replace(/\s+/g, '').includes(`—${page}—`));
      expect(printed, `${title} → ${page}`).toBeDefined();
      expect(printed!.replace(/\s+/g, ''), `${title} → ${page}`).toContain(title.replace(/\s+/g, ''));
    }
  });

  it('the Word 目录 carries the same page numbers as the PDF (cached result, no update on open)', async () => {
    const pdf = path.join(temp.dir, 'toc2.pdf');
    writeFileSync(pdf, files.get(BOOK_PDF)!);
    const tocPage = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').find((p) => /目\s*录/.test(p) && /一、/.test(p))!;
    const pdfEntries = [...tocPage.matchAll(/^\s*([一二三四五六七八九十]+、\S+)[\s.·…]*?(\d+)\s*$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(pdfEntries.length).toBeGreaterThan(3);
    const docx = await unzip(files.get(BOOK_DOCX)!);
    const xml = docx.get('word/document.xml')!.toString('utf8');
    const sdt = /<w:sdt>([\s\S]*?)<\/w:sdt>/.exec(xml)![1]!;
    const wordEntries = new Map(
      [...sdt.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) => {
        const texts = [...p[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]!);
        return [texts[0] ?? '', texts.at(-1) ?? ''] as const;
      }),
    );
    for (const [title, page] of pdfEntries) expect(wordEntries.get(title), title).toBe(page);
    expect(docx.get('word/settings.xml')!.toString('utf8')).not.toContain('updateFields');
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
    expect(codes).toEqual(['draft_hash_mismatch', 'tampered_file', 'validation_errors']);
    expect(result.problems.find((p) => p.code === 'validation_errors')!.message).toContain('承诺');
  });
});

/** The package with entries replaced and the manifest re-hashed to match, as a careful forger would. */
async function forged(change: (entries: Map<string, Buffer>, manifest: PackageManifest) => void): Promise<Buffer> {
  return withChangedEntries((m) => {
    const manifest = PackageManifestSchema.parse(JSON.parse(m.get('manifest.json')!.toString('utf8')));
    change(m, manifest);
    for (const f of manifest.files) {
      const bytes = m.get(f.path)!;
      f.sha256 = createHash('sha256').update(bytes).digest('hex');
      f.size = bytes.length;
    }
    m.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  });
}

describe('the documents are bound to draft.json', () => {
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  it('the manifest, the DOCX custom properties and the PDF Info dictionary all carry draft.json’s hash and the printed key facts', async () => {
    const manifest = PackageManifestSchema.parse(JSON.parse(files.get('manifest.json')!.toString('utf8')));
    const draftHash = sha(files.get('draft.json')!);
    expect(manifest.draft.sha256).toBe(draftHash);
    const docx = await unzip(files.get(BOOK_DOCX)!);
    const custom = docx.get('docProps/custom.xml')!.toString('utf8');
    expect(custom).toContain(draftHash);
    // poppler reads the appended Info dictionary (the incremental update is a valid PDF).
    const pdfPath = path.join(temp.dir, 'bound.pdf');
    writeFileSync(pdfPath, files.get(BOOK_PDF)!);
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+工业园区源网荷储一体化微电网协调控制技术引进与示范应用 申报书/);
    expect(info).toMatch(/Pages:\s+\d+/);
    // What the metadata says is what the page says: the facts are in the PDF's text.
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    const draft = JSON.parse(files.get('draft.json')!.toString('utf8'));
    const facts = { projectName: draft.values['project.name'], applicant: draft.values['applicant.name'], pi: draft.values['pi.name'] };
    for (const value of Object.values(facts)) expect(flat).toContain(String(value).replace(/\s+/g, ''));
    const fiscal = draft.tables.budget.reduce((s: number, r: { fiscal?: number }) => s + (r.fiscal ?? 0), 0);
    const self = draft.tables.budget.reduce((s: number, r: { selfRaised?: number }) => s + (r.selfRaised ?? 0), 0);
    const wan = (yuan: number) => (yuan / 10_000).toFixed(4);
    expect(text).toMatch(new RegExp(`合计\\s+${wan(fiscal).replace('.', '\\.')}\\s+${wan(self).replace('.', '\\.')}\\s+${wan(fiscal + self).replace('.', '\\.')}`));
    expect(custom).toContain(wan(fiscal));
    expect(custom).toContain(wan(fiscal + self));
  });

  it('an edited draft.json (budget +1万) with the manifest re-hashed is refused, naming draft.json', async () => {
    const bump = (entries: Map<string, Buffer>) => {
      const draft = JSON.parse(entries.get('draft.json')!.toString('utf8'));
      draft.tables.budget[0].fiscal += 10_000;
      entries.set('draft.json', Buffer.from(JSON.stringify(draft, null, 2) + '\n'));
    };
    // Files re-hashed, the manifest's draft hash left alone…
    const partly = await verify(await forged((m) => bump(m)));
    expect(partly.ok).toBe(false);
    // Named: draft.json only (it also fails the 1:2 self-funding rule now), never the documents.
    expect(partly.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'draft_hash_mismatch', file: 'draft.json' })]));
    expect(new Set(partly.problems.map((p) => p.file))).toEqual(new Set(['draft.json']));
    // …and re-hashed too: the documents still name the draft they were printed from.
    const fully = await verify(
      await forged((m, manifest) => {
        bump(m);
        manifest.draft.sha256 = sha(m.get('draft.json')!);
      }),
    );
    expect(fully.ok).toBe(false);
    expect(new Set(fully.problems.map((p) => p.file))).toEqual(new Set(['draft.json']));
    expect(fully.problems.find((p) => p.code === 'draft_hash_mismatch')!.message).toContain(BOOK_PDF);
  });

  it('another project’s 申报书.pdf swapped in, manifest re-hashed, is refused naming 申报书.pdf', async () => {
    const otherId = await seedFixture(services, fixtureDraft(path.join(path.dirname(XJ_DRAFT), 'valid-medical.json')));
    const { jobId } = services.exports.startPackage(otherId);
    expect(await services.exports.settled(jobId)).toMatchObject({ state: 'done' });
    const other = await unzip(readFileSync(services.exports.finished(jobId)!.path));
    const otherPdf = [...other.keys()].find((n) => n.endsWith('-申报书.pdf'))!;
    expect(otherPdf).not.toBe(BOOK_PDF);
    // Its PDF put in this package's place, under this package's name.
    const result = await verify(await forged((m) => m.set(BOOK_PDF, other.get(otherPdf)!)));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([
      ['document_mismatch', BOOK_PDF],
      ['document_mismatch', BOOK_PDF],
    ]);
    expect(result.problems[1]!.message).toContain('项目负责人为「吐尔洪·阿不力孜」，草稿数据为「马振华」');
    // A PDF without any binding (not exported by 申报通) is named too.
    const bare = await verify(await forged((m) => m.set(BOOK_PDF, Buffer.from('%PDF-1.4\n%%EOF\n'))));
    expect(bare.problems).toEqual([expect.objectContaining({ code: 'document_unbound', file: BOOK_PDF })]);
  }, 120_000);

  it('a document whose recorded facts differ from the draft is named with the fact', async () => {
    const pdf = files.get(BOOK_PDF)!;
    const { readPdfBinding, stampPdfInfo } = await import('../../../electron/services/export/binding/pdfInfo');
    const binding = readPdfBinding(pdf)!;
    const restamped = stampPdfInfo(pdf, { title: 'x', binding: { ...binding, facts: { ...binding.facts, fiscal: '999.0000' } } });
    const result = await verify(await forged((m) => m.set(BOOK_PDF, restamped)));
    expect(result.problems).toEqual([expect.objectContaining({ code: 'document_mismatch', file: BOOK_PDF })]);
    expect(result.problems[0]!.message).toContain('财政资金（万元）为「999.0000」');
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
