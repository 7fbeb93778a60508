import { closeApp, openApp } from './pages/openApp';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { BackupSettingsPage, RecoveryDialog } from './pages/BackupSettingsPage';
import { DraftsListPage } from './pages/DraftsListPage';
import { EditorPage } from './pages/EditorPage';
import { startTestWebHost } from './webHost';

const FIRST = '盐碱地耐逆小麦新品种选育';
const SECOND = '改过的项目名称';

// Each test walks several screens (the second starts the host twice): more than the default minute on a loaded machine.
test.describe.configure({ timeout: 150_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('备份与恢复: back up, change a draft, restore, see the old content', async ({ list, editor, page }) => {
  const settings = new BackupSettingsPage(page);

  await test.step('a draft with a name', async () => {
    await list.open();
    await list.createDraft();
    await editor.waitLoaded();
    await editor.projectName.fill(FIRST);
    await editor.expectSaved();
    await editor.back();
  });

  await test.step('立即备份 in 设置', async () => {
    await settings.openFromHome();
    await expect(settings.dataDir).toContainText('shenbao-e2e-');
    await settings.backupNow();
    await expect(settings.rows().first()).toContainText('手动');
    await expect(settings.rows().first()).toContainText('完好');
  });

  await test.step('the keep-count is a setting', async () => {
    await settings.keepCount.fill('5');
    await settings.saveKeepCountButton.click();
    await expect(page.getByText('将保留最近 5 份备份')).toBeVisible();
  });

  await test.step('change the draft after the backup', async () => {
    await page.getByRole('link', { name: '返回' }).click();
    await list.openDraft(FIRST);
    await editor.waitLoaded();
    await editor.projectName.fill(SECOND);
    await editor.expectSaved();
    await editor.back();
    await expect(list.row(SECOND)).toBeVisible();
  });

  await test.step('恢复 the manual backup: the current data is backed up first', async () => {
    await settings.openFromHome();
    await settings.restore('手动');
    await expect(settings.outcome).toContainText('恢复前的数据已另存为备份');
    await expect(settings.rows().filter({ hasText: '恢复前' })).toHaveCount(1);
  });

  await test.step('the draft has its old content', async () => {
    await page.getByRole('link', { name: '返回' }).click();
    await expect(list.row(FIRST)).toBeVisible();
    await expect(list.row(SECOND)).toHaveCount(0);
    await list.openDraft(FIRST);
    await editor.waitLoaded();
    await expect(editor.projectName).toHaveValue(FIRST);
  });
});

test('a damaged data file at start: the dialog offers the latest backup and restores the drafts', async ({ page, pageProblems: _watched }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'shenbao-e2e-corrupt-'));
  try {
    await test.step('a first run: a draft and a backup', async () => {
      const host = await startTestWebHost({ dataDir });
      try {
        const list = new DraftsListPage(page, host.url);
        const editor = new EditorPage(page);
        await list.open();
        await list.createDraft();
        await editor.waitLoaded();
        await editor.projectName.fill(FIRST);
        await editor.expectSaved();
        await editor.back();
        const settings = new BackupSettingsPage(page);
        await settings.openFromHome();
        await settings.backupNow();
      } finally {
        await closeApp(page);
        await host.close();
      }
    });

    const damaged = Buffer.from('这不是数据库'.repeat(500));
    await writeFile(join(dataDir, 'shenbao.db'), damaged);

    const host = await startTestWebHost({ dataDir });
    try {
      const list = new DraftsListPage(page, host.url);
      const recovery = new RecoveryDialog(page);
      await test.step('the next start shows the blocking dialog with where the bad file went', async () => {
        await openApp(page, host.url);
        await expect(recovery.dialog).toBeVisible();
        await expect(recovery.dialog).toContainText('不是申报通的数据库');
        await expect(recovery.movedAsidePath).toContainText(join(dataDir, 'corrupt'));
        await expect(recovery.restoreLatestButton()).toBeVisible();
      });

      await test.step('the moved-aside file is byte-identical', async () => {
        const [stamp] = await readdir(join(dataDir, 'corrupt'));
        expect((await readFile(join(dataDir, 'corrupt', stamp!, 'shenbao.db'))).equals(damaged)).toBe(true);
      });

      await test.step('恢复最近的备份 brings the draft back', async () => {
        await recovery.restoreLatest();
        await expect(list.row(FIRST)).toBeVisible();
        await page.reload();
        await expect(list.row(FIRST)).toBeVisible();
        await expect(recovery.dialog).toBeHidden();
      });
    } finally {
      await closeApp(page);
      await host.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
