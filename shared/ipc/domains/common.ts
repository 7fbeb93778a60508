import { z } from 'zod';

export const DraftId = z.uuid('草稿编号格式不正确');
export const Empty = z.object({}).strict();
export const IsoTime = z.iso.datetime({ offset: true });
