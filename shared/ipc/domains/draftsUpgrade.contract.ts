import { z } from 'zod';
import type { UpgradeReport } from '../../upgrade/upgradeReport';
import { DraftId } from './common';
import { SaveResultSchema } from './schemas';

const Version = z.string().regex(/^\d{1,4}(\.\d{1,4}){0,3}$/, '版本号应写成「1.1.0」这样的数字').max(50, '版本号过长');

/** Upgrading a draft to a newer installed version of its pack: the report first, then one revision. */
export const draftsUpgradeContract = {
  draftsUpgradePreview: {
    input: z.object({ id: DraftId, toVersion: Version }).strict(),
    output: z.object({ report: z.custom<UpgradeReport>() }),
  },
  draftsUpgrade: {
    /** `baseRevision`: the revision the report was shown for; a save in between is a conflict. */
    input: z.object({ id: DraftId, toVersion: Version, baseRevision: z.number().int().positive('草稿版本号不正确') }).strict(),
    output: SaveResultSchema.extend({ report: z.custom<UpgradeReport>(), undoRevision: z.number().int().positive() }),
  },
} as const;
