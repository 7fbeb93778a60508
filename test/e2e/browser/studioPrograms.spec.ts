import path from 'node:path';
import { test, expect } from './fixtures';
import { NewDraftPage } from './pages/NewDraftPage';
import { openApp } from './pages/openApp';
import { saveScreenshot } from './pages/screenshots';
import { StudioPage } from './pages/StudioPage';
import { WizardPage } from './pages/WizardPage';

/** A notice written for this test (not a seed): 二、项目类别 with two 专项, each with directions, funding and a contact. */
const NOTICE = path.resolve(import.meta.dirname, '../../fixtures/studio/2026-xishan-two-programs-notice.txt');
const TITLE = '西山区2026年度科技计划项目';

test.describe.configure({ timeout: 180_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('指南工作台: a notice with two 专项 gives two programs; programs, directions, funding and the form are edited by clicks; a draft on the saved pack offers both programs and the edited form', async ({ page, appUrl }) => {
  const studio = new StudioPage(page);
  await openApp(page, appUrl);
  await studio.openFromHome();
  await studio.openNotice(NOTICE);

  await test.step('two programs proposed from 二、项目类别, each with its directions, funding and contact', async () => {
    await studio.tab('指南信息与表单');
    const first = page.getByRole('group', { name: '专项 1', exact: true });
    const second = page.getByRole('group', { name: '专项 2', exact: true });
    await expect(page.getByLabel('专项名称 1')).toHaveValue('关键技术攻关专项');
    await expect(page.getByLabel('专项名称 2')).toHaveValue('科技人才培育专项');
    await expect(page.getByLabel('资助上限（万元） 1')).toHaveValue('50.00');
    await expect(page.getByLabel('资助下限（万元） 2')).toHaveValue('5.00');
    await expect(page.getByLabel('资助上限（万元） 2')).toHaveValue('10.00');
    await expect(page.getByLabel('支持方向 1：1')).toHaveValue('先进制造');
    await expect(page.getByLabel('支持方向 2：2')).toHaveValue('创新团队');
    await expect(first.getByLabel('联系人姓名 1-1')).toHaveValue('王明');
    await first.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'studio-programs');
    await expect(second.getByLabel('联系电话 2-1')).toHaveValue('0871-63114455');
  });

  await test.step('rename a program, add a direction, lower a funding ceiling, add a third program and remove it again', async () => {
    await page.getByLabel('专项名称 2').fill('科技人才培养专项');
    await page.getByRole('button', { name: '添加支持方向 1' }).click();
    await page.getByLabel('支持方向 1：3').fill('电子信息');
    await page.getByLabel('资助上限（万元） 1').fill('40');
    await page.getByLabel('资助方式 1').fill('无偿资助、贷款贴息');
    await page.getByLabel('资助方式 1').press('Tab');
    await expect(page.getByLabel('联系人姓名 1-1')).toHaveValue('王明');
    await page.getByLabel('联系人姓名 1-1').fill('王明、赵亮');
    await page.getByLabel('联系人姓名 1-1').press('Tab');
    await page.getByRole('button', { name: '添加专项' }).click();
    await expect(page.getByLabel('专项名称 3')).toHaveValue('新专项3');
    await page.getByRole('button', { name: '删除专项 3' }).click();
    await expect(page.getByLabel('专项名称 3')).toHaveCount(0);
  });

  await test.step('the form: 项目摘要 moved first, a new section with a 单选 field', async () => {
    await page.getByRole('button', { name: '上移：项目摘要' }).click();
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '上移：项目摘要' }).click();
    await expect(page.getByRole('button', { name: '上移：项目摘要' })).toBeDisabled();
    await page.getByLabel('新栏目名称').fill('产业化前景');
    await page.getByRole('button', { name: '添加栏目' }).click();
    await expect(page.getByRole('region', { name: '栏目：产业化前景' })).toBeVisible();
    await page.getByLabel('新字段所在栏目').first().click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('产业化前景', { exact: true }).click();
    await page.getByLabel('新字段名称').fill('所处阶段');
    await page.getByLabel('新字段类型').first().click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('单选（下拉选择）', { exact: true }).click();
    await page.getByLabel('新字段选项').fill('研发、中试、量产');
    await page.getByRole('button', { name: '添加字段' }).click();
    await expect(page.getByRole('region', { name: '栏目：产业化前景' }).getByLabel('字段名称：所处阶段')).toBeVisible();
    await page.getByRole('region', { name: '栏目：基本信息' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'studio-form-editor');
  });

  await test.step('向导预览 shows the wizard of the pack being edited: the program with the added direction, the new section and its choices; the other program on choosing it', async () => {
    await studio.tab('向导预览');
    const program = page.getByRole('region', { name: '预览专项' });
    await expect(program).toContainText('专项：关键技术攻关专项');
    await expect(program).toContainText('不超过 40 万元（无偿资助、贷款贴息）');
    await expect(program).toContainText('王明、赵亮 0871-63112233');
    await expect(program.getByRole('tree')).toContainText('电子信息');
    const section = page.getByRole('region', { name: '预览栏目：产业化前景' });
    await expect(section).toContainText('所处阶段');
    await expect(section).toContainText('选项：研发、中试、量产');
    // Proposals not yet accepted are not in the pack: the preview says so, and shows them once accepted.
    await expect(page.getByText(/^还有 \d+ 条规则建议待决定：预览只含已接受的建议/)).toBeVisible();
    await studio.tab(/规则建议/);
    await page.getByRole('button', { name: '其余全部接受' }).click();
    await studio.tab('向导预览');
    await expect(page.getByText(/条规则建议待决定/)).toHaveCount(0);
    await expect(program.getByText('支持方向（须选择）')).toBeVisible();
    await page.getByLabel('预览的专项').first().click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('科技人才培养专项', { exact: true }).click();
    await expect(program).toContainText('专项：科技人才培养专项');
    await expect(program).toContainText('5 万元 至 10 万元');
    await expect(program.getByRole('tree')).toContainText('创新团队');
    await saveScreenshot(page, 'studio-wizard-preview');
  });

  await test.step('pack meta, the unrecognized requirements marked, save', async () => {
    await studio.tab('指南信息与表单');
    await studio.setMeta('指南包编号', 'xishan-2026');
    await studio.setMeta('指南名称', TITLE);
    await studio.tab(/未识别的要求/);
    for (const item of await page.getByRole('group', { name: /^未识别的要求 \d+$/ }).all()) {
      await item.getByRole('radio', { name: '无法离线检查' }).check();
      await item.getByLabel('无法离线检查的原因').fill('由评审判断');
      await item.getByRole('button', { name: '确定' }).click();
    }
    const saved = await studio.save();
    await expect(saved).toHaveText(`已保存并安装指南包「${TITLE}」1.0.0 版`);
  });

  await test.step('a new draft offers both programs; the first one\'s directions include the added one; the form is as edited', async () => {
    await page.getByRole('link', { name: '新建申报书' }).click();
    const newDraft = new NewDraftPage(page);
    await newDraft.waitLoaded();
    await newDraft.chooseGuideline(TITLE);
    await expect(newDraft.program('科技人才培养专项')).toBeVisible();
    await newDraft.chooseProgram('关键技术攻关专项');
    await newDraft.chooseDirection('电子', '电子信息');
    await expect(page.getByText('请回答以下问题', { exact: false })).toBeVisible();
    await newDraft.continueAfterPrecheck();
    await newDraft.create();
    const wizard = new WizardPage(page);
    await wizard.waitLoaded();
    await wizard.openSection('产业化前景');
    await expect(wizard.field('所处阶段')).toBeVisible();
  });
});
