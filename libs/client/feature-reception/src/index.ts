export * from './lib/reception.routes';
