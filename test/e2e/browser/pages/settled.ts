import { expect, type Locator } from '@playwright/test';

/**
 * antd's modals, drawers and pop-confirms zoom or slide in (rc-motion puts `-appear`, `-enter` or
 * `-leave` classes on the overlay or an ancestor while it moves). On a loaded machine a click can
 * press a button that is still moving and release over another element, which is no click at all:
 * the dialog stays open and the test fails for the machine, not the app. A person waits for the
 * overlay to stand still before clicking in it; so do the tests.
 */
const IN_MOTION =
  'xpath=ancestor-or-self::*[contains(@class, "-appear") or contains(@class, "-enter") or contains(@class, "-leave")]';

export async function expectSettled(overlay: Locator): Promise<void> {
  await expect(overlay).toBeVisible();
  await expect(overlay.locator(IN_MOTION)).toHaveCount(0);
}
