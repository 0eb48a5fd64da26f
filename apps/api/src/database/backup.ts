import { chmodSync, existsSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { inspect, promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { EMBEDDED_EXTENSIONS, EMBEDDED_START_PARAMS } from './pglite-options';

/**
 * Backups of the embedded database. PGlite is one process's database: another process must not
 * open its folder while the server runs. So the running server answers on a Unix socket beside its
 * data folder (owner-only, like the data itself) with a consistent copy (`dumpDataDir`, taken
 * between two statements of its single session); with no server running, the folder is opened
 * directly. A restore needs the server stopped, and keeps the replaced folder beside the new one.
 */

// Unix socket paths are limited to ~107 bytes.
const MAX_SOCKET_PATH = 100;

/** Beside the folder, not in it: the dump walks the folder and cannot read a socket. */
export function backupSocketPath(dataDir: string): string | null {
  const path = join(dirname(dataDir), `.${basename(dataDir)}.backup.sock`);
  return path.length <= MAX_SOCKET_PATH ? path : null;
}

// PGlite's own gzip needs the web CompressionStream, which some runtimes (Jest's) lack: zlib does it.
async function dump(db: PGlite): Promise<Buffer> {
  const tar = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
  return promisify(gzip)(tar);
}

/** Started by the running embedded server: each connection receives one gzipped tar of the data. */
export async function serveBackups(dataDir: string, db: PGlite): Promise<Server | null> {
  const path = backupSocketPath(dataDir);
  if (!path) {
    new Logger('Backup').warn(`data folder path too long for a backup socket: stop the server to back up ${dataDir}`);
    return null;
  }
  if (existsSync(path)) unlinkSync(path); // left by a process that was killed
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    dump(db).then(
      (bytes) => socket.end(bytes),
      (e: unknown) => {
        new Logger('Backup').error(`backup failed: ${inspect(e)}`);
        socket.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, () => resolve()));
  chmodSync(path, 0o600);
  return server;
}

/** The running server's copy, or null when none answers on the folder's socket. */
function fromRunningServer(dataDir: string): Promise<Buffer | null> {
  const path = backupSocketPath(dataDir);
  if (!path || !existsSync(path)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(path);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () =>
      chunks.length ? resolve(Buffer.concat(chunks)) : reject(new Error('the server sent no backup')),
    );
    socket.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? resolve(null) : reject(e),
    );
  });
}

/**
 * Whether an embedded server runs on `dataDir`: it answers on the backup socket (only connected to,
 * nothing read). A socket that fails in another way than "nobody there" counts as running.
 */
export function embeddedServerRunning(dataDir: string): Promise<boolean> {
  const path = backupSocketPath(dataDir);
  if (!path || !existsSync(path)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code !== 'ECONNREFUSED' && e.code !== 'ENOENT'));
  });
}

async function openEmbedded(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create({
    dataDir,
    extensions: EMBEDDED_EXTENSIONS,
    startParams: EMBEDDED_START_PARAMS,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}

/** Writes a gzipped tar of the embedded database in `dataDir` to `file`; says where it came from. */
export async function backupEmbedded(dataDir: string, file: string): Promise<'running server' | 'data folder'> {
  let bytes = await fromRunningServer(dataDir);
  const source = bytes ? 'running server' : 'data folder';
  if (!bytes) {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`no embedded database in ${dataDir}`);
    const db = await openEmbedded(dataDir);
    try {
      bytes = await dump(db);
    } finally {
      await db.close();
    }
  }
  // Written beside the target and renamed, so a failed backup never leaves half a file behind.
  const partial = join(dirname(file), `.${basename(file)}.partial`);
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return source;
}

/**
 * Replaces the embedded database in `dataDir` with the backup in `file`. Refuses while a server
 * runs on the folder; the previous folder is kept as `<dataDir>.before-restore-<time>`.
 */
export async function restoreEmbedded(dataDir: string, file: string): Promise<string | null> {
  if (await embeddedServerRunning(dataDir)) {
    throw new Error(`a server is running on ${dataDir}: stop it before restoring`);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const incoming = `${dataDir}.restoring-${stamp}`;
  const bytes = readFileSync(file);
  const tar = bytes[0] === 0x1f && bytes[1] === 0x8b ? await promisify(gunzip)(bytes) : bytes;
  const db = await openEmbedded(incoming, new Blob([new Uint8Array(tar)])).catch((e: unknown) => {
    rmSync(incoming, { recursive: true, force: true });
    throw new Error(`${file} is not a Flexdesk backup: ${e instanceof Error ? e.message : String(e)}`);
  });
  try {
    // A backup that does not open as a database must not replace anything.
    await db.query('SELECT count(*) FROM migrations');
  } catch (e) {
    await db.close();
    rmSync(incoming, { recursive: true, force: true });
    throw new Error(`${file} is not a Flexdesk backup: ${(e as Error).message}`);
  }
  await db.close();
  let kept: string | null = null;
  if (existsSync(dataDir)) {
    kept = `${dataDir}.before-restore-${stamp}`;
    renameSync(dataDir, kept);
  }
  renameSync(incoming, dataDir);
  return kept;
}
