export * from './person';
export * from './period';
export * from './budget';
export * from './ratios';
