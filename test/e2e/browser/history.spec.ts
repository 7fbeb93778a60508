import { test, expect } from './fixtures';
import { draftFile, fixtureDraft } from './pages/fixtureDrafts';
import { HistoryDrawer } from './pages/HistoryDrawer';

const imported = fixtureDraft('karamay-2017', 'valid-major.json');
const TITLE = imported.values['project.name'] as string;
const FIRST = '基于物联网的智慧安防平台（初稿）';
const SECOND = '老旧小区智慧安防管理平台研发与应用';

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test.describe.configure({ timeout: 120_000 });

test('restoring an older revision brings its text back as a new revision', async ({ list, page }) => {
  const history = new HistoryDrawer(page);
  const nameInput = page.locator('[data-field="project.name"] input');
  const status = page.getByRole('status', { name: '保存状态' });

  await test.step('type a name, save, then replace it', async () => {
    await list.open();
    const file = draftFile(imported);
    await list.importFile(file.name, file.content);
    await list.openDraft(TITLE);
    await nameInput.fill(FIRST);
    await expect(status).toHaveText(/已保存/);
    await nameInput.fill(SECOND);
    await expect(status).toHaveText(/已保存/);
  });

  let withFirst = 0;
  await test.step('the history lists the revisions; the preview shows the older text read-only', async () => {
    await history.open();
    const revisions = await history.revisions();
    expect(revisions).toEqual([...revisions].sort((a, b) => b - a));
    // Newest first: 1 is the imported draft, the one before the newest holds the first name.
    withFirst = revisions[1] ?? 0;
    await history.showPreview(withFirst);
    await expect(history.preview).toContainText(FIRST);
    await expect(history.preview.locator('input, textarea')).toHaveCount(0);
    await history.drawer.getByRole('button', { name: '返回列表' }).click();
  });

  await test.step('restore it: the wizard shows the old text, and the restore is the newest revision', async () => {
    const before = await history.revisions();
    await history.restore(withFirst);
    await expect(nameInput).toHaveValue(FIRST);
    await history.open();
    const after = await history.revisions();
    expect(after[0]).toBe((before[0] ?? 0) + 1);
    await history.showPreview(after[0] ?? 0);
    await expect(history.preview).toContainText(FIRST);
  });

  await test.step('a reload still shows the restored text', async () => {
    await page.reload();
    await expect(nameInput).toHaveValue(FIRST);
  });
});
