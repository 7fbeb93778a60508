export * from './uscc';
export * from './idNumber';
export * from './formats';
