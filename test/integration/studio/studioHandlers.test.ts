import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { loadPackFromText } from '../../../electron/services/packs/loadPack';
import { openPackRegistry, type PackRegistry } from '../../../electron/services/packs/registry';
import type { StudioCheck } from '../../../shared/ipc/domains/studio.contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { DraftValidationSchema } from '../../../shared/rules/resultSchema';
import type { StudioEdits } from '../../../shared/studio/studioEdits';
import { draftFromNotice, type StudioDraftFile } from '../../../shared/studio/studioFile';
import { data } from '../../support/envelope';
import { makeTempDir } from '../../support/tempStore';

const NOTICE_FILE = path.resolve(import.meta.dirname, '../../fixtures/studio/2026-qinghe-district-notice.txt');
const NOTICE = readFileSync(NOTICE_FILE, 'utf8');

describe('指南工作台 through dispatch: notice → proposals → decisions → installed pack → a draft on it', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let packs: PackRegistry;
  let services: Services;
  beforeEach(() => {
    temp = makeTempDir();
    packs = openPackRegistry({ dataDir: temp.dir, builtinDir: null });
    services = openServices({ dataDir: temp.dir, mode: 'test', packs });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  const draftOf = async (): Promise<StudioDraftFile> => data<StudioDraftFile>(await dispatch(services.handlers, 'studioDraft', { fileName: '清河区通知.txt', base64: Buffer.from(NOTICE).toString('base64') }));

  const decideAll = (draft: StudioDraftFile, status: 'accepted' | 'rejected' = 'accepted'): StudioEdits => ({
    meta: { id: 'qinghe-2026', title: '清河区2026年度科技创新项目', version: '1.0.0', year: 2026 },
    proposals: Object.fromEntries(draft.proposals.map((p) => [p.id, { status }])),
    unrecognized: Object.fromEntries(draft.unrecognized.map((_, i) => [`u${i}`, { action: 'declaration' as const, text: '本单位承诺：项目具有明确的市场前景和产业化路径' }])),
    fields: {},
  });

  it('reads an uploaded notice into clauses, proposals with verbatim quotes and the unrecognized requirement', async () => {
    const draft = await draftOf();
    expect(draft.notice.text).toBe(NOTICE);
    const age = draft.proposals.find((p) => p.kind === 'ageAtDate')!;
    expect(age.params.max).toBe(50);
    expect(NOTICE.slice(age.start, age.end)).toBe(age.quote);
    expect(draft.unrecognized.map((u) => u.quote)).toEqual(['（七）项目须具有明确的市场前景和产业化路径。']);
    const pasted = data<StudioDraftFile>(await dispatch(services.handlers, 'studioDraft', { fileName: '粘贴的通知', text: NOTICE }));
    expect(pasted.proposals).toEqual(draft.proposals);
  });

  it('opens a draft file written by `shenbao guidelines draft` (its notice, the proposals made again)', async () => {
    const file = JSON.stringify(draftFromNotice('清河区通知.txt', NOTICE));
    const opened = data<StudioDraftFile>(await dispatch(services.handlers, 'studioDraft', { fileName: '草稿.json', base64: Buffer.from(file).toString('base64') }));
    expect(opened.notice).toEqual({ name: '清河区通知.txt', text: NOTICE });
    expect(opened.proposals).toEqual((await draftOf()).proposals);
    const other = await dispatch(services.handlers, 'studioDraft', { fileName: 'x.json', base64: Buffer.from('{"format":"shenbao-draft"}').toString('base64') });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '「x.json」不是指南草稿文件（由 shenbao guidelines draft 生成的 .json）' } });
  });

  it('refuses a notice it cannot read with a Chinese message', async () => {
    const envelope = await dispatch(services.handlers, 'studioDraft', { fileName: '通知.doc', base64: Buffer.from('x').toString('base64') });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('不支持的通知文件类型') } });
  });

  it('does not save while a proposal is undecided, nor a pack with a bad edited parameter; nothing is installed', async () => {
    const draft = await draftOf();
    const edits = decideAll(draft);
    const first = draft.proposals[0]!.id;
    delete edits.proposals[first];
    const undecided = data<StudioCheck>(await dispatch(services.handlers, 'studioSave', { notice: draft.notice, edits }));
    expect(undecided.installed).toBeNull();
    expect(undecided.problems[0]).toBe('还有 1 条建议未决定：请逐条接受或拒绝后再保存');

    const age = draft.proposals.find((p) => p.kind === 'ageAtDate')!;
    const bad = decideAll(draft);
    bad.proposals[age.id] = { status: 'accepted', params: { ...age.params, max: '五十' } };
    const checked = data<StudioCheck>(await dispatch(services.handlers, 'studioSave', { notice: draft.notice, edits: bad }));
    expect(checked.installed).toBeNull();
    expect(checked.problems.join('\n')).toMatch(/规则 › 第 \d+ 项 › 最大值：应为数字/);
    expect(packs.get('qinghe-2026')).toBeUndefined();
  });

  it('installs the accepted and edited pack; a draft on it fires the edited rule with its quote', async () => {
    const draft = await draftOf();
    const edits = decideAll(draft);
    const age = draft.proposals.find((p) => p.kind === 'ageAtDate')!;
    const period = draft.proposals.find((p) => p.kind === 'periodMonths')!;
    edits.proposals[age.id] = { status: 'accepted', params: { ...age.params, max: 45 }, severity: 'error' };
    edits.proposals[period.id] = { status: 'rejected' };
    edits.fields['project.summary'] = { label: '项目简介', maxChars: 500, required: true };

    const check = data<StudioCheck>(await dispatch(services.handlers, 'studioCheck', { notice: draft.notice, edits }));
    expect(check.problems).toEqual([]);
    expect(check.installed).toBeNull();
    expect(packs.get('qinghe-2026')).toBeUndefined();
    // The exported pack.json with the notice as source.txt is what `guidelines import` takes.
    expect(loadPackFromText(check.packJson, NOTICE).pack).toMatchObject({ id: 'qinghe-2026', version: '1.0.0' });
    // The coverage table: the turned 承诺 and the rule clauses, nothing left 尚未处理.
    expect(check.coverage.rows.some((r) => r.coverage === 'declaration' && r.note === '本单位承诺：项目具有明确的市场前景和产业化路径')).toBe(true);
    expect(check.coverage.rows.every((r) => !(r.note ?? '').startsWith('尚未处理'))).toBe(true);

    const saved = data<StudioCheck>(await dispatch(services.handlers, 'studioSave', { notice: draft.notice, edits }));
    expect(saved.problems).toEqual([]);
    expect(saved.installed).toMatchObject({ id: 'qinghe-2026', version: '1.0.0', title: '清河区2026年度科技创新项目' });
    const pack = packs.get('qinghe-2026')!;
    const rules = pack.programs[0]!.rules;
    expect(rules.find((r) => r.kind === 'ageAtDate')).toMatchObject({ max: 45 });
    expect(rules.some((r) => r.kind === 'periodMonths')).toBe(false);
    expect(pack.template?.overrideFields?.['project.summary']).toEqual({ label: '项目简介', required: true, maxChars: 500 });

    // Saving the same version again with other content is refused in Chinese; nothing changes.
    edits.proposals[age.id] = { status: 'accepted', params: { ...age.params, max: 40 } };
    const again = data<StudioCheck>(await dispatch(services.handlers, 'studioSave', { notice: draft.notice, edits }));
    expect(again.installed).toBeNull();
    expect(again.problems[0]).toMatch(/1\.0\.0 版已安装且内容不同/);

    const created = services.drafts.create({ title: '测试草稿', guideline: { packId: 'qinghe-2026', packVersion: '1.0.0', programId: 'main', directionPath: [], documentType: 'application' } });
    // A PI born in 1970 is 56 at the window close (2026-04-30): over the edited 45.
    services.drafts.save({ id: created.draft.id, baseRevision: created.revision, patch: { values: { 'pi.idNumber': '110105197001010011' } } });
    const validation = DraftValidationSchema.parse(data(await dispatch(services.handlers, 'draftsValidate', { id: created.draft.id, at: '2026-03-10' })));
    const fired = validation.results.find((r) => r.kind === 'ageAtDate')!;
    expect(fired.outcome).toBe('fail');
    expect(fired.citation.quote).toBe(age.quote.replace(/\s*\n\s*/g, '').trim());
  });

  it('turns an unrecognized requirement into 无法离线检查 with the user\'s reason', async () => {
    const draft = await draftOf();
    const edits = decideAll(draft);
    edits.unrecognized.u0 = { action: 'notCheckable', reason: '市场前景由专家评审判断' };
    const check = data<StudioCheck>(await dispatch(services.handlers, 'studioCheck', { notice: draft.notice, edits }));
    expect(check.problems).toEqual([]);
    const row = check.coverage.rows.find((r) => r.quote === '（七）项目须具有明确的市场前景和产业化路径。')!;
    expect(row).toMatchObject({ coverage: 'notCheckable', note: '市场前景由专家评审判断' });
  });
});
