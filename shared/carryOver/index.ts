export * from './carryOver';
