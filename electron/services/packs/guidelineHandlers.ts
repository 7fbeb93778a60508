import type { GuidelineSummary } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { PackRegistry } from './registry';

/** The guideline methods of the contract: the installed packs, and importing one. */
export function createGuidelineHandlers(packs: PackRegistry) {
  return {
    guidelinesList: (): GuidelineSummary[] => packs.list(),
    guidelinesGet: (input: { id: string; version?: string }): unknown => {
      const pack = packs.get(input.id, input.version);
      if (pack === undefined) {
        const which = input.version ? `「${input.id}」${input.version} 版` : `「${input.id}」`;
        throw new AppError('not_found', `找不到申报指南${which}，它可能未安装`);
      }
      return pack;
    },
    guidelinesImport: (input: { packJson: string; sourceText: string }): GuidelineSummary => packs.importPack(input.packJson, input.sourceText),
  };
}
