import { test, expect } from './fixtures';
import { withStoredAttachments } from './pages/ExportPages';
import { draftFile, fixtureDraft, packClause } from './pages/fixtureDrafts';
import { IssuesPanel } from './pages/IssuesPanel';
import { saveScreenshot } from './pages/screenshots';

/** A clean 城关 application whose PI ID number has a wrong check digit: one cited error. */
const clean = fixtureDraft('chengguan-2020', 'valid-tech-enterprise.json');
const VALID_ID = clean.values['pi.idNumber'] as string;
const broken = fixtureDraft('chengguan-2020', 'valid-tech-enterprise.json', { 'pi.idNumber': '620102196001011234' });
const TITLE = broken.values['project.name'] as string;
const RULE = 'cg.pi-id-format';

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('the issues panel lists a cited error, 定位 focuses its field, and fixing it clears the badge', async ({ list, page }) => {
  const issues = new IssuesPanel(page);
  const idInput = page.locator('[data-field="pi.idNumber"] input');

  await test.step('import the draft and open it', async () => {
    await list.open();
    // The fixture's attachment hashes are placeholders: store real files first, or every attachment is (rightly) missing.
    const file = draftFile(await withStoredAttachments(page, broken));
    await list.importFile(file.name, file.content);
    await list.openDraft(TITLE);
    await issues.expectErrorBadge(1);
  });

  await test.step('the panel groups by severity, with computed values and the clause', async () => {
    await issues.open();
    const error = issues.group('error').locator(`[data-rule="${RULE}"]`);
    await expect(error).toContainText('项目负责人居民身份证号码须有效：「620102196001011234」不是有效的居民身份证号码（校验码不正确）');
    await expect(error).toContainText('关于组织申报2020年度城关区科技计划项目及人才创新创业项目的通知');
    const clause = packClause('chengguan-2020', 'req2.age');
    await expect(error).toContainText(clause.path);
    const quote = await issues.showQuote(RULE);
    await expect(quote).toHaveText(clause.quote);
    // A past window is only a warning; 优先支持 conditions met are infos that explain themselves.
    await expect(issues.warningCount).toHaveText('1 个警告');
    await expect(issues.group('warning')).toContainText('申报已于 2020-03-30 截止');
    await expect(issues.group('info')).toContainText('以下是本申报符合的优先支持条件');
    await expect(issues.group('info').locator('.issue-item')).toHaveCount(3);
    await saveScreenshot(page, 'issues-panel');
  });

  await test.step('定位 closes the drawer, opens the PI section and focuses the ID number', async () => {
    await issues.locate(RULE);
    await expect(page.locator('.section-view[data-section="pi"]')).toBeVisible();
    await expect(idInput).toBeFocused();
  });

  await test.step('typing a valid number clears the error', async () => {
    await idInput.fill(VALID_ID);
    await issues.expectErrorBadge(0);
    await issues.open();
    await expect(issues.group('error')).toHaveCount(0);
    await expect(issues.group('warning')).toBeVisible();
  });
});
