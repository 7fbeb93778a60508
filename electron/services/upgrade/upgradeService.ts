import { chinaToday } from '../../../shared/dates';
import { AppError } from '../../../shared/ipc/errors';
import type { SaveResult } from '../../../shared/ipc/contract';
import { isNewerVersion, planUpgrade, ruleChanges, type UpgradePlan, type UpgradeReport } from '../../../shared/upgrade/upgradeReport';
import type { DraftService } from '../drafts/draftService';
import type { StoreValidation } from '../drafts/storeValidation';
import type { PackRegistry } from '../packs/registry';
import { validateWithRegistry } from '../packs/validation';

export interface UpgradeDeps {
  drafts: DraftService;
  packs: PackRegistry;
  validation: StoreValidation;
  now?: () => Date;
}

/** The label of the revision kept from before an upgrade, so the upgrade can be undone from 历史. */
export const beforeUpgradeLabel = (version: string): string => `升级到 ${version} 版指南前`;

/**
 * 升级到新版指南: the report (fields, kept content, rule changes) computed before anything changes,
 * and the upgrade itself as one revision, with the revision before it named so it can be restored.
 */
export function createUpgradeService({ drafts, packs, validation, now = () => new Date() }: UpgradeDeps) {
  const plan = (id: string, toVersion: string): { revision: number; plan: UpgradePlan; report: UpgradeReport } => {
    const stored = drafts.get(id);
    const g = stored.draft.guideline;
    if (!g) throw new AppError('invalid_input', '这份草稿没有选择申报指南，无需升级');
    if (g.packVersion === toVersion) throw new AppError('invalid_input', `草稿已经使用 ${toVersion} 版指南`);
    if (!isNewerVersion(toVersion, g.packVersion)) throw new AppError('invalid_input', `只能升级到比 ${g.packVersion} 版更新的版本`);
    const oldPack = packs.get(g.packId, g.packVersion);
    if (!oldPack) throw new AppError('not_found', `本机没有安装草稿所用的 ${g.packVersion} 版指南，无法比较两个版本`);
    const newPack = packs.get(g.packId, toVersion);
    if (!newPack) throw new AppError('not_found', `本机没有安装指南「${oldPack.title}」的 ${toVersion} 版`);
    let planned: UpgradePlan;
    try {
      planned = planUpgrade(stored.draft, oldPack, newPack);
    } catch (e) {
      throw new AppError('invalid_input', e instanceof Error ? e.message : '无法升级这份草稿');
    }
    const options = validation.optionsFor(id, stored.draft, chinaToday(now()));
    const before = validateWithRegistry(packs, stored.draft, options).results;
    const after = validateWithRegistry(packs, planned.upgraded, options).results;
    return { revision: stored.revision, plan: planned, report: { ...planned.report, rules: ruleChanges(before, after) } };
  };

  return {
    preview: (id: string, toVersion: string): { report: UpgradeReport } => ({ report: plan(id, toVersion).report }),
    upgrade(id: string, toVersion: string, baseRevision: number): SaveResult & { report: UpgradeReport; undoRevision: number } {
      const planned = plan(id, toVersion);
      if (planned.revision !== baseRevision) throw new AppError('conflict', '草稿在显示升级报告后又有修改，请重新查看升级报告');
      const saved = drafts.save({ id, baseRevision, patch: planned.plan.patch });
      // Named after the save succeeded: a refused save (定稿, 回收站) leaves no label behind.
      drafts.nameRevision({ id, revision: baseRevision, label: beforeUpgradeLabel(toVersion) });
      return { ...saved, report: planned.report, undoRevision: baseRevision };
    },
  };
}

export type UpgradeService = ReturnType<typeof createUpgradeService>;
