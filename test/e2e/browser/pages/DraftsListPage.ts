import { openApp } from './openApp';
import { expect, type Locator, type Page } from '@playwright/test';
import { expectSettled } from './settled';

/** The home screen: 我的草稿 and 回收站 tabs. */
export class DraftsListPage {
  readonly createButton: Locator;
  readonly importButton: Locator;
  readonly emptyState: Locator;
  readonly draftsTab: Locator;
  readonly trashTab: Locator;

  constructor(
    readonly page: Page,
    private readonly appUrl: string,
  ) {
    this.createButton = page.getByRole('button', { name: '新建申报书' }).first();
    this.importButton = page.getByRole('button', { name: '导入草稿文件' });
    this.emptyState = page.getByText('还没有草稿。点击「新建申报书」开始填写，或导入已有的草稿文件。');
    this.draftsTab = page.getByRole('tab', { name: /我的草稿/ });
    this.trashTab = page.getByRole('tab', { name: /回收站/ });
  }

  /** Opens the app through the token link, as a user would from the terminal. */
  async open(): Promise<void> {
    await openApp(this.page, this.appUrl);
    await expect(this.draftsTab).toBeVisible();
  }

  /** The visible tab panel's table body rows (antd keeps inactive panels in the DOM). */
  private activeRows(): Locator {
    return this.page.locator('.ant-tabs-tabpane-active tbody tr.ant-table-row');
  }

  row(title: string): Locator {
    return this.activeRows().filter({ has: this.page.getByText(title, { exact: true }) });
  }

  async rowCount(): Promise<number> {
    return this.activeRows().count();
  }

  /** 新建申报书 opens the new-draft steps; this takes their 「空白草稿」 way out, straight to an empty draft. */
  async createDraft(): Promise<void> {
    await this.createButton.click();
    await expect(this.page).toHaveURL(/#\/new$/);
    await this.page.getByRole('button', { name: '暂不选择指南，创建空白草稿' }).click();
    await expect(this.page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}$/);
  }

  async openDraft(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: '打开' }).click();
  }

  /** 重命名 / 复制 / 删除 sit in the row's 更多操作 menu. */
  async rowAction(title: string, action: '重命名' | '复制' | '删除'): Promise<void> {
    await this.row(title).getByRole('button', { name: '更多操作' }).click();
    await this.page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: action }).click();
  }

  /** The row's 导出 menu: Word, PDF, 申报包 or the draft's data file. */
  async exportAction(title: string, item: RegExp | string): Promise<void> {
    await this.row(title).getByRole('button', { name: '导出' }).click();
    await this.page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: item }).click();
  }

  async deleteDraft(title: string): Promise<void> {
    await this.rowAction(title, '删除');
  }

  /** Opens the rename dialog for a draft; returns the dialog. */
  async startRename(title: string): Promise<Locator> {
    await this.rowAction(title, '重命名');
    const dialog = this.page.getByRole('dialog', { name: '重命名申报书' });
    await expectSettled(dialog);
    return dialog;
  }

  async purgeFromTrash(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: '彻底删除' }).click();
    const confirm = this.page.getByRole('tooltip');
    await expectSettled(confirm);
    await confirm.getByRole('button', { name: '彻底删除' }).click();
  }

  async showTrash(): Promise<void> {
    await this.trashTab.click();
  }

  async showDrafts(): Promise<void> {
    await this.draftsTab.click();
  }

  async restoreFromTrash(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: '恢复' }).click();
  }

  /** Chooses a file through the real file chooser the 导入 button opens. */
  async importFile(name: string, content: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importButton.click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
  }

  /** 导入草稿文件 with any file, e.g. a 草稿数据文件 (zip). */
  async importBytes(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importButton.click();
    await (await chooser).setFiles({ name, mimeType, buffer });
  }

  /** The toast antd shows for success or failure messages. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.ant-message-notice').filter({ hasText: text });
  }
}
