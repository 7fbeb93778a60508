import { z } from 'zod';
import { FieldIdSchema, FieldValueSchema } from '../../model/draft';
import { IsoTime } from './common';

export const ProfileKindSchema = z.enum(['unit', 'person'], '档案类型只能是单位或个人');
export type ProfileKind = z.infer<typeof ProfileKindSchema>;

/** A unit profile holds `applicant.*` fields, a person profile `pi.*` fields: the common ids every pack keeps. */
export const PROFILE_FIELD_PREFIX: Record<ProfileKind, string> = { unit: 'applicant.', person: 'pi.' };

export const ProfileValuesSchema = z
  .record(FieldIdSchema, FieldValueSchema)
  .refine((r) => Object.keys(r).length <= 100, '档案字段不能超过 100 个');

export const ProfileSchema = z.object({
  id: z.uuid(),
  kind: ProfileKindSchema,
  name: z.string(),
  values: ProfileValuesSchema,
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Profile = z.infer<typeof ProfileSchema>;

export const profilesContract = {
  profilesList: {
    input: z.object({ kind: ProfileKindSchema.optional() }).strict(),
    output: z.array(ProfileSchema),
  },
  profilesSave: {
    /**
     * Without `id`, saving under an existing name of the same kind replaces that profile's values;
     * with `id` (the 档案 page's 编辑), that profile is renamed and its values replaced.
     */
    input: z
      .object({
        id: z.uuid('档案编号格式不正确').optional(),
        kind: ProfileKindSchema,
        name: z.string('档案名称必须是文字').trim().min(1, '档案名称不能为空').max(100, '档案名称不能超过 100 个字符'),
        values: ProfileValuesSchema,
      })
      .strict()
      .superRefine((input, ctx) => {
        const prefix = PROFILE_FIELD_PREFIX[input.kind];
        const foreign = Object.keys(input.values).filter((k) => !k.startsWith(prefix));
        if (foreign.length > 0) {
          ctx.addIssue({ code: 'custom', path: ['values'], message: `${input.kind === 'unit' ? '单位' : '个人'}档案只能保存 ${prefix}* 字段，不能包含：${foreign.slice(0, 5).join('、')}` });
        }
        if (Object.keys(input.values).length === 0) ctx.addIssue({ code: 'custom', path: ['values'], message: '档案内容为空：请先填写后再保存' });
      }),
    output: ProfileSchema,
  },
  profilesDelete: {
    input: z.object({ id: z.uuid('档案编号格式不正确') }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
} as const;
