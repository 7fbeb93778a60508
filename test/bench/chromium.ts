import { findChromium } from '../../electron/services/export/pdf/findChromium';

/** The Chromium the printer would use, or null where there is none (the PDF entries then say they did not run). */
export function chromiumPath(): string | null {
  try {
    return findChromium();
  } catch {
    return null;
  }
}
