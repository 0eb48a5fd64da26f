export * from './lib/editor.routes';
