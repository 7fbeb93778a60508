export * from './sectionStatuses';
export * from './deadline';
