export * from './lib/enums';
export * from './lib/errors';
export * from './lib/models';
export * from './lib/routes';
export * from './lib/events';
export * from './lib/occupancy';
export * from './lib/admin';
export * from './lib/reception';
