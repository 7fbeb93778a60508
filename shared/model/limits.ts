/** Size limits applied to every untrusted draft, pack and payload. */
export const LIMITS = {
  fieldIdLength: 120,
  textLength: 200_000,
  listItems: 500,
  listItemLength: 2_000,
  tableRows: 1_000,
  tableColumns: 60,
  attachmentsPerSlot: 50,
  fileNameLength: 500,
  keysPerRecord: 2_000,
  draftFileBytes: 20 * 1024 * 1024,
  jsonDepth: 32,
} as const;
