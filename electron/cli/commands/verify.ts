import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describeRecheck, describeVerifyCounts } from '../../../shared/export/verifyCounts';
import { isAppError } from '../../../shared/ipc/errors';
import { openPackRegistry } from '../../services/packs/registry';
import { EXIT, badInput } from '../errors';
import type { Command } from '../registry';

/**
 * `shenbao verify <申报包.zip>`: 0 when every file matches the manifest and the draft passes its
 * pack version; 1 when a check fails (each problem named); 2 when the file is unreadable, not a zip or unsafe.
 */
export const verifyCommand: Command = {
  path: ['verify'],
  usage: 'verify <申报包.zip> [--json]',
  summary: '检查申报包：逐个核对文件的 SHA-256，并按清单所记的指南包版本重新检查草稿',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: '<申报包.zip>' },
  async run(ctx, { values, positionals }) {
    const file = path.resolve(positionals[0]!);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw badInput(`无法读取申报包 ${positionals[0]}：文件不存在`);
    let result;
    try {
      // The zip reader loads only for this command.
      const { verifyPackage } = await import('../../services/export/verify/verifyPackage');
      result = await verifyPackage(file, { packs: openPackRegistry({ dataDir: ctx.dataDir }) });
    } catch (e) {
      if (isAppError(e)) throw badInput(e.message);
      throw e;
    }
    if (values.json === true) {
      ctx.out(JSON.stringify(result, null, 2));
    } else {
      const s = result.summary;
      ctx.out(`申报包：${file}`);
      if (s.packId) ctx.out(`指南包 ${s.packId} ${s.packVersion}，草稿 ${s.draftId}（修订 ${s.revision}）`);
      ctx.out(`文件核对：${describeVerifyCounts(s)}`);
      if (s.validation) ctx.out(`重新检查：${describeRecheck(s.validation)}`);
      for (const p of result.problems) ctx.out(`  不通过  ${p.message}`);
      ctx.out(result.ok ? '结论：通过，申报包完整且草稿符合指南' : `结论：不通过，共 ${result.problems.length} 个问题`);
    }
    return result.ok ? EXIT.ok : EXIT.failed;
  },
};
