import { expect, type Locator, type Page } from '@playwright/test';

/** The draft editor: fields bound to draft.values and the autosave status bar. */
export class EditorPage {
  readonly projectName: Locator;
  readonly applicant: Locator;
  readonly piName: Locator;
  readonly piPhone: Locator;
  readonly summary: Locator;
  readonly wordCount: Locator;
  readonly status: Locator;
  readonly title: Locator;
  readonly backButton: Locator;
  readonly retryButton: Locator;

  constructor(readonly page: Page) {
    this.projectName = page.getByLabel('项目名称');
    this.applicant = page.getByLabel('申报单位');
    this.piName = page.getByLabel('项目负责人');
    this.piPhone = page.getByLabel('联系电话');
    this.summary = page.getByLabel('项目摘要');
    this.wordCount = page.getByText(/^字数：\d+ \/ 800$/);
    this.status = page.getByRole('status', { name: '保存状态' });
    this.title = page.getByRole('heading', { level: 4 });
    this.backButton = page.getByRole('button', { name: '返回列表' });
    this.retryButton = page.getByRole('button', { name: '重试' });
  }

  async waitLoaded(): Promise<void> {
    await expect(this.projectName).toBeVisible();
  }

  /** Waits for the store's confirmation, which carries the server's save time. */
  async expectSaved(): Promise<void> {
    await expect(this.status).toHaveText(/已保存 \d{2}:\d{2}:\d{2}/);
  }

  async back(): Promise<void> {
    await this.backButton.click();
    await expect(this.page).toHaveURL(/#\/$/);
  }
}
