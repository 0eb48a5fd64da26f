import { rmSync } from 'node:fs';
import { TEMPLATE_ENV } from './global-setup';

export default function globalTeardown(): void {
  const file = process.env[TEMPLATE_ENV];
  if (file) rmSync(file, { force: true });
}
