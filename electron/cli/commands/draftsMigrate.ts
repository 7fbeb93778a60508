import { existsSync } from 'node:fs';
import { chinaToday } from '../../../shared/dates';
import { isNewerVersion, planUpgrade, ruleChanges, type UpgradeReport } from '../../../shared/upgrade/upgradeReport';
import { upgradeReportLines } from '../../../shared/upgrade/reportText';
import { validateWithRegistry } from '../../services/packs/validation';
import { badInput, EXIT } from '../errors';
import type { Command, CommandContext } from '../registry';
import { packsFor } from './packsForCli';
import { readDraft } from './validate';

const DRAFT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A draft file: the report from the packs on disk, and (without --dry-run) the upgraded file written in place, atomically. */
async function migrateFile(ctx: CommandContext, file: string, toVersion: string, dryRun: boolean): Promise<UpgradeReport> {
  const draft = await readDraft(file);
  const g = draft.guideline;
  if (!g) throw badInput('这份草稿没有选择申报指南，无需升级');
  if (!isNewerVersion(toVersion, g.packVersion)) throw badInput(`只能升级到比 ${g.packVersion} 版更新的版本`);
  const registry = packsFor(ctx);
  const oldPack = registry.get(g.packId, g.packVersion);
  if (!oldPack) throw badInput(`本机没有安装草稿所用的 ${g.packVersion} 版指南，无法比较两个版本`);
  const newPack = registry.get(g.packId, toVersion);
  if (!newPack) throw badInput(`本机没有安装指南「${oldPack.title}」的 ${toVersion} 版`);
  let plan: ReturnType<typeof planUpgrade>;
  try {
    plan = planUpgrade(draft, oldPack, newPack);
  } catch (e) {
    throw badInput(e instanceof Error ? e.message : '无法升级这份草稿');
  }
  const options = { today: chinaToday() };
  const report = { ...plan.report, rules: ruleChanges(validateWithRegistry(registry, draft, options).results, validateWithRegistry(registry, plan.upgraded, options).results) };
  if (!dryRun) {
    const { atomicWriteFileSync } = await import('../../services/fs/atomicWrite');
    atomicWriteFileSync(file, `${JSON.stringify({ ...plan.upgraded, updatedAt: new Date().toISOString() }, null, 2)}\n`, 0o644);
  }
  return report;
}

export const draftsMigrate: Command = {
  path: ['drafts', 'migrate'],
  usage: 'drafts migrate <草稿编号|草稿文件> --to <版本号> [--dry-run]',
  summary: '把草稿升级到其申报指南的新版本：先列出升级报告（增删改名的填写项、保留的旧内容、检查结果的变化）；--dry-run 只列报告不修改',
  options: { to: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: '<草稿编号|草稿文件>' },
  async run(ctx, { values, positionals }) {
    const target = positionals[0] ?? '';
    const toVersion = typeof values.to === 'string' ? values.to.trim() : '';
    if (toVersion === '') throw badInput('请用 --to 指定要升级到的指南版本，例如 --to 1.1.0');
    const dryRun = values['dry-run'] === true;
    let report: UpgradeReport;
    let done: string;
    if (DRAFT_ID.test(target) && !existsSync(target)) {
      if (dryRun) {
        report = (await ctx.call('draftsUpgradePreview', { id: target, toVersion })).report;
        done = '（--dry-run：未做任何修改）';
      } else {
        const { revision } = await ctx.call('draftsGet', { id: target });
        const result = await ctx.call('draftsUpgrade', { id: target, toVersion, baseRevision: revision });
        report = result.report;
        done = `已升级到 ${toVersion} 版（草稿第 ${result.revision} 版）；升级前的内容保存在第 ${result.undoRevision} 版，可在「历史」中恢复`;
      }
    } else {
      report = await migrateFile(ctx, target, toVersion, dryRun);
      done = dryRun ? '（--dry-run：未做任何修改）' : `已升级到 ${toVersion} 版并写回 ${target}`;
    }
    for (const line of upgradeReportLines(report)) ctx.out(line);
    ctx.out(done);
    return EXIT.ok;
  },
};
