import path from 'node:path';
import { chinaToday } from '../../../shared/dates';
import { isAppError } from '../../../shared/ipc/errors';
import { draftTitle, type Draft } from '../../../shared/model/draft';
import { attachmentFactsOf } from '../../services/attachments/attachmentFacts';
import { openServices, type Services } from '../../services/index';
import { describeBlockers, readinessOf } from '../../services/export/orchestrate/blockers';
import { createDocumentPrinters } from '../../services/export/orchestrate/documentPrinters';
import { subjectOf } from '../../services/export/orchestrate/subject';
import { toExportWriteError } from '../../services/export/orchestrate/writeErrors';
import { buildPackage } from '../../services/export/package/buildPackage';
import { documentFileName } from '../../services/export/package/safeName';
import { createChromiumPrinter } from '../../services/export/pdf/chromiumPrinter';
import { atomicWriteFile } from '../../services/fs/atomicWrite';
import { withTempJournal } from '../../services/fs/strayTemps';
import { openPackRegistry } from '../../services/packs/registry';
import { EXIT, badInput, failed } from '../errors';
import type { CommandContext } from '../registry';

/** Every attachment the draft names must be in this data directory's store, intact in size. */
function checkAttachments(services: Services, draft: Draft): void {
  for (const refs of Object.values(draft.attachments)) {
    for (const ref of refs) {
      const info = services.attachments.info(ref.sha256);
      if (!info) throw badInput(`附件「${ref.name}」不在数据目录 ${services.dataDir} 的附件库中，请用 --data-dir 指向存有该附件的数据目录`);
    }
  }
}

/** The work of `shenbao export`, in its own module so its heavy imports load only when it runs. */
export async function exportDocuments(ctx: CommandContext, draft: Draft, dir: string, want: { docx: boolean; pdf: boolean; package: boolean }): Promise<number> {
  const services = openServices({ dataDir: ctx.dataDir, mode: 'cli' });
  const printer = createChromiumPrinter();
  try {
    checkAttachments(services, draft);
    const registry = openPackRegistry({ dataDir: ctx.dataDir });
    const subject = subjectOf(registry, draft, 0, { today: chinaToday(), attachmentFacts: attachmentFactsOf(services.attachments, draft) });
    const readiness = readinessOf(subject);
    const printers = createDocumentPrinters({ attachments: services.attachments, printer: () => printer });
    const title = draftTitle(draft);

    for (const kind of ['docx', 'pdf'] as const) {
      if (!want[kind]) continue;
      const printed = await printers[kind](subject);
      const target = path.join(dir, documentFileName(title, readiness.documentName, `.${kind}`));
      // Journaled: a crash mid-write leaves a temp file in --out, removed at the next start.
      await withTempJournal(services.dataDir, dir, () => atomicWriteFile(target, printed.bytes, 0o644));
      ctx.out(`已导出 ${target}${printed.watermark ? '（带「草稿」水印）' : ''}`);
    }
    if (want.package) {
      if (!readiness.ready) {
        readiness.blockers.forEach((b, i) => ctx.out(`  ${i + 1}. ${b.message}`));
        throw failed(describeBlockers(readiness, 3));
      }
      const target = path.join(dir, documentFileName(title, `${readiness.documentName}申报包`, '.zip'));
      const toolVersion = (await services.handlers.appInfo({})).version;
      const built = await withTempJournal(services.dataDir, dir, () => buildPackage({ subject, attachments: services.attachments, printers, toolVersion, target }));
      ctx.out(`已导出 ${target}（${built.manifest.files.length + 1} 个文件，${built.size} 字节）`);
    }
    return EXIT.ok;
  } catch (raw) {
    if (isAppError(raw)) throw raw;
    throw toExportWriteError(raw, '导出文件');
  } finally {
    await printer.close();
    services.close();
  }
}
