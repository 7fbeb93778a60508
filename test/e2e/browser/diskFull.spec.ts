import { test, expect } from './fixtures';
import { DraftsListPage } from './pages/DraftsListPage';

/**
 * Issue 6 §Durability 2 in the browser: the host's store fails saves as on a full disk
 * (SQLITE_FULL through the app's own mapping). The user sees the Chinese reason, nothing claims
 * 已保存, typing goes on, and once space returns the next save stores everything typed.
 */
const NAME = '干旱区节水灌溉智能控制系统研发';
const TYPED_WHILE_FULL = '磁盘满时继续输入的内容，';
const TYPED_AFTER = '空间恢复后再输入。';
const FULL_MESSAGE = '保存失败：磁盘空间不足，保存失败；您的修改仍保留在编辑器中';

test('a full disk: the error is shown, 已保存 is not, typing goes on, and the next save after space returns succeeds', async ({ page, editor, fullDisk }) => {
  const list = new DraftsListPage(page, fullDisk.url);

  await test.step('a draft saves normally', async () => {
    await list.open();
    await list.createDraft();
    await editor.waitLoaded();
    await editor.projectName.fill(NAME);
    await editor.expectSaved();
  });

  await test.step('the disk fills: the save fails with the Chinese reason and 已保存 is not shown', async () => {
    await fullDisk.fill();
    await editor.summary.pressSequentially(TYPED_WHILE_FULL);
    await expect(editor.status).toContainText(FULL_MESSAGE);
    await expect(editor.status).not.toContainText('已保存');
    await expect(editor.retryButton).toBeVisible();
  });

  await test.step('typing goes on and stays in the editor; a retry while full fails again', async () => {
    await editor.summary.press('End');
    await editor.summary.pressSequentially('仍然可以输入');
    await expect(editor.summary).toHaveValue(`${TYPED_WHILE_FULL}仍然可以输入`);
    await expect(editor.status).toContainText(FULL_MESSAGE);
    await editor.retryButton.click();
    await expect(editor.status).toContainText(FULL_MESSAGE);
    await expect(editor.status).not.toContainText('已保存');
  });

  await test.step('space returns: the next save succeeds and 已保存 appears', async () => {
    await fullDisk.free();
    await editor.summary.press('End');
    await editor.summary.pressSequentially(TYPED_AFTER);
    await editor.expectSaved();
  });

  await test.step('everything typed while the disk was full was saved', async () => {
    await page.reload();
    await editor.waitLoaded();
    await expect(editor.projectName).toHaveValue(NAME);
    await expect(editor.summary).toHaveValue(`${TYPED_WHILE_FULL}仍然可以输入${TYPED_AFTER}`);
  });
});
