export * from './types';
export * from './engine';
export { evalCondition, conditionReads } from './condition';
export { isFilled, amountOf } from './access';
export { createValidationSession, type ValidationSession } from './session';
