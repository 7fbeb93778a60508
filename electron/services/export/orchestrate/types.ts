import type { Draft } from '../../../../shared/model/draft';
import type { Pack } from '../../../../shared/pack/pack';
import type { ResolvedProgram } from '../../../../shared/pack/resolve';
import type { DraftValidation } from '../../packs/validation';

/** Everything a printer needs to lay out one draft: it never re-reads the store. */
export interface ExportSubject {
  draft: Draft;
  revision: number;
  pack: Pack;
  packHash: string;
  validation: DraftValidation;
  /** The program after template patches: its checklist, sections and name. */
  resolved: ResolvedProgram;
  /** The validation date (China time), `YYYY-MM-DD`. */
  validatedAt: string;
}

/** Reported by long exports: the current step in Chinese and the overall fraction 0–1. */
export type ProgressListener = (step: string, fraction: number) => void;

/** A part of a larger export's progress: the part's 0–1 lands in [from, to] of the whole. */
export function progressPart(report: ProgressListener | undefined, from: number, to: number): ProgressListener {
  return (step, fraction) => report?.(step, from + (to - from) * Math.min(1, Math.max(0, fraction)));
}

export interface PrintedDocument {
  bytes: Uint8Array;
  /** Whether the 「草稿」 watermark is on it (the book decides, from errors and status). */
  watermark: boolean;
}

/**
 * The printers the export needs. The real ones (book → DOCX / HTML → PDF) are wired in
 * `documentPrinters.ts`; keeping this seam lets the orchestration stay ignorant of fonts and Chromium.
 */
export interface DocumentPrinters {
  /** `report` hears each step (「正在生成 Word」…) with the share of this document done. */
  docx(subject: ExportSubject, signal?: AbortSignal, report?: ProgressListener): Promise<PrintedDocument>;
  pdf(subject: ExportSubject, signal?: AbortSignal, report?: ProgressListener): Promise<PrintedDocument>;
  /** Prints a complete HTML page (the self-check sheet) to PDF. */
  htmlToPdf(html: string, signal?: AbortSignal): Promise<Uint8Array>;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelled();
}

export class ExportCancelled extends Error {
  constructor() {
    super('导出已取消');
    this.name = 'ExportCancelled';
  }
}
