export * from './questions';
export * from './evaluate';
