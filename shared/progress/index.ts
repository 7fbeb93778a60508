export * from './sectionStatuses';
