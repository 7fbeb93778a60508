export const attachmentsChannels = {
  attachmentsPut: 'attachments:put',
  attachmentsGet: 'attachments:get',
} as const;
