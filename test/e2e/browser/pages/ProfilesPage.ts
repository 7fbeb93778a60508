import { expect, type Locator, type Page } from '@playwright/test';
import { expectSettled } from './settled';

/** 单位与人员档案, reached from the home page's header link. */
export class ProfilesPageObject {
  constructor(readonly page: Page) {}

  async openFromHome(): Promise<void> {
    await this.page.getByRole('link', { name: '单位与人员档案' }).click();
    await expect(this.page.getByRole('heading', { name: '单位与人员档案' })).toBeVisible();
  }

  async showKind(kind: '单位档案' | '个人档案'): Promise<void> {
    await this.page.getByRole('tab', { name: kind }).click();
  }

  row(name: string): Locator {
    return this.page.locator('.ant-tabs-tabpane-active tbody tr.ant-table-row').filter({ hasText: name });
  }

  /** 新建单位档案 / 新建个人档案: the dialog it opens. */
  async startNew(kind: '单位档案' | '个人档案'): Promise<Locator> {
    await this.showKind(kind);
    await this.page.getByRole('button', { name: `新建${kind}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `新建${kind}` });
    await expectSettled(dialog);
    return dialog;
  }

  async startEdit(name: string, kind: '单位档案' | '个人档案'): Promise<Locator> {
    await this.row(name).getByRole('button', { name: '编辑' }).click();
    const dialog = this.page.getByRole('dialog', { name: `编辑${kind}` });
    await expectSettled(dialog);
    return dialog;
  }

  async delete(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: '删除' }).click();
    const confirm = this.page.getByRole('tooltip');
    await expectSettled(confirm);
    await confirm.getByRole('button', { name: '删除' }).click();
    await expect(this.row(name)).toHaveCount(0);
  }

  async back(): Promise<void> {
    await this.page.getByRole('link', { name: '返回' }).click();
    await expect(this.page.getByRole('tab', { name: /我的草稿/ })).toBeVisible();
  }
}

/** Picks a profile in a ProfilePicker (an antd select labelled 选择单位档案 / 选择个人档案). */
export async function pickProfile(scope: Locator, page: Page, kind: '单位档案' | '个人档案', name: string): Promise<void> {
  await scope.getByRole('combobox', { name: `选择${kind}` }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: true }).click();
}
