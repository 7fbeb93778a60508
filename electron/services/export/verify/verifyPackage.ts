import { DRAFT_FILE, MANIFEST_FILE, PackageManifestSchema, type PackageManifest, type VerifyProblem, type VerifyResult } from '../../../../shared/export/manifest';
import { DraftSchema, type Draft } from '../../../../shared/model/draft';
import { parseSafeJson } from '../../../../shared/model/safeJson';
import { engineFor, isBlocking, summarize } from '../../../../shared/rules/engine';
import type { PackRegistry } from '../../packs/registry';
import { describeZodError } from '../../../../shared/validation/formatIssues';
import { packageFiles } from './packageFiles';
import { verifyBinding } from './verifyBinding';
import { draftFacts } from '../../../../shared/book/build/facts';
import type { Pack } from '../../../../shared/pack/pack';
import { readZipSafely, type SafeEntry, type SafeZip } from './readZipSafely';

export interface VerifyOptions {
  packs: PackRegistry;
  now?: () => Date;
}

type Summary = VerifyResult['summary'];

/**
 * Checks a submission package: throws UnsafePackageError (corrupt_file) when it cannot be read
 * safely; otherwise answers every problem found — files missing, added or changed (by name),
 * a manifest that does not parse, and the draft re-validated against the pack version the manifest names.
 */
export async function verifyPackage(source: string | Buffer, options: VerifyOptions): Promise<VerifyResult> {
  const zip = await readZipSafely(source);
  try {
    return await verifyOpened(zip, options);
  } finally {
    zip.close();
  }
}

/** The in-app check: the renderer uploads the bytes; the name is only used in messages. */
export function verifyPackageBytes(bytes: Buffer, _fileName: string, options: VerifyOptions): Promise<VerifyResult> {
  return verifyPackage(bytes, options);
}

async function verifyOpened(zip: SafeZip, options: VerifyOptions): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  const files = packageFiles(zip.entries);
  const summary: Summary = {
    files: files.length,
    listedFiles: 0,
    checkedFiles: 0,
    matchedFiles: 0,
    extraFiles: 0,
    packId: null,
    packVersion: null,
    draftId: null,
    revision: null,
    validation: null,
  };
  const byPath = new Map(files.map((f) => [f.path, f.entry]));
  const result = (): VerifyResult => ({ ok: problems.length === 0, problems, summary });

  const manifest = await readManifest(zip, byPath.get(MANIFEST_FILE), problems);
  if (!manifest) return result();
  summary.packId = manifest.pack.id;
  summary.packVersion = manifest.pack.version;
  summary.draftId = manifest.draft.id;
  summary.revision = manifest.draft.revision;
  summary.listedFiles = manifest.files.length;

  const listed = new Set(manifest.files.map((f) => f.path));
  for (const { path } of files) {
    if (path !== MANIFEST_FILE && !listed.has(path)) {
      summary.extraFiles++;
      problems.push({ code: 'extra_file', file: path, message: `申报包中多出了清单未列出的文件「${path}」` });
    }
  }
  for (const file of manifest.files) {
    const entry = byPath.get(file.path);
    if (!entry) {
      problems.push({ code: 'missing_file', file: file.path, message: `申报包缺少文件「${file.path}」` });
      continue;
    }
    const actual = await zip.hash(entry);
    summary.checkedFiles++;
    if (actual.sha256 === file.sha256 && actual.size === file.size) {
      summary.matchedFiles++;
    } else {
      problems.push({
        code: 'tampered_file',
        file: file.path,
        message: `文件「${file.path}」已被改动：内容与清单记录的 SHA-256 不一致${actual.size !== file.size ? `（大小 ${actual.size} 字节，清单为 ${file.size} 字节）` : ''}`,
      });
    }
  }

  const read = await readDraft(zip, byPath.get(DRAFT_FILE), manifest, problems);
  if (read) {
    const checked = revalidate(read.draft, manifest, options.packs, problems);
    summary.validation = checked?.summary ?? null;
    // The documents must come from this draft.json, and say what it says.
    await verifyBinding(zip, manifest, byPath, read.bytes, DRAFT_FILE, checked ? draftFacts(read.draft, checked.pack) : null, problems);
  }
  return result();
}

async function readManifest(zip: SafeZip, entry: SafeEntry | undefined, problems: VerifyProblem[]): Promise<PackageManifest | null> {
  if (!entry) {
    problems.push({ code: 'manifest_invalid', file: MANIFEST_FILE, message: '申报包缺少清单文件，无法核对其余文件' });
    return null;
  }
  try {
    const raw = parseSafeJson((await zip.readSmall(entry)).toString('utf8'), { label: '清单文件' });
    const parsed = PackageManifestSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push({ code: 'manifest_invalid', file: MANIFEST_FILE, message: `清单文件格式不正确：${describeZodError(parsed.error, 1)}` });
  } catch (e) {
    problems.push({ code: 'manifest_invalid', file: MANIFEST_FILE, message: e instanceof Error ? e.message : '清单文件无法读取' });
  }
  return null;
}

async function readDraft(zip: SafeZip, entry: SafeEntry | undefined, manifest: PackageManifest, problems: VerifyProblem[]): Promise<{ draft: Draft; bytes: Buffer } | null> {
  // A missing draft.json is already reported as a missing file.
  if (!entry) return null;
  let draft: Draft;
  let bytes: Buffer;
  try {
    bytes = await zip.readSmall(entry);
    const raw = parseSafeJson(bytes.toString('utf8'), { label: '包内的草稿数据' });
    const parsed = DraftSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push({ code: 'draft_invalid', file: DRAFT_FILE, message: `包内的草稿数据不符合格式，无法重新检查：${describeZodError(parsed.error, 1)}` });
      return null;
    }
    draft = parsed.data;
  } catch (e) {
    problems.push({ code: 'draft_invalid', file: DRAFT_FILE, message: e instanceof Error ? e.message : '包内的草稿数据无法读取' });
    return null;
  }
  const g = draft.guideline;
  if (draft.id !== manifest.draft.id || !g || g.packId !== manifest.pack.id || g.programId !== manifest.programId || g.documentType !== manifest.documentType) {
    problems.push({ code: 'draft_mismatch', file: DRAFT_FILE, message: '包内的草稿数据与清单记录的草稿、申报指南或专项不一致' });
    return null;
  }
  return { draft, bytes };
}

function revalidate(draft: Draft, manifest: PackageManifest, packs: PackRegistry, problems: VerifyProblem[]): { summary: NonNullable<Summary['validation']>; pack: Pack } | null {
  const { id, version, contentHash } = manifest.pack;
  const installed = packs.installed(id, version);
  if (!installed) {
    const versions = packs.list().find((p) => p.id === id)?.versions ?? [];
    problems.push(
      versions.length === 0
        ? { code: 'pack_missing', message: `本机没有安装申报包所用的申报指南「${id}」，无法重新检查` }
        : { code: 'pack_version_missing', message: `申报包按指南包「${id}」${version} 版生成，本机只安装了 ${versions.join('、')} 版，无法按原版本重新检查` },
    );
    return null;
  }
  if (installed.contentHash !== contentHash) {
    problems.push({
      code: 'pack_hash_mismatch',
      message: `本机的指南包「${id}」${version} 版与生成申报包时所用的内容不同（内容哈希不一致），检查结果可能不同`,
    });
    return null;
  }
  const engine = engineFor(installed.pack, manifest.programId, manifest.documentType);
  if (!engine) {
    problems.push({ code: 'program_missing', message: `指南包「${id}」${version} 版中没有专项「${manifest.programId}」` });
    return null;
  }
  const results = engine.evaluate(draft, { today: manifest.validatedAt });
  const summary = summarize(results);
  // What blocks 定稿 blocks the package too: errors, and items still to fill in or that cannot be checked.
  const blocking = results.filter(isBlocking);
  if (blocking.length > 0) {
    const first = blocking.slice(0, 3).map((r) => r.message).join('；');
    problems.push({ code: 'validation_errors', file: DRAFT_FILE, message: `按指南包 ${version} 版重新检查，草稿有 ${blocking.length} 项未通过（错误、待填写或无法检查）：${first}` });
  }
  return { summary, pack: installed.pack };
}
