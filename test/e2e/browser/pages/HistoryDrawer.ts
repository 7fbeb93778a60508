import { expect, type Locator, type Page } from '@playwright/test';
import { expectSettled } from './settled';

/** 历史版本: editing sessions, named versions, comparison with the current content, and restore. */
export class HistoryDrawer {
  readonly button: Locator;
  readonly drawer: Locator;
  readonly sessions: Locator;
  readonly named: Locator;
  readonly compare: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('history-button');
    this.drawer = page.locator('.history-drawer-root .ant-drawer-content');
    this.sessions = this.drawer.locator('[data-session]');
    this.named = this.drawer.getByTestId('named-versions').locator('[data-revision]');
    this.compare = this.drawer.getByTestId('revision-compare');
  }

  async open(): Promise<void> {
    await this.button.click();
    await expectSettled(this.drawer);
    await expect(this.sessions.first()).toBeVisible();
  }

  async close(): Promise<void> {
    await this.drawer.getByRole('button', { name: '关闭' }).click();
    await expect(this.drawer).toBeHidden();
  }

  /** 保存为版本…: names the content as it is now. */
  async saveVersion(label: string): Promise<void> {
    await this.drawer.getByRole('button', { name: '保存为版本…' }).click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: '给当前内容起个名字' });
    await expectSettled(dialog);
    await dialog.getByRole('textbox', { name: '版本名称' }).fill(label);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(this.page.getByText(`已保存为版本「${label}」`)).toBeVisible();
    await expect(this.named.filter({ hasText: label })).toBeVisible();
  }

  namedVersion(label: string): Locator {
    return this.named.filter({ hasText: label });
  }

  /** The number of the named version with this label. */
  async revisionOf(label: string): Promise<number> {
    return Number(await this.namedVersion(label).getAttribute('data-revision'));
  }

  async compareNamed(label: string): Promise<void> {
    await this.namedVersion(label).getByRole('button', { name: '与当前比较' }).click();
    await expect(this.compare).toBeVisible();
  }

  /** One changed field in the comparison, by its form label. */
  change(fieldId: string): Locator {
    return this.compare.locator(`[data-change="${fieldId}"]`);
  }

  /** 恢复此版本 from the comparison, through the confirmation. */
  async restoreCompared(revision: number): Promise<void> {
    await this.drawer.getByRole('button', { name: '恢复此版本' }).click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: `恢复到第 ${revision} 版？` });
    await expectSettled(dialog);
    await dialog.getByRole('button', { name: /恢\s*复/ }).click();
    await expect(this.drawer).toBeHidden();
  }
}
