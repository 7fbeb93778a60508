import { expect, type Locator, type Page } from '@playwright/test';
import { expectSettled } from './settled';

/** 设置 → 备份与恢复. */
export class BackupSettingsPage {
  readonly backupNowButton: Locator;
  readonly keepCount: Locator;
  readonly saveKeepCountButton: Locator;
  readonly dataDir: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.backupNowButton = page.getByRole('button', { name: '立即备份' });
    this.keepCount = page.getByRole('spinbutton', { name: '保留备份份数' });
    this.saveKeepCountButton = page.getByRole('button', { name: '保存份数' });
    this.dataDir = page.getByTestId('data-dir');
    this.outcome = page.getByTestId('restore-outcome');
  }

  /** From the home page header, as a user would. */
  async openFromHome(): Promise<void> {
    await this.page.getByRole('link', { name: '设置' }).click();
    await expect(this.page).toHaveURL(/#\/settings$/);
    await expect(this.page.getByText('备份与恢复')).toBeVisible();
  }

  rows(): Locator {
    return this.page.locator('tbody tr.ant-table-row');
  }

  /** 立即备份, then waits for the new row; returns the number of backups listed. */
  async backupNow(): Promise<number> {
    const before = await this.rows().count();
    await this.backupNowButton.click();
    await expect(this.rows()).toHaveCount(before + 1);
    return before + 1;
  }

  /** Restores the backup in the row whose 类型 is `reason` (the newest such row), confirming the warning. */
  async restore(reason: string): Promise<void> {
    const row = this.rows().filter({ hasText: reason }).first();
    await row.getByRole('button', { name: /^恢复/ }).click();
    const confirm = this.page.getByRole('tooltip').filter({ hasText: '恢复到这份备份？' });
    await expectSettled(confirm);
    await expect(confirm).toContainText('「恢复前」备份');
    await confirm.getByRole('button', { name: '恢复' }).click();
    await expect(this.outcome).toContainText('已从备份');
  }
}

/** The blocking dialog shown at start when the data file was found damaged. */
export class RecoveryDialog {
  readonly dialog: Locator;
  readonly movedAsidePath: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: '数据文件已损坏' });
    this.movedAsidePath = this.dialog.getByTestId('moved-aside-path');
  }

  restoreLatestButton(): Locator {
    return this.dialog.getByRole('button', { name: /^恢复最近的备份/ });
  }

  async restoreLatest(): Promise<void> {
    await expectSettled(this.dialog);
    await this.restoreLatestButton().click();
    await expect(this.dialog).toBeHidden();
    const done = this.page.getByRole('dialog', { name: '已恢复' });
    await expect(done).toContainText('已从备份');
    await expectSettled(done);
    await done.getByRole('button', { name: '知道了' }).click();
  }
}
