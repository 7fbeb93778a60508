import { test, expect } from './fixtures';
import { withStoredAttachments } from './pages/ExportPages';
import { draftFile, fixtureDraft, packClause } from './pages/fixtureDrafts';
import { IssuesPanel } from './pages/IssuesPanel';
import { saveScreenshot } from './pages/screenshots';
import { WizardPage } from './pages/WizardPage';

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

test('a draft file another tool wrote, with 「1,700,000」 as 自筹资金 and 「博士」 as 学历: both are errors quoting the text, shown in the fields, and fixing them by hand clears them', async ({ list, page }) => {
  const issues = new IssuesPanel(page);
  const wizard = new WizardPage(page);
  const foreign = fixtureDraft('chengguan-2020', 'valid-tech-enterprise.json', { 'funding.selfRaised': '1,700,000', 'pi.education': '博士' });
  const money = page.locator('[data-field="funding.selfRaised"] input');

  await test.step('imported and opened, it is not clean: two cited errors', async () => {
    await list.open();
    const file = draftFile(await withStoredAttachments(page, foreign));
    await list.importFile(file.name, file.content);
    await list.openDraft(foreign.values['project.name'] as string);
    await issues.expectErrorBadge(2);
    await issues.open();
    await expect(issues.issue('form.value.funding.selfRaised')).toContainText('「自筹资金」须填写有效的金额：「1,700,000」不是金额');
    await expect(issues.issue('form.value.pi.education')).toContainText('「学历」须填写有效的选项：「博士」不是可选的选项（可选：博士研究生、硕士研究生、大学本科、大学专科、其他）');
    await expect(issues.issue('form.value.pi.education')).toContainText('申报书填报说明');
  });

  await test.step('定位 shows the amount as the file holds it, in red; typing it in 万元 clears the error', async () => {
    await issues.locate('form.value.funding.selfRaised');
    await expect(money).toBeFocused();
    await expect(money).toHaveValue('1,700,000');
    await expect(money).toHaveAttribute('aria-invalid', 'true');
    await money.fill('170');
    await issues.expectErrorBadge(1);
  });

  await test.step('choosing 博士研究生 clears the last one', async () => {
    await wizard.openSection('项目负责人');
    // The select shows the file's 「博士」 as its value; the user clicks the box, not an empty input.
    const education = page.locator('[data-field="pi.education"] .ant-select-selector');
    await expect(education).toContainText('博士');
    await education.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('博士研究生', { exact: true }).click();
    await issues.expectErrorBadge(0);
  });
});
