import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import { makeTempDir } from '../../support/tempStore';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
beforeAll(async () => {
  temp = makeTempDir('shenbao-labels-');
  services = openServices({ dataDir: temp.dir, mode: 'test' });
  // The packs load as the app starts (the home page lists them).
  await services.handlers.guidelinesList({});
});
afterAll(() => {
  services.close();
  temp.cleanup();
});

describe('a rejected save names a pack’s own field by its form label', () => {
  it('fields a pack adds (成立（注册）日期, 单位隶属关系) and its checklist items', async () => {
    const id = (await services.handlers.draftsCreate({ title: '标签' })).draft.id;
    const save = (patch: unknown) => dispatch(services.handlers, 'draftsSave', { id, baseRevision: 1, patch });
    const founded = await save({ values: { 'applicant.foundedOn': {} } });
    expect(!founded.ok && founded.error.message).toMatch(/^请求参数不正确：成立（注册）日期：类型不正确/);
    const affiliation = await save({ values: { 'applicant.affiliation': 'x'.repeat(200_001) } });
    expect(!affiliation.ok && affiliation.error.message).toBe('请求参数不正确：单位隶属关系：不能超过 200000 个字符');
    const unknown = await save({ values: { 'nobody.knows': {} } });
    expect(!unknown.ok && unknown.error.message).toMatch(/^请求参数不正确：修改内容 › 填写内容 › 「nobody\.knows」：/);
    const attachment = await save({ attachments: { 'att.uscc_cert': [{ sha256: 'nope' }] } });
    expect(!attachment.ok && attachment.error.message).toMatch(/^请求参数不正确：企业统一社会信用代码证 › 第 1 项 › 文件校验值：/);
  });
});
