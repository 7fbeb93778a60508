import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { test, expect } from './fixtures';
import { closeApp, openApp } from './pages/openApp';
import { BackupSettingsPage } from './pages/BackupSettingsPage';
import { DraftsListPage } from './pages/DraftsListPage';
import { EditorPage } from './pages/EditorPage';
import { startTestWebHost } from './webHost';
import { expectSettled } from './pages/settled';

/**
 * Issue 10 §3 and §4 in the browser: a draft whose stored content no longer reads back is listed as
 * 已损坏 beside the others and recovered from its own revisions; a store that went missing where a
 * backup exists is reported, never shown as an empty list in silence.
 */
const KEPT = '完好的申报书';
const DAMAGED = '将被损坏的申报书';

test.describe.configure({ timeout: 150_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

async function firstRun(dataDir: string, page: import('@playwright/test').Page, titles: string[], backup: boolean): Promise<void> {
  const host = await startTestWebHost({ dataDir });
  try {
    const list = new DraftsListPage(page, host.url);
    const editor = new EditorPage(page);
    await list.open();
    for (const title of titles) {
      await list.createDraft();
      await editor.waitLoaded();
      await editor.projectName.fill(title);
      await editor.expectSaved();
      await editor.back();
    }
    if (backup) {
      const settings = new BackupSettingsPage(page);
      await settings.openFromHome();
      await settings.backupNow();
    }
  } finally {
    await closeApp(page);
    await host.close();
  }
}

test('one damaged draft: listed as 已损坏, the other keeps working, 恢复到最近完好的版本 brings it back', async ({ page, pageProblems: _watched }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'shenbao-e2e-damaged-'));
  try {
    await test.step('a first run saves two drafts', () => firstRun(dataDir, page, [KEPT, DAMAGED], false));

    await test.step('one byte of one stored draft goes bad (its revisions keep their own copies)', () => {
      const db = new BetterSqlite3(join(dataDir, 'shenbao.db'));
      const row = db.prepare<[string], { id: string; doc: string }>(`SELECT id, doc FROM drafts WHERE json_extract(doc, '$.values."project.name"') = ?`).get(DAMAGED)!;
      db.prepare('UPDATE drafts SET doc = ? WHERE id = ?').run(row.doc.replace('"editing"', '"edhting"'), row.id);
      db.close();
    });

    const host = await startTestWebHost({ dataDir });
    try {
      const list = new DraftsListPage(page, host.url);
      const editor = new EditorPage(page);
      await test.step('the list shows both; only the damaged one is 已损坏 and offers recovery', async () => {
        await list.open();
        await expect(list.row(DAMAGED)).toContainText('已损坏');
        await expect(list.row(KEPT)).toContainText('编辑中');
        await expect(list.row(KEPT).getByRole('button', { name: '恢复到最近完好的版本' })).toHaveCount(0);
      });

      await test.step('恢复到最近完好的版本, confirmed: the draft is whole again', async () => {
        await list.row(DAMAGED).getByRole('button', { name: '恢复到最近完好的版本' }).click();
        await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '恢复' }).click();
        await expect(page.getByText(/已恢复到第 \d+ 版的内容/)).toBeVisible();
        await expect(list.row(DAMAGED)).toContainText('编辑中');
        await list.openDraft(DAMAGED);
        await editor.waitLoaded();
        await expect(editor.projectName).toHaveValue(DAMAGED);
      });
    } finally {
      await closeApp(page);
      await host.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the data file is gone but a backup exists: the start says so and offers the backup', async ({ page, pageProblems: _watched }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'shenbao-e2e-missing-'));
  try {
    await test.step('a first run: a draft and a backup', () => firstRun(dataDir, page, [KEPT], true));
    for (const suffix of ['', '-wal', '-shm']) await rm(join(dataDir, `shenbao.db${suffix}`), { force: true });

    const host = await startTestWebHost({ dataDir });
    try {
      const list = new DraftsListPage(page, host.url);
      const dialog = page.getByRole('dialog', { name: '数据文件不见了或是空的' });
      await test.step('the next start blocks with the reason, not an empty list', async () => {
        await openApp(page, host.url);
        await expect(dialog).toBeVisible();
        await expect(dialog).toContainText('数据文件（shenbao.db）不见了');
        await expect(dialog.getByTestId('moved-aside-path')).toHaveCount(0);
      });
      await test.step('恢复最近的备份 brings the draft back', async () => {
        await expectSettled(dialog);
        await dialog.getByRole('button', { name: /^恢复最近的备份/ }).click();
        const done = page.getByRole('dialog', { name: '已恢复' });
        await expect(done).toContainText('已从备份');
        await expectSettled(done);
        await done.getByRole('button', { name: '知道了' }).click();
        await expect(list.row(KEPT)).toBeVisible();
      });
    } finally {
      await closeApp(page);
      await host.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
