export * from './lib/time';
export * from './lib/policy';
export * from './lib/slots';
export * from './lib/rules';
export * from './lib/availability';
export * from './lib/geometry';
export * from './lib/navigation';
export * from './lib/layout';
