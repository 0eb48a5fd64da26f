export * from './lib/insights.routes';
