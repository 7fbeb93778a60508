import { expect, test } from './fixtures';
import { pickProfile, ProfilesPageObject } from './pages/ProfilesPage';
import { saveScreenshot } from './pages/screenshots';
import { WizardPage } from './pages/WizardPage';
import { expectSettled } from './pages/settled';

const UNIT = '西部测试科技有限公司';
const VALID_USCC = '12620100438702154B';

test('档案页：新建时检查格式，编辑改名，删除前确认', async ({ list, page }) => {
  await list.open();
  const profiles = new ProfilesPageObject(page);
  await profiles.openFromHome();
  await expect(page.getByText('还没有单位档案')).toBeVisible();

  const dialog = await profiles.startNew('单位档案');
  await dialog.getByLabel('档案名称').fill(UNIT);
  await dialog.getByLabel('统一社会信用代码').fill('123');
  await expect(dialog.getByText('统一社会信用代码格式不正确')).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message-notice').last()).toHaveText('请先改正标红的内容');
  await dialog.getByLabel('统一社会信用代码').fill(VALID_USCC);
  await dialog.getByLabel('单位名称').fill(UNIT);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(profiles.row(UNIT)).toContainText(VALID_USCC);
  await saveScreenshot(page, 'profiles');

  const edit = await profiles.startEdit(UNIT, '单位档案');
  await edit.getByLabel('档案名称').fill(`${UNIT}（总部）`);
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(profiles.row(`${UNIT}（总部）`)).toHaveCount(1);
  await expect(profiles.row(UNIT)).toHaveCount(1);

  await profiles.delete(`${UNIT}（总部）`);
  await expect(page.getByText('还没有单位档案')).toBeVisible();
});

test('在一份申报书中存为档案，在另一份中选用：先列出将覆盖的内容，填入后可撤销；成员可从个人档案添加', async ({ list, editor, page }) => {
  const wizard = new WizardPage(page);
  await list.open();

  await test.step('第一份：填写申报单位和项目负责人，各存为档案', async () => {
    await list.createDraft();
    await editor.projectName.fill('档案来源项目');
    await wizard.openSection('申报单位');
    await wizard.fill('单位名称', UNIT);
    await wizard.fill('统一社会信用代码', VALID_USCC);
    await page.getByRole('button', { name: '存为单位档案' }).click();
    const save = page.getByRole('dialog', { name: '存为单位档案' });
    await expectSettled(save);
    await expect(save.getByLabel('档案名称')).toHaveValue(UNIT);
    await save.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('.ant-message-notice').last()).toHaveText(`已存为单位档案「${UNIT}」`);

    await wizard.openSection('项目负责人');
    await wizard.fill('姓名', '王建国');
    await wizard.fill('职称', '研究员');
    await page.getByRole('button', { name: '存为个人档案' }).click();
    const savePerson = page.getByRole('dialog', { name: '存为个人档案' });
    await expectSettled(savePerson);
    await savePerson.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('.ant-message-notice').last()).toHaveText('已存为个人档案「王建国」');
    await wizard.expectSaved();
    await editor.back();
  });

  await test.step('第二份：选用单位档案，先看到将覆盖「单位名称」', async () => {
    await list.createDraft();
    await editor.projectName.fill('使用档案的项目');
    await wizard.openSection('申报单位');
    await wizard.fill('单位名称', '旧的单位名称');
    await page.getByRole('button', { name: '选用单位档案' }).click();
    const apply = page.getByRole('dialog', { name: '选用单位档案' });
    await expectSettled(apply);
    await pickProfile(apply, page, '单位档案', UNIT);
    await expect(apply).toContainText('将填入 2 项');
    await expect(apply).toContainText('其中 1 项会覆盖已填写的内容');
    await expect(apply.locator('tr').filter({ hasText: '单位名称' })).toContainText('旧的单位名称');
    await saveScreenshot(page, 'profile-apply');
    await apply.getByRole('button', { name: '覆盖并填入' }).click();
    await expect(page.getByLabel('单位名称', { exact: true })).toHaveValue(UNIT);
    await expect(page.getByLabel('统一社会信用代码', { exact: true })).toHaveValue(VALID_USCC);
    await wizard.undo();
    await expect(page.getByLabel('单位名称', { exact: true })).toHaveValue('旧的单位名称');
    await wizard.redo();
    await expect(page.getByLabel('单位名称', { exact: true })).toHaveValue(UNIT);
  });

  await test.step('项目组成员：从个人档案添加一行', async () => {
    await wizard.openSection('项目组主要成员');
    await page.getByRole('button', { name: '从个人档案添加成员' }).click();
    const add = page.getByRole('dialog', { name: '从个人档案添加成员' });
    await expectSettled(add);
    await pickProfile(add, page, '个人档案', '王建国');
    await add.getByRole('button', { name: '添加' }).click();
    await expect(wizard.byId('members').locator('input').first()).toHaveValue('王建国');
    await wizard.expectSaved();
  });

  await test.step('档案页列出两份档案', async () => {
    await editor.back();
    const profiles = new ProfilesPageObject(page);
    await profiles.openFromHome();
    await expect(profiles.row(UNIT)).toHaveCount(1);
    await profiles.showKind('个人档案');
    await expect(profiles.row('王建国')).toContainText('研究员');
  });
});
