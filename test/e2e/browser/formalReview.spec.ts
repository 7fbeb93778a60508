import { test, expect } from './fixtures';
import { HomePage } from './pages/HomePage';
import { IssuesPanel } from './pages/IssuesPanel';
import { NewDraftPage } from './pages/NewDraftPage';
import { ReviewPage } from './pages/ReviewPage';
import { WizardPage } from './pages/WizardPage';
import { pickRegion } from './pages/regionCascader';

const CHENGGUAN = /城关区科技计划项目/;

// A new draft from the home page, then three rounds of the wizard and the review page on a shared, loaded machine.
test.describe.configure({ timeout: 180_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('形式审查 from one list: a new draft is incomplete (grey), not wrong; an invalid postcode and an over-limit 摘要 are errors in 问题清单 that block 定稿', async ({ page, appUrl }) => {
  const home = new HomePage(page, appUrl);
  const newDraft = new NewDraftPage(page);
  const wizard = new WizardPage(page);
  const issues = new IssuesPanel(page);
  const review = new ReviewPage(page);

  await test.step('create a 城关区 技术创新类 draft by clicks', async () => {
    await home.open();
    await home.startNewDraft();
    await newDraft.waitLoaded();
    await newDraft.chooseGuideline(CHENGGUAN);
    await newDraft.chooseProgram('技术创新类');
    await newDraft.chooseDirection('生物', '生物医药');
    await newDraft.answer('单位性质', '企业');
    await newDraft.answerRegion('注册地', '620102');
    await newDraft.answer('单位隶属关系', '在城关区注册、税务关系在城关区的企业');
    await newDraft.continueAfterPrecheck();
    await newDraft.fillProjectName('社区健康监测平台');
    await newDraft.create();
    await wizard.waitLoaded();
  });

  await test.step('the new draft shows what is left to fill in, and nothing red', async () => {
    await issues.expectErrorBadge(0);
    await expect(page.getByTestId('issues-incomplete-count')).toContainText('项待填写');
    await expect(page.getByTestId('required-count')).toContainText(/必填 \d+\/\d+ 项/);
    await expect(wizard.nav.locator('.section-nav-status.status-error')).toHaveCount(0);
    await expect(wizard.nav.locator('.section-nav-status.status-complete')).toHaveCount(0);
    await expect(wizard.sectionStatus('项目组主要成员')).toHaveText(/^未开始 0\/\d+$/);
    await expect(wizard.sectionStatus('合作单位')).toHaveText('选填');
    await expect(page.locator('.field-result-error')).toHaveCount(0);
    await issues.open();
    await expect(issues.group('error')).toHaveCount(0);
    await expect(issues.group('incomplete')).toContainText('「项目摘要」为必填项');
    await issues.close();
  });

  await test.step('an invalid postcode is an error in 问题清单, cited as the form’s requirement, and blocks 定稿', async () => {
    await wizard.openSection('申报单位');
    await wizard.fill('邮政编码', 'abc');
    await issues.expectErrorBadge(1);
    await expect(wizard.byId('applicant.postcode').locator('.field-result-error')).toContainText('「abc」不是有效的邮政编码');
    await expect(wizard.sectionStatus('申报单位')).toHaveText('有错误');
    await issues.open();
    const item = issues.issue('form.format.applicant.postcode');
    await expect(item).toContainText('「邮政编码」须符合邮政编码的格式');
    await expect(item).toContainText('「abc」不是有效的邮政编码');
    await expect(item).toContainText('申报书填报说明');
    await issues.close();
    await review.openFromWizard();
    await expect(review.finalizeButton).toBeDisabled();
    await expect(review.finalizeReason).toContainText('1 个错误');
    await expect(review.finalizeReason).toContainText('项待填写');
    await review.backToWizard();
    await wizard.openSection('申报单位');
    await wizard.fill('邮政编码', '730030');
    await issues.expectErrorBadge(0);
  });

  await test.step('注册地 is chosen as 省/市/区 codes, shown by name; a district outside 城关区 is an error citing the clause', async () => {
    await wizard.openSection('申报单位');
    const region = wizard.byId('applicant.regionCode');
    // The pre-check's answer (甘肃省 / 兰州市 / 城关区) was carried into the draft.
    await expect(region.locator('.region-name')).toHaveText('甘肃省兰州市城关区（行政区划代码 620102）');
    await pickRegion(page, page.locator('#field-applicant-regionCode'), '620103');
    await expect(region.locator('.region-name')).toHaveText('甘肃省兰州市七里河区（行政区划代码 620103）');
    await issues.expectErrorBadge(1);
    await issues.open();
    const item = issues.issue('cg.applicant-district');
    await expect(item).toContainText('注册地为甘肃省兰州市七里河区，不在甘肃省兰州市城关区');
    await expect(item).toContainText('二、申报要求（一）');
    await issues.close();
    await pickRegion(page, page.locator('#field-applicant-regionCode'), '620102');
    await issues.expectErrorBadge(0);
  });

  await test.step('经费概算: a stated 申请财政资金 waits for the budget table, then is an error showing both amounts until they agree', async () => {
    await wizard.openSection('经费预算');
    await wizard.fill('申请财政资金', '10');
    // Nothing in the table yet: 无法检查, not red.
    await issues.expectErrorBadge(0);
    await wizard.fixedCell('budget', '一、设备费', '财政资金').fill('8');
    await issues.expectErrorBadge(1);
    await expect(wizard.byId('funding.fiscal').locator('.field-result-error')).toContainText('各项合计8万元，申请财政资金10万元，两者不一致');
    await wizard.fixedCell('budget', '一、设备费', '财政资金').fill('10');
    await issues.expectErrorBadge(0);
  });

  await test.step('a 项目摘要 over its 800 字 is an error that blocks 定稿', async () => {
    await wizard.openSection('基本信息');
    await wizard.fill('项目摘要', '社'.repeat(801));
    await issues.expectErrorBadge(1);
    await issues.open();
    await expect(issues.issue('form.length.project.summary')).toContainText('现有 801 字，超过 800 字');
    await issues.close();
    await review.openFromWizard();
    await expect(review.finalizeButton).toBeDisabled();
    await expect(review.finalizeReason).toContainText('1 个错误');
  });
});
