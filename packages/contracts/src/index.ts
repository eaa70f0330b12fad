export * from './enums';
export * from './errors';
export * from './limits';
export * from './uscc';
export * from './enterprise';
export * from './auth';
export * from './platform';
