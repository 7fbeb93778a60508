import { test, expect } from './fixtures';
import { HomePage } from './pages/HomePage';
import { NewDraftPage } from './pages/NewDraftPage';
import { clauseOf, fixtureDraftFile } from './pages/packFixtures';
import { saveScreenshot } from './pages/screenshots';
import { expectSettled } from './pages/settled';

const CHENGGUAN = /城关区科技计划项目/;

// Each test starts its own host and walks several screens; two shared cores make 60 s tight.
test.describe.configure({ timeout: 150_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('new 城关区 技术创新类 draft through every step lands in the wizard with the answers pre-filled', async ({ page, appUrl }) => {
  const home = new HomePage(page, appUrl);
  const wizard = new NewDraftPage(page);
  await home.open();
  await home.startNewDraft();
  await wizard.waitLoaded();
  await saveScreenshot(page, 'new-draft-guideline');

  await test.step('guideline: plans are not offered', async () => {
    await expect(page.getByRole('radio', { name: /十四五/ })).toHaveCount(0);
    await wizard.chooseGuideline(CHENGGUAN);
  });

  await test.step('program card shows funding, window, document type and contacts', async () => {
    const card = wizard.program('技术创新类');
    // The 城关区 notice states no amount: the card says so rather than inventing one.
    await expect(card).toContainText('资助额度未规定');
    await expect(card).toContainText('2020-03-30');
    await expect(card).toContainText('项目申报书');
    await expect(card).toContainText('0931-8436728');
    await saveScreenshot(page, 'new-draft-program');
    await wizard.chooseProgram('技术创新类');
  });

  await test.step('direction: tree with search', async () => {
    await wizard.chooseDirection('生物', '生物医药');
  });

  await test.step('pre-check: an eligible applicant', async () => {
    await wizard.answer('单位性质', '企业');
    await wizard.answerRegion('注册地', '620102');
    await wizard.answer('单位隶属关系', '在城关区注册、税务关系在城关区的企业');
    await wizard.answerBirthDate('1980-05-01');
    await expect(wizard.verdict).not.toContainText('不符合申报条件');
    await saveScreenshot(page, 'new-draft-precheck');
    await wizard.continueAfterPrecheck();
  });

  await test.step('create: lands in the wizard and the list shows it', async () => {
    await wizard.fillProjectName('城关区智慧社区平台');
    await wizard.create();
    await home.open();
    await expect(home.row('城关区智慧社区平台')).toContainText('技术创新类');
    await expect(home.row('城关区智慧社区平台')).toContainText('项目申报书');
  });
});

test('a PI born in 1960 is told at the pre-check, with the clause 二、申报要求（二） and its quote', async ({ page, appUrl }) => {
  const home = new HomePage(page, appUrl);
  const wizard = new NewDraftPage(page);
  const clause = clauseOf('chengguan-2020', 'req2.age');
  await home.open();
  await home.startNewDraft();
  await wizard.chooseGuideline(CHENGGUAN);
  await wizard.chooseProgram('技术创新类');
  await wizard.nextButton.click();
  await wizard.answer('单位性质', '企业');
  await wizard.answerRegion('注册地', '620102');
  await wizard.answerBirthDate('1960-03-12');

  await wizard.expectVerdict('不符合申报条件');
  await expect(wizard.verdict).toContainText(`「${clause.path}」`);
  await expect(wizard.verdict).toContainText(clause.quote);
  await expect(wizard.verdict).toContainText('58');
  await expect(wizard.verdict).toContainText('定稿和生成最终申报材料将被阻止');
  await saveScreenshot(page, 'new-draft-precheck-ineligible');

  // The applicant may still go on, warned.
  await wizard.continueAfterPrecheck();
  await wizard.create(true);
});

test('copying a 克拉玛依 draft into a 城关区 draft lists the fields that are dropped', async ({ page, appUrl }) => {
  const home = new HomePage(page, appUrl);
  const wizard = new NewDraftPage(page);
  const source = fixtureDraftFile('karamay-2017', 'valid-talent.json');
  await home.open();
  await home.importFile(source.name, source.content);
  await expect(home.row(source.title)).toBeVisible();

  await home.startNewDraft();
  await wizard.chooseGuideline(CHENGGUAN);
  await wizard.chooseProgram('技术创新类');
  await wizard.nextButton.click();
  await wizard.continueAfterPrecheck();
  await wizard.copyFrom(source.title);

  await expect(wizard.droppedFields).toContainText('成立（注册）日期');
  await expect(wizard.droppedFields).toContainText('项目负责人获奖情况');
  await saveScreenshot(page, 'new-draft-copy');
  await wizard.fillProjectName('从克拉玛依复制的项目');
  await wizard.create();

  await home.open();
  await home.search.fill(source.unit);
  // The copy carries the unit, so searching by the unit finds both drafts.
  await expect(home.row('从克拉玛依复制的项目')).toBeVisible();
  await expect(home.row(source.title)).toBeVisible();
});

test('克拉玛依 program cards: funding in 万元 and 资助形式, 本次暂不受理 marked, and a choice of document type', async ({ page, appUrl }) => {
  const home = new HomePage(page, appUrl);
  const wizard = new NewDraftPage(page);
  await home.open();
  await home.startNewDraft();
  await wizard.chooseGuideline(/克拉玛依市2017年/);
  await expect(wizard.program('科技重大专项')).toContainText('200万元～1000万元');
  await expect(wizard.program('科技重大专项')).toContainText('无偿资助、股权投资');
  await expect(wizard.program('创新平台专项')).toContainText('本次暂不受理');
  await wizard.program('创新人才工程').click();
  await wizard.program('创新人才工程').getByRole('radio', { name: '项目建议书' }).check();
  await expect(wizard.program('创新人才工程').getByRole('radio', { name: '项目建议书' })).toBeChecked();
  await saveScreenshot(page, 'new-draft-program-karamay');
});

test('支持方向 skipped at 新建: the step says what that means, and the draft offers 选择支持方向 in 基本信息', async ({ page, appUrl }) => {
  const home = new HomePage(page, appUrl);
  const wizard = new NewDraftPage(page);
  await home.open();
  await home.startNewDraft();
  await wizard.waitLoaded();
  await wizard.chooseGuideline(CHENGGUAN);
  await wizard.chooseProgram('技术创新类');
  await expect(page.getByText('还没有选择支持方向')).toBeVisible();
  await wizard.nextButton.click();
  await wizard.continueAfterPrecheck();
  await wizard.fillProjectName('稍后选择方向的项目');
  // Unanswered pre-check questions may make the verdict 需注意 or 不符合; either button creates the draft.
  await page.getByRole('button', { name: /^(创建并开始填写|仍然创建草稿)$/ }).click();
  await expect(page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}$/);

  const bar = page.locator('.direction-bar');
  await expect(bar).toContainText('还没有选择支持方向');
  await bar.getByRole('button', { name: '选择支持方向' }).click();
  const dialog = page.getByRole('dialog', { name: '选择支持方向' });
  await expectSettled(dialog);
  await dialog.getByRole('searchbox', { name: '搜索支持方向' }).fill('生物');
  await dialog.getByRole('treeitem', { name: /生物医药$/ }).click();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(bar).toContainText('支持方向：');
  await expect(bar).toContainText('生物医药');
  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText(/已保存 \d{2}:\d{2}:\d{2}/);
  await page.reload();
  await expect(page.locator('.direction-bar')).toContainText('生物医药');
});
