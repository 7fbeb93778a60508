import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { parseSafeJson } from '../../../shared/model/safeJson';
import { StudioEditsSchema, type StudioEdits } from '../../../shared/studio/studioEdits';
import { atomicWriteFileSync } from '../fs/atomicWrite';

const SESSION_FORMAT = 'shenbao-studio-session';

const SessionFileSchema = z
  .object({
    format: z.literal(SESSION_FORMAT),
    formatVersion: z.literal(1),
    noticeSha256: z.string().regex(/^[0-9a-f]{64}$/),
    noticeName: z.string().max(300),
    savedAt: z.iso.datetime({ offset: true }),
    edits: StudioEditsSchema,
  })
  .strict();

export interface StudioSession {
  noticeName: string;
  savedAt: string;
  edits: StudioEdits;
}

/** What the studio knows a notice by: its text (the same text gives the same proposals). */
const keyOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The 指南工作台's work in progress, one file per notice under `<dataDir>/studio-sessions`,
 * written atomically on every change, so decisions survive closing the window and the same
 * notice opened again offers 「继续上次的审核」.
 */
export function createStudioSessions(dataDir: string, now: () => Date = () => new Date()) {
  const dir = path.join(dataDir, 'studio-sessions');
  const fileOf = (text: string): string => path.join(dir, `${keyOf(text)}.json`);

  return {
    /** The saved session of this notice; null when there is none, or when it cannot be read (then it is not offered). */
    get(notice: { text: string }): StudioSession | null {
      let raw: string;
      try {
        raw = readFileSync(fileOf(notice.text), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new AppError('io_error', '读取上次的审核记录失败');
      }
      let parsed: z.infer<typeof SessionFileSchema>;
      try {
        parsed = SessionFileSchema.parse(parseSafeJson(raw, { label: '审核记录', maxBytes: 32 * 1024 * 1024, maxDepth: 60 }));
      } catch {
        return null;
      }
      if (parsed.noticeSha256 !== keyOf(notice.text)) return null;
      return { noticeName: parsed.noticeName, savedAt: parsed.savedAt, edits: parsed.edits };
    },
    save(notice: { name: string; text: string }, edits: StudioEdits): { savedAt: string } {
      const savedAt = now().toISOString();
      const file = { format: SESSION_FORMAT, formatVersion: 1, noticeSha256: keyOf(notice.text), noticeName: notice.name, savedAt, edits };
      try {
        mkdirSync(dir, { recursive: true });
        atomicWriteFileSync(fileOf(notice.text), `${JSON.stringify(file)}\n`);
      } catch {
        throw new AppError('io_error', '保存审核进度失败：磁盘可能已满或没有写入权限');
      }
      return { savedAt };
    },
    discard(notice: { text: string }): void {
      try {
        rmSync(fileOf(notice.text), { force: true });
      } catch {
        throw new AppError('io_error', '删除上次的审核记录失败');
      }
    },
  };
}

export type StudioSessions = ReturnType<typeof createStudioSessions>;
