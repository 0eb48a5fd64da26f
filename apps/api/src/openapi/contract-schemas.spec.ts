import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('contract schemas', () => {
  it('are generated from the current contracts (run `npm run openapi:schemas` when this fails)', () => {
    const root = join(__dirname, '../../../..');
    // Throws, failing the test, when the committed file differs from a fresh generation.
    expect(() =>
      execFileSync(process.execPath, [join(root, 'tools/openapi/contract-schemas.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  }, 30_000);
});
