export * from './lib/booking.routes';
