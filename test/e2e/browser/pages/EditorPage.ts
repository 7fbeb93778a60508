import { expect, type Locator, type Page } from '@playwright/test';

/** The draft's first wizard section (基本信息) as the list and autosave specs use it; the full wizard is pages/WizardPage.ts. */
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
    this.projectName = page.getByLabel('项目名称', { exact: true });
    // The wizard opens on 基本信息; these specs only need further fields of that first section.
    this.applicant = page.getByLabel('推荐单位', { exact: true });
    this.piName = page.getByLabel('技术领域', { exact: true });
    this.piPhone = page.getByLabel('关键词', { exact: true });
    this.summary = page.getByLabel('项目摘要', { exact: true });
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
