import { test, expect } from './fixtures';
import { DraftsListPage } from './pages/DraftsListPage';
import { draftFile, fixtureDraft } from './pages/fixtureDrafts';
import { HistoryDrawer } from './pages/HistoryDrawer';
import { saveScreenshot } from './pages/screenshots';

const imported = fixtureDraft('karamay-2017', 'valid-major.json');
const TITLE = imported.values['project.name'] as string;
const SUMMARY = imported.values['project.summary'] as string;
const FIRST = '环烷基润滑油添加剂国产化（送审稿）';
const SECOND = '环烷基润滑油添加剂国产化与示范应用';
const ADDED = '项目同时建设年产五千吨添加剂示范线。';

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test.describe.configure({ timeout: 150_000 });

test('history: two editing sessions with their changed fields, a named version compared with now and restored', async ({ page, clockedHost, pageProblems: _watched }) => {
  const list = new DraftsListPage(page, clockedHost.url);
  const history = new HistoryDrawer(page);
  const nameInput = page.locator('[data-field="project.name"] input');
  const summaryInput = page.locator('[data-field="project.summary"] textarea');
  const status = page.getByRole('status', { name: '保存状态' });

  await test.step('session 1: import the draft, rename it, and name that version', async () => {
    await list.open();
    const file = draftFile(imported);
    await list.importFile(file.name, file.content);
    await list.openDraft(TITLE);
    await nameInput.fill(FIRST);
    await expect(status).toHaveText(/已保存/);
    await history.open();
    await history.saveVersion('交王老师审阅前');
    await history.close();
  });

  await test.step('session 2, twenty minutes later: the name again and the summary', async () => {
    await clockedHost.advance(20 * 60_000);
    await nameInput.fill(SECOND);
    await summaryInput.fill(SUMMARY + ADDED);
    await expect(status).toHaveText(/已保存/);
  });

  let named = 0;
  await test.step('the history shows two sessions, each with the fields it changed by their form labels', async () => {
    await history.open();
    await expect(history.sessions).toHaveCount(2);
    await expect(history.sessions.nth(0).getByTestId('session-changed')).toHaveText('改动：项目名称、项目摘要');
    // The first session holds the import: everything it brought counts as changed.
    await expect(history.sessions.nth(1).getByTestId('session-changed')).toContainText(/^改动：项目名称、.+ 等 \d+ 项$/);
    await expect(history.namedVersion('交王老师审阅前')).toBeVisible();
    await expect(history.namedVersion('导入时的内容')).toBeVisible();
    named = await history.revisionOf('交王老师审阅前');
    await saveScreenshot(page, 'history-sessions');
  });

  await test.step('compare the named version with now: old → new for the name, a text diff for the summary', async () => {
    await history.compareNamed('交王老师审阅前');
    await expect(history.compare.locator('[data-change]')).toHaveCount(2);
    await expect(history.change('project.name')).toHaveText(`${FIRST} → ${SECOND}`);
    const diff = history.change('project.summary').getByTestId('text-diff');
    await expect(diff.locator('ins')).toHaveText(ADDED);
    await expect(diff.locator('del')).toHaveCount(0);
    await saveScreenshot(page, 'history-compare');
  });

  await test.step('restore it after confirming: the old values are back, and what was replaced is a named version', async () => {
    await history.restoreCompared(named);
    await expect(nameInput).toHaveValue(FIRST);
    await expect(summaryInput).toHaveValue(SUMMARY);
    await history.open();
    await expect(history.namedVersion(`恢复第 ${named} 版前`)).toBeVisible();
    await history.compareNamed(`恢复第 ${named} 版前`);
    await expect(history.change('project.name')).toHaveText(`${SECOND} → ${FIRST}`);
  });

  await test.step('a reload still shows the restored values', async () => {
    await page.reload();
    await expect(nameInput).toHaveValue(FIRST);
    await expect(summaryInput).toHaveValue(SUMMARY);
  });
});
