/**
 * Page geometry in twips (1/20 pt): A4 with the GB/T 9704 margins, so a printed 申报书 has the
 * same version-heart (版心 156 mm × 225 mm) as an official document.
 */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** Header and footer distances from the page edge: inside the margins, clear of the text. */
  headerDistance: mm(20),
  footerDistance: mm(18),
} as const;

/** Width of the text column: what table `widths` and figure fractions are scaled to. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;

/** Images are sized in pixels at 96 dpi by the docx package; 1 px = 15 twips. */
export const TWIPS_PER_PIXEL = 15;
