/** What a package may look like before anything in it is read. Ours have a handful of entries. */
export const ZIP_LIMITS = {
  maxEntries: 1_000,
  maxTotalUncompressed: 2 * 1024 * 1024 * 1024,
  /** Uncompressed ÷ compressed for one entry; real documents stay far below, a zip bomb far above. */
  maxRatio: 100,
  /** Tiny entries (a short JSON) may compress extremely well without being a danger. */
  ratioCheckFromBytes: 1024 * 1024,
  /** manifest.json and draft.json are read into memory; nothing else is. */
  maxInMemoryEntry: 20 * 1024 * 1024,
} as const;
