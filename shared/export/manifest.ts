import { z } from 'zod';
import { DocumentTypeSchema } from '../model/draft';

export const PACKAGE_FORMAT = 'shenbao-package';
export const MANIFEST_FILE = 'manifest.json';
export const DRAFT_FILE = 'draft.json';
export const SELF_CHECK_FILE = '形式审查自查表.pdf';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '哈希必须是 64 位小写十六进制 SHA-256');

export const PackageFileSchema = z
  .object({
    path: z.string().min(1).max(300),
    size: z.number().int().nonnegative(),
    sha256: Sha256,
    role: z.enum(['document', 'selfCheck', 'attachment', 'draft']),
    /** For attachments: the user's original file name and the checklist item it belongs to. */
    originalName: z.string().max(500).optional(),
    checklistItem: z.string().max(200).optional(),
  })
  .strict();
export type PackageFile = z.infer<typeof PackageFileSchema>;

export const PackageSummarySchema = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
});

/**
 * `manifest.json` of a submission package: what was packed, from which pack and draft revision,
 * and the SHA-256 of every other file, so `verifyPackage` can name any file that was touched.
 */
export const PackageManifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.literal(1),
    tool: z.object({ name: z.string(), version: z.string() }).strict(),
    pack: z.object({ id: z.string().min(1).max(200), version: z.string().min(1).max(50), contentHash: z.string().min(1).max(200) }).strict(),
    /** sha256: of draft.json's bytes, which each document also carries in its metadata (packages before it have none). */
    draft: z.object({ id: z.uuid(), revision: z.number().int().nonnegative(), title: z.string().max(500), sha256: Sha256.optional() }).strict(),
    programId: z.string().max(200),
    documentType: DocumentTypeSchema,
    generatedAt: z.iso.datetime({ offset: true }),
    /** The validation date used (China time). */
    validatedAt: z.iso.date(),
    validation: PackageSummarySchema,
    files: z.array(PackageFileSchema).max(1000),
  })
  .strict();
export type PackageManifest = z.infer<typeof PackageManifestSchema>;

export const VERIFY_PROBLEM_CODES = [
  'missing_file',
  'extra_file',
  'tampered_file',
  'manifest_invalid',
  'draft_invalid',
  'draft_mismatch',
  'pack_missing',
  'pack_version_missing',
  'pack_hash_mismatch',
  'program_missing',
  'validation_errors',
  'document_unbound',
  'document_mismatch',
  'draft_hash_mismatch',
] as const;

export const VerifyProblemSchema = z.object({
  code: z.enum(VERIFY_PROBLEM_CODES),
  message: z.string(),
  file: z.string().optional(),
});
export type VerifyProblem = z.infer<typeof VerifyProblemSchema>;

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  problems: z.array(VerifyProblemSchema),
  summary: z.object({
    /** Files in the package (folder entries are not files), the manifest included. */
    files: z.number().int().nonnegative(),
    /** Files the manifest lists (itself not among them). */
    listedFiles: z.number().int().nonnegative(),
    /** Listed files found in the package and hashed. */
    checkedFiles: z.number().int().nonnegative(),
    /** Hashed files whose SHA-256 and size equal the manifest's. */
    matchedFiles: z.number().int().nonnegative(),
    /** Files in the package that the manifest does not list (the manifest itself aside). */
    extraFiles: z.number().int().nonnegative(),
    packId: z.string().nullable(),
    packVersion: z.string().nullable(),
    draftId: z.string().nullable(),
    revision: z.number().int().nullable(),
    /** The re-check: the manifest's counts plus what still blocks 定稿 (待填写, 无法检查). */
    validation: PackageSummarySchema.extend({ incomplete: z.number().int().nonnegative().optional(), pending: z.number().int().nonnegative().optional() }).nullable(),
  }),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
