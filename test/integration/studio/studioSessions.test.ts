import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { createStudioSessions } from '../../../electron/services/studio/studioSessions';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { StudioEdits } from '../../../shared/studio/studioEdits';
import { data } from '../../support/envelope';
import { makeTempDir } from '../../support/tempStore';

const NOTICE = { name: '清河区通知.txt', text: '关于组织申报2026年度清河区科技创新项目的通知\n一、申报要求\n（一）项目负责人年龄不超过50周岁。\n' };
const EDITS: StudioEdits = {
  meta: { id: 'qinghe-2026', title: '清河区2026年度科技创新项目', version: '1.0.0', year: 2026 },
  proposals: { p1: { status: 'accepted', params: { max: 45 } } },
  unrecognized: {},
  fields: { 'project.summary': { label: '项目简介' } },
  programs: [{ id: 'main', from: 'main', name: '科技创新项目', fundingMaxWan: 30 }],
};

describe('指南工作台: the work in progress is saved per notice and offered again', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('saves atomically and gives the same decisions back for the same notice text only', () => {
    const sessions = createStudioSessions(temp.dir, () => new Date('2026-03-02T08:00:00.000Z'));
    expect(sessions.get(NOTICE)).toBeNull();
    expect(sessions.save(NOTICE, EDITS)).toEqual({ savedAt: '2026-03-02T08:00:00.000Z' });
    expect(sessions.get(NOTICE)).toEqual({ noticeName: '清河区通知.txt', savedAt: '2026-03-02T08:00:00.000Z', edits: EDITS });
    // Another notice (one character differs) has its own session, none yet.
    expect(sessions.get({ text: `${NOTICE.text}。` })).toBeNull();
    // One file, no temporary file left beside it.
    expect(readdirSync(path.join(temp.dir, 'studio-sessions'))).toHaveLength(1);
    sessions.discard(NOTICE);
    expect(sessions.get(NOTICE)).toBeNull();
  });

  it('a damaged session file is not offered (and not thrown at the user as if the notice were bad)', () => {
    const sessions = createStudioSessions(temp.dir);
    sessions.save(NOTICE, EDITS);
    const dir = path.join(temp.dir, 'studio-sessions');
    writeFileSync(path.join(dir, readdirSync(dir)[0]!), '{"format":"shenbao-studio-session","formatVersion":1,');
    expect(sessions.get(NOTICE)).toBeNull();
  });

  it('a save that cannot be written says so in Chinese (the studio then does not claim 已保存)', () => {
    // A file where the sessions directory should be: the write fails even for root.
    writeFileSync(path.join(temp.dir, 'studio-sessions'), '');
    expect(() => createStudioSessions(temp.dir).save(NOTICE, EDITS)).toThrow('保存审核进度失败：磁盘可能已满或没有写入权限');
  });

  it('through dispatch: a bad payload is refused in Chinese; save → get → discard', async () => {
    const services: Services = openServices({ dataDir: temp.dir, mode: 'test' });
    try {
      const { handlers } = services;
      const refused = await dispatch(handlers, 'studioSessionSave', { notice: NOTICE, edits: { ...EDITS, proposals: { x: { status: 'accepted' } } } });
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('建议编号不正确') } });
      const saved = data<{ savedAt: string }>(await dispatch(handlers, 'studioSessionSave', { notice: NOTICE, edits: EDITS }));
      expect(data(await dispatch(handlers, 'studioSessionGet', { notice: NOTICE }))).toEqual({ noticeName: NOTICE.name, savedAt: saved.savedAt, edits: EDITS });
      expect(data(await dispatch(handlers, 'studioSessionDiscard', { notice: NOTICE }))).toEqual({ ok: true });
      expect(data(await dispatch(handlers, 'studioSessionGet', { notice: NOTICE }))).toBeNull();
    } finally {
      services.close();
    }
  });
});
