import type { BookFacts } from '../../../../shared/book/ast';
import type { PackageManifest, VerifyProblem } from '../../../../shared/export/manifest';
import { FACT_LABELS, type DocumentBinding } from '../binding/documentBinding';
import { readDocxBinding } from '../binding/docxProperties';
import { readPdfBinding } from '../binding/pdfInfo';
import { sha256Hex } from '../binding/draftBytes';
import { readZipSafely, type SafeEntry, type SafeZip } from './readZipSafely';

/** Documents are ours and at most a few hundred pages with scans; anything far larger is not read into memory. */
const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

async function docxCustomXml(bytes: Buffer): Promise<string | null> {
  const inner = await readZipSafely(bytes, { noun: 'Word 文档' });
  try {
    const entry = inner.entries.find((e) => e.name === 'docProps/custom.xml');
    return entry ? (await inner.readSmall(entry)).toString('utf8') : null;
  } finally {
    inner.close();
  }
}

/** The binding a document carries, or a problem naming it when it has none that can be read. */
async function bindingOfDocument(zip: SafeZip, path: string, entry: SafeEntry, problems: VerifyProblem[]): Promise<DocumentBinding | null> {
  try {
    const bytes = await zip.read(entry, MAX_DOCUMENT_BYTES);
    const binding = path.endsWith('.pdf') ? readPdfBinding(bytes) : await docxCustomXml(bytes).then(readDocxBinding);
    if (binding) return binding;
    problems.push({ code: 'document_unbound', file: path, message: `文件「${path}」没有记录生成它的草稿（文档属性中无草稿哈希），不是本包草稿导出的文档` });
  } catch (e) {
    problems.push({ code: 'document_unbound', file: path, message: `文件「${path}」无法读取文档属性：${e instanceof Error ? e.message : '格式不正确'}` });
  }
  return null;
}

function factDifferences(printed: BookFacts, expected: BookFacts): string[] {
  return (Object.keys(FACT_LABELS) as (keyof BookFacts)[])
    .filter((k) => printed[k] !== expected[k])
    .map((k) => `${FACT_LABELS[k]}为「${printed[k] || '（空）'}」，草稿数据为「${expected[k] || '（空）'}」`);
}

/**
 * Binds the documents to draft.json: the manifest's draft hash, the hash each document carries and
 * the hash of draft.json itself must be one value, and the key facts each document records must be
 * the facts the draft prints. The file that does not fit is named: a document from another draft,
 * or draft.json when both documents agree with each other but not with it.
 */
export async function verifyBinding(
  zip: SafeZip,
  manifest: PackageManifest,
  byPath: ReadonlyMap<string, SafeEntry>,
  draftBytes: Buffer,
  draftFile: string,
  expectedFacts: BookFacts | null,
  problems: VerifyProblem[],
): Promise<void> {
  const actual = sha256Hex(draftBytes);
  const recorded = manifest.draft.sha256;
  if (recorded === undefined) {
    problems.push({ code: 'document_unbound', file: draftFile, message: '清单没有记录草稿哈希（较早版本生成的申报包），无法核对文档是否由包内草稿生成' });
    return;
  }
  const documents: { path: string; binding: DocumentBinding }[] = [];
  for (const file of manifest.files.filter((f) => f.role === 'document')) {
    const entry = byPath.get(file.path);
    if (!entry) continue; // reported as missing
    const binding = await bindingOfDocument(zip, file.path, entry, problems);
    if (binding) documents.push({ path: file.path, binding });
  }
  const claimed = new Set(documents.map((d) => d.binding.draftSha256));
  // draft.json is the odd one out when the manifest's record disagrees with it, or when every
  // document names one and the same other draft (draft.json edited and the manifest re-hashed).
  const onlyClaim = claimed.size === 1 ? [...claimed][0]! : null;
  const reference = recorded !== actual ? recorded : documents.length > 1 && onlyClaim !== null && onlyClaim !== actual ? onlyClaim : actual;
  const draftChanged = reference !== actual;
  if (draftChanged) {
    problems.push({
      code: 'draft_hash_mismatch',
      file: draftFile,
      message: `包内草稿数据「${draftFile}」不是生成${documents.length > 0 ? documents.map((d) => `「${d.path}」`).join('、') : '本包文档'}时的草稿（草稿哈希不一致）：草稿数据已被改动或替换`,
    });
  }
  for (const d of documents.filter((x) => x.binding.draftSha256 !== reference)) {
    problems.push({ code: 'document_mismatch', file: d.path, message: `文件「${d.path}」不是由包内草稿数据生成的（记录的草稿哈希不一致），可能来自其他项目或其他版本` });
  }
  // Facts are compared with what draft.json prints; after a changed draft that would only repeat the finding.
  if (draftChanged) return;
  if (!expectedFacts) return;
  for (const d of documents) {
    const differences = factDifferences(d.binding.facts, expectedFacts);
    if (differences.length > 0) problems.push({ code: 'document_mismatch', file: d.path, message: `文件「${d.path}」记录的关键信息与草稿数据不一致：${differences.join('；')}` });
  }
}
