export const appChannels = {
  appInfo: 'app:info',
} as const;
