import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { saveScreenshot } from './pages/screenshots';
import { WizardPage } from './pages/WizardPage';

const CHENGGUAN = { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation' };
const XINJIANG = { packId: 'xinjiang-aid-2022', packVersion: '1.0.0', programId: 'aid-program' };
/** Born 1950-03-12 (male): 70 at the 城关 window close 2020-03-30, over the 58 limit. */
const OLD_PI_ID = '620102195003120013';
/** Born 1985-06-15 (female). */
const YOUNG_PI_ID = '620102198506150023';

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-e2e-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('a 城关区 draft: fields of every kind, live errors with citations, exact budget totals, tables, attachments, undo/redo, reload', async ({ list, page }) => {
  // A long journey through every section on a shared two-core machine.
  test.setTimeout(240_000);
  const wizard = new WizardPage(page);
  await list.open();
  const id = await wizard.createDraft(CHENGGUAN);
  await wizard.open(id);

  await test.step('基本信息: text, month range with the derived period, and a live period error', async () => {
    await expect(page.locator('.section-title')).toHaveText('基本信息');
    await wizard.fill('项目名称', '城关区社区智慧养老服务平台研发');
    await expect(wizard.title).toHaveText('城关区社区智慧养老服务平台研发');
    await wizard.setMonthRange('起止年月', '2020-04', '2023-06');
    const period = wizard.byId('project.period');
    await expect(period.locator('[data-derived="periodMonths"]')).toHaveText('实施周期：39 个月');
    await expect(period.locator('.field-result-error')).toContainText('39');
    await expect(period.locator('.field-result-citation summary')).toContainText('依据');
    await wizard.setMonthRange('起止年月', '2020-04', '2022-12');
    await expect(period.locator('[data-derived="periodMonths"]')).toHaveText('实施周期：33 个月');
    await expect(period.locator('.field-result-error')).toHaveCount(0);
  });

  await test.step('undo and redo a field edit', async () => {
    await wizard.fill('关键词', '养老；北斗；物联网');
    await expect(page.getByLabel('关键词', { exact: true })).toHaveValue('养老；北斗；物联网');
    await wizard.undo();
    await expect(page.getByLabel('关键词', { exact: true })).toHaveValue('');
    await wizard.redo();
    await expect(page.getByLabel('关键词', { exact: true })).toHaveValue('养老；北斗；物联网');
    // The keyboard does the same outside the rich editor.
    await page.getByLabel('关键词', { exact: true }).press('Control+z');
    await expect(page.getByLabel('关键词', { exact: true })).toHaveValue('');
    await page.getByLabel('关键词', { exact: true }).press('Control+Shift+z');
    await expect(page.getByLabel('关键词', { exact: true })).toHaveValue('养老；北斗；物联网');
  });

  await test.step('申报单位: selects', async () => {
    await wizard.openSection('申报单位');
    await wizard.fill('单位名称', '兰州某智能科技有限公司');
    await wizard.pickSelect('单位性质', '企业');
    await expect(wizard.byId('applicant.unitType').locator('.ant-select-selection-item')).toHaveText('企业');
  });

  await test.step('项目负责人: the age error appears with its citation and goes away when fixed; sex and birth date follow the ID', async () => {
    await wizard.openSection('项目负责人');
    await wizard.fill('居民身份证号码', OLD_PI_ID);
    const idField = wizard.byId('pi.idNumber');
    await expect(idField.locator('.field-result-error')).toContainText('58');
    await expect(idField.locator('.field-result-citation summary')).toContainText('依据');
    await expect(wizard.byId('pi.birthDate')).toContainText('1950-03-12');
    await expect(wizard.byId('pi.sex')).toContainText('男');
    await wizard.fill('居民身份证号码', YOUNG_PI_ID);
    await expect(idField.locator('.field-result-error')).toHaveCount(0);
    await expect(wizard.byId('pi.birthDate')).toContainText('1985-06-15');
    await expect(wizard.byId('pi.sex')).toContainText('女');
  });

  await test.step('经费预算: the 业务费 heading sums its rows, row and column totals are exact', async () => {
    await wizard.openSection('经费预算');
    await wizard.fixedCell('budget', '一、设备费', '财政资金').fill('12.5');
    await wizard.fixedCell('budget', '一、设备费', '自筹资金').fill('3.3333');
    await wizard.fixedCell('budget', '1. 材料费', '财政资金').fill('0.0001');
    await wizard.fixedCell('budget', '2. 测试化验加工费', '财政资金').fill('1.2');
    const business = wizard.table('budget').locator('[data-row="business"]');
    await expect(business.locator('[data-sum="fiscal"]')).toHaveText('1.2001');
    await expect(wizard.rowTotal('budget', 'equipment')).toHaveText('15.8333');
    await expect(wizard.columnTotal('budget', 'fiscal')).toHaveText('13.7001');
    await expect(wizard.columnTotal('budget', 'selfRaised')).toHaveText('3.3333');
    await expect(wizard.columnTotal('budget', 'all')).toHaveText('17.0334');
  });

  await test.step('项目组主要成员: add, reorder and remove rows', async () => {
    await wizard.openSection('项目组主要成员');
    for (const [row, name] of [[1, '甲'], [2, '乙'], [3, '丙']] as const) {
      await wizard.addTableRow('members');
      await wizard.fillCell('members', row, '姓名', name);
    }
    await wizard.moveRowUp('members', 3);
    await expect(wizard.cell('members', 2, '姓名')).toHaveValue('丙');
    await expect(wizard.cell('members', 3, '姓名')).toHaveValue('乙');
    await wizard.removeRow('members', 1);
    await expect(wizard.cell('members', 1, '姓名')).toHaveValue('丙');
    await expect(wizard.cell('members', 2, '姓名')).toHaveValue('乙');
    await expect(wizard.table('members').locator('tbody tr[data-row]')).toHaveCount(2);
  });

  await test.step('附件清单: a wrong type is refused in Chinese; a PDF is attached through the picker', async () => {
    await wizard.openSection('附件清单');
    await wizard.attachFile('项目组成员工作证明', tempFile('说明.txt', '不是 PDF'));
    await expect(page.getByText('「说明.txt」的类型不符合「项目组成员工作证明」的要求')).toBeVisible();
    await wizard.attachFile('项目组成员工作证明', tempFile('工作证明.pdf', '%PDF-1.4 工作证明'));
    await expect(wizard.attachmentSlot('项目组成员工作证明').getByText('工作证明.pdf')).toBeVisible();
    await expect(wizard.attachmentSlot('企业统一社会信用代码证').getByText('必需')).toBeVisible();
    await wizard.expectSaved();
    await saveScreenshot(page, 'wizard-attachments');
  });

  await test.step('附件清单: removing a file says so and 撤销 puts it back', async () => {
    const slot = wizard.attachmentSlot('项目组成员工作证明');
    await slot.getByRole('button', { name: '移除附件 工作证明.pdf' }).click();
    await expect(slot.getByText('工作证明.pdf')).toHaveCount(0);
    const notice = page.locator('.ant-message-notice').filter({ hasText: '已移除「工作证明.pdf」' });
    await notice.getByRole('button', { name: '撤销' }).click();
    await expect(slot.getByText('工作证明.pdf')).toBeVisible();
    await wizard.expectSaved();
  });

  await test.step('reload: the draft reopens where it was left, and everything is intact', async () => {
    await page.reload();
    await wizard.waitLoaded();
    await expect(page.locator('.section-title')).toHaveText('附件清单');
    await wizard.openSection('基本信息');
    await expect(page.getByLabel('项目名称', { exact: true })).toHaveValue('城关区社区智慧养老服务平台研发');
    await expect(wizard.byId('project.period').locator('[data-derived="periodMonths"]')).toHaveText('实施周期：33 个月');
    await wizard.openSection('项目负责人');
    await expect(page.getByLabel('居民身份证号码', { exact: true })).toHaveValue(YOUNG_PI_ID);
    await expect(wizard.byId('pi.birthDate')).toContainText('1985-06-15');
    await wizard.openSection('经费预算');
    await expect(wizard.columnTotal('budget', 'all')).toHaveText('17.0334');
    await wizard.openSection('项目组主要成员');
    await expect(wizard.cell('members', 1, '姓名')).toHaveValue('丙');
    await expect(wizard.cell('members', 2, '姓名')).toHaveValue('乙');
    await wizard.openSection('附件清单');
    await expect(wizard.attachmentSlot('项目组成员工作证明').getByText('工作证明.pdf')).toBeVisible();
    await wizard.openSection('项目负责人');
    await saveScreenshot(page, 'wizard');
  });
});

test('the self-funding gauge follows the budget exactly against the applicable ratio rule', async ({ list, page }) => {
  test.setTimeout(120_000);
  const wizard = new WizardPage(page);
  await list.open();
  const id = await wizard.createDraft(XINJIANG);
  await wizard.open(id);
  await wizard.openSection('申报单位');
  await wizard.pickSelect('单位性质', '企业');
  await wizard.openSection('经费预算');
  const gauge = wizard.byId('budget').locator('.ratio-gauge');
  await wizard.fixedCell('budget', '一、设备费', '财政资金').fill('10');
  await wizard.fixedCell('budget', '一、设备费', '自筹资金').fill('15');
  await expect(gauge.getByTestId('ratio-actual')).toHaveText('当前：1:1.50');
  await expect(gauge).toHaveAttribute('data-ok', 'false');
  await wizard.fixedCell('budget', '1. 材料费', '自筹资金').fill('5');
  await expect(gauge.getByTestId('ratio-actual')).toHaveText('当前：1:2.00');
  await expect(gauge).toHaveAttribute('data-ok', 'true');
  await wizard.expectSaved();
  await saveScreenshot(page, 'wizard-budget-gauge');
});

test('a failed save survives leaving the draft and opening another one: the edits are sent when it is reopened', async ({ list, page }) => {
  test.setTimeout(120_000);
  const wizard = new WizardPage(page);
  await list.open();
  const first = await wizard.createDraft(null, '第一份');
  const second = await wizard.createDraft(null, '第二份');
  await wizard.open(first);
  await page.route('**/api/draftsSave', (route) => route.fulfill({ json: { ok: false, error: { code: 'io_error', message: '磁盘写入失败' } } }));
  await wizard.fill('项目名称', '未能保存的名称');
  await expect(wizard.status).toHaveText(/保存失败：磁盘写入失败/);
  // The browser's back button, then another draft: nothing asks, so nothing may be lost.
  await page.goBack();
  await wizard.open(second);
  await page.unroute('**/api/draftsSave');
  await wizard.open(first);
  await expect(page.getByLabel('项目名称', { exact: true })).toHaveValue('未能保存的名称');
  await wizard.expectSaved();
  await page.reload();
  await wizard.waitLoaded();
  await expect(page.getByLabel('项目名称', { exact: true })).toHaveValue('未能保存的名称');
});
