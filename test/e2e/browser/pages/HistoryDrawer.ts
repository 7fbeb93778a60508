import { expect, type Locator, type Page } from '@playwright/test';

/** 历史版本: the revision list, a read-only preview and restore. */
export class HistoryDrawer {
  readonly button: Locator;
  readonly drawer: Locator;
  readonly rows: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('history-button');
    this.drawer = page.locator('.history-drawer-root .ant-drawer-content');
    this.rows = this.drawer.locator('[data-revision]');
    this.preview = this.drawer.getByTestId('revision-preview');
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.drawer).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
  }

  row(revision: number): Locator {
    return this.drawer.locator(`[data-revision="${revision}"]`);
  }

  /** The revision numbers listed, newest first. */
  async revisions(): Promise<number[]> {
    const values = await this.rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-revision'))));
    return values;
  }

  async showPreview(revision: number): Promise<void> {
    await this.row(revision).getByRole('button', { name: /预\s*览/ }).click();
    await expect(this.preview).toBeVisible();
  }

  /** Restores a revision from the list, through the confirmation. */
  async restore(revision: number): Promise<void> {
    await this.row(revision).getByRole('button', { name: /恢\s*复/ }).click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: `恢复到第 ${revision} 版？` });
    await dialog.getByRole('button', { name: /恢\s*复/ }).click();
    await expect(this.drawer).toBeHidden();
  }
}
