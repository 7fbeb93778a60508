import type { ParsedInput } from '../../../shared/ipc/contract';
import { createUpgradeService, type UpgradeDeps } from './upgradeService';

/** draftsUpgradePreview / draftsUpgrade: moving a draft to a newer installed version of its pack. */
export function createUpgradeHandlers(deps: UpgradeDeps) {
  const upgrades = createUpgradeService(deps);
  return {
    draftsUpgradePreview: (input: ParsedInput<'draftsUpgradePreview'>) => upgrades.preview(input.id, input.toVersion),
    draftsUpgrade: (input: ParsedInput<'draftsUpgrade'>) => upgrades.upgrade(input.id, input.toVersion, input.baseRevision),
  };
}
