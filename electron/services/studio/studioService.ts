import type { GuidelineSummary } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { StudioCheck } from '../../../shared/ipc/domains/studio.contract';
import { studioCoverage } from '../../../shared/studio/studioCoverage';
import { studioPackFromNotice, type StudioEdits } from '../../../shared/studio/studioEdits';
import { draftFromNotice, STUDIO_FORMAT, StudioDraftEnvelopeSchema, type StudioDraftFile } from '../../../shared/studio/studioFile';
import { parseSafeJson } from '../../../shared/model/safeJson';
import { decodeTextOr } from '../../../shared/text/decodeText';
import { loadPackFromText, PackError } from '../packs/loadPack';
import type { PackRegistry } from '../packs/registry';
import { cleanFileName, noticeTextOf } from './readNotice';

export interface StudioNotice {
  name: string;
  text: string;
}

/**
 * The 指南工作台's service: reads a notice into proposals, and checks or installs the pack the
 * user's decisions make. The pack is rebuilt here from the notice text and the decisions (the
 * proposals are deterministic), so what is installed is exactly what the checks saw.
 */
export function createStudioService(packs: PackRegistry) {
  const built = (notice: StudioNotice, edits: StudioEdits) => {
    const result = studioPackFromNotice(notice.text, edits);
    const packJson = `${JSON.stringify(result.pack, null, 2)}\n`;
    return { ...result, packJson };
  };

  const check = (notice: StudioNotice, edits: StudioEdits): StudioCheck => {
    const result = built(notice, edits);
    const problems = [...result.problems];
    try {
      loadPackFromText(result.packJson, notice.text, '指南包');
    } catch (e) {
      if (!(e instanceof PackError)) throw e;
      problems.push(...e.problems);
    }
    const coverage = studioCoverage(result.pack);
    problems.push(...coverage.problems);
    return { problems, undecidedProposals: result.undecidedProposals, undecidedRequirements: result.undecidedRequirements, coverage, installed: null, packJson: result.packJson };
  };

  return {
    async draft(input: { fileName: string; base64: string } | { fileName: string; text: string }): Promise<StudioDraftFile> {
      if ('base64' in input && /\.json$/i.test(input.fileName)) return fromStudioFile(input.fileName, Buffer.from(input.base64, 'base64'));
      const text = 'text' in input ? input.text.replace(/\r\n?/g, '\n') : await noticeTextOf(input.fileName, Buffer.from(input.base64, 'base64'));
      return draftFromNotice(cleanFileName(input.fileName), text);
    },
    check: (notice: StudioNotice, edits: StudioEdits): StudioCheck => check(notice, edits),
    /** Installs only when every proposal is decided and the checks find nothing; otherwise says why and installs nothing. */
    save(notice: StudioNotice, edits: StudioEdits): StudioCheck {
      const result = check(notice, edits);
      const { packJson } = result;
      if (result.undecidedProposals > 0) result.problems.unshift(`还有 ${result.undecidedProposals} 条建议未决定：请逐条接受或拒绝后再保存`);
      if (result.problems.length > 0) return result;
      let installed: GuidelineSummary;
      try {
        installed = packs.importPack(packJson, notice.text);
      } catch (e) {
        // The same version already installed with other content: the user raises the version number.
        if (e instanceof PackError) return { ...result, problems: [e.message] };
        if (e instanceof AppError) throw e;
        throw new AppError('io_error', '保存指南包失败，未安装任何内容');
      }
      return { ...result, installed };
    },
  };
}

/**
 * A file written by `shenbao guidelines draft`: its notice is opened and the proposals are made
 * again from it (the same recognizers give the same proposals; hand edits to the file's proposals
 * are not read — the studio is where they are decided).
 */
function fromStudioFile(fileName: string, bytes: Buffer): StudioDraftFile {
  let raw: unknown;
  try {
    const text = decodeTextOr(bytes, () => new Error(`「${fileName}」不是文本文件，不是指南草稿文件（由 shenbao guidelines draft 生成的 .json）`));
    raw = parseSafeJson(text, { label: '指南草稿文件', maxBytes: 64 * 1024 * 1024, maxDepth: 60 });
  } catch (e) {
    throw new AppError('invalid_input', e instanceof Error ? e.message : `「${fileName}」格式已损坏，无法读取`);
  }
  if ((raw as { format?: unknown } | null)?.format !== STUDIO_FORMAT) throw new AppError('invalid_input', `「${fileName}」不是指南草稿文件（由 shenbao guidelines draft 生成的 .json）`);
  const envelope = StudioDraftEnvelopeSchema.safeParse(raw);
  if (!envelope.success || envelope.data.notice.text.trim() === '') throw new AppError('invalid_input', `指南草稿文件「${fileName}」不完整：缺少通知原文`);
  return draftFromNotice(envelope.data.notice.name, envelope.data.notice.text);
}

export type StudioService = ReturnType<typeof createStudioService>;
