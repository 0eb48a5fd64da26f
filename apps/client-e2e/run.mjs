#!/usr/bin/env node
// Browser journeys: starts the built app (API + client on one port, fresh embedded database with
// demo data), then runs the specs in real Chromium (Debian's, driven by playwright-core) with
// Node's test runner. Usage: npm run build && npm run test:e2e [-- <spec name filter>...]
// Screenshots of the booking page land in apps/client-e2e/screenshots/.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const started = Date.now();
const root = new URL('../../', import.meta.url).pathname;
const filters = process.argv.slice(2);
for (const file of ['dist/apps/api/main.js', 'dist/apps/client/browser/index.html']) {
  if (!existsSync(join(root, file))) {
    console.error(`${file} is missing: run npm run build first`);
    process.exit(1);
  }
}

const port = await new Promise((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const p = srv.address().port;
    srv.close(() => resolve(p));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), 'flexdesk-e2e-'));
const baseUrl = `http://127.0.0.1:${port}`;

// The test OpenID provider (tools/idp, oidc-provider) for the single sign-on journey: the app signs
// people in through it over real redirects; password sign-in stays on (LOCAL_LOGIN defaults to true).
const idp = spawn(process.execPath, ['tools/idp/child.mjs'], {
  cwd: root,
  env: {
    ...process.env,
    IDP_REDIRECT_URIS: `${baseUrl}/api/auth/oidc/callback`,
    IDP_POST_LOGOUT_URIS: `${baseUrl}/login`,
  },
  stdio: ['pipe', 'pipe', 'inherit'],
});
const issuer = await new Promise((resolve, reject) => {
  let out = '';
  idp.stdout.on('data', (chunk) => {
    out += chunk;
    if (out.includes('\n')) resolve(out.split('\n')[0].trim());
  });
  idp.once('exit', (c) => reject(new Error(`the test identity provider exited with ${c}`)));
});
const { IDP_CLIENT, IDP_ROLE_MAP } = await import('../../tools/idp/provider.mjs');

// The development SMTP sink (npm run dev:mail) receives every mail the app sends; the e-mail journey
// reads the saved .eml files from mailDir.
const mailPort = await new Promise((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const p = srv.address().port;
    srv.close(() => resolve(p));
  });
});
const mailDir = join(dataDir, 'mail');
const mail = spawn(process.execPath, ['tools/mail/dev.mjs'], {
  cwd: root,
  env: { ...process.env, DEV_MAIL_PORT: String(mailPort), DEV_MAIL_DIR: mailDir },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  let out = '';
  mail.stdout.on('data', (chunk) => {
    out += chunk;
    if (out.includes('SMTP sink on')) resolve();
  });
  mail.once('exit', (c) => reject(new Error(`the SMTP sink exited with ${c}`)));
});

const api = spawn(process.execPath, ['dist/apps/api/main.js'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    PUBLIC_URL: baseUrl,
    OIDC_ISSUER: issuer,
    OIDC_ALLOW_INSECURE: 'true',
    OIDC_CLIENT_ID: IDP_CLIENT.id,
    OIDC_CLIENT_SECRET: IDP_CLIENT.secret,
    OIDC_ROLE_MAP: IDP_ROLE_MAP,
    OIDC_LABEL: 'Test-IdP',
    SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
    MAIL_FROM: 'Flexdesk <flexdesk@example.org>',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

async function stop() {
  idp.stdin.end();
  mail.kill('SIGINT');
  if (api.exitCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGINT');
    await Promise.race([exited, sleep(15_000)]);
    if (api.exitCode === null) api.kill('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
}

// If the run itself is stopped, do not leave the app running.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    api.kill('SIGKILL');
    idp.kill('SIGKILL');
    mail.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  });
}

let code = 1;
try {
  // Creating the embedded database takes ~10 s on an idle machine, several times that on a busy one.
  const deadline = Date.now() + 180_000;
  let healthy = false;
  while (!healthy && Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the app exited with ${api.exitCode}`);
    healthy = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (!healthy) await sleep(250);
  }
  if (!healthy) throw new Error('the app did not become healthy');
  console.log(`app ready on ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const specs = readdirSync(join(root, 'apps/client-e2e/specs'))
    .filter((f) => f.endsWith('.spec.mjs'))
    .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
    .sort()
    .map((f) => join('apps/client-e2e/specs', f));
  if (!specs.length) throw new Error(`no spec matches ${filters.join(', ')}`);
  // One spec file at a time: they share the app and its database (each uses its own days).
  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], {
    cwd: root,
    env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_IDP_ISSUER: issuer, E2E_MAIL_DIR: mailDir },
    stdio: 'inherit',
  });
  code = await new Promise((resolve) => runner.once('exit', (c) => resolve(c ?? 1)));
} catch (e) {
  console.error(e);
} finally {
  await stop();
}
console.log(`browser journeys ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
