// The raw baseline of bench:booking (started by booking.mjs as a child process; not run by hand).
// A bare node:http server with a pg.Pool that does for POST /api/bookings only what the database
// needs: the same transaction as BookingsRepository.insert on rules an instance kept (per-person-per-day
// and per-space advisory locks with the check that the building's rules are those read, the same
// INSERT … WHERE (count) < maxPerDay AND NOT someone else's assigned desk, deadlock retry). No
// framework, no session look-up (bearer tokens map to users in memory), no space/closure look-ups
// (the building's rules stamp is read once at start), no read-back.
import http from 'node:http';
import pg from 'pg';

const config = JSON.parse(process.env.BENCH_RAW_CONFIG);
const users = new Map(config.users); // bearer token → user id
const windows = new Map(config.windows); // date → [start, end] ISO instants of its 'day' slot
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize });
pool.on('error', () => undefined); // an idle connection ended from outside; the next query reconnects
// The benchmark's one building: its rules as read at start, as an API instance keeps them.
const rules = (await pool.query('SELECT id AS "buildingId", rules_changed_at::text AS stamp FROM buildings')).rows[0];

// Copied from apps/api/src/bookings/bookings.repository.ts.
const LIMIT_LOCK_NAMESPACE = 42_001;
const SPACE_LOCK_NAMESPACE = 42_002;
// BookingsRepository.insert's statements, as they are (LOCKS and RULES_CURRENT, ASSIGNED_TO_OTHER
// written out): both locks in one round trip, person first, with the rules check; the daily limit
// and someone else's assigned desk checked in the INSERT itself.
const LOCKS =
  'SELECT pg_advisory_xact_lock($1, hashtext($2)), pg_advisory_xact_lock($3, hashtext($4)), ' +
  '(SELECT rules_changed_at = $6::timestamptz FROM buildings WHERE id = $5) AS current';
const INSERT = `INSERT INTO bookings (space_id, booker_id, creator_id, start_at, end_at, local_date, slot, series_id)
           SELECT $1, $2, $3, $4, $5, $6, $7, $10
            WHERE (SELECT count(*) FROM bookings bk JOIN spaces s ON s.id = bk.space_id
                    WHERE bk.booker_id = $2 AND bk.local_date = $6 AND s.kind = $8 AND bk.status IN ('confirmed', 'checked_in')) < $9
              AND NOT EXISTS (SELECT 1 FROM spaces a WHERE a.id = $1::uuid AND a.assignee_id IS DISTINCT FROM $2::uuid
                   AND (a.assignee_id IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM assignment_releases r WHERE r.space_id = a.id AND r.date = $6::date)
                        AND NOT EXISTS (SELECT 1 FROM absences ab WHERE ab.user_id = a.assignee_id AND $6::date BETWEEN ab.from_date AND ab.to_date)))
           RETURNING id, created_at AS "createdAt"`;

async function insert(b, attempt = 1) {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    const locks = [LIMIT_LOCK_NAMESPACE, `${b.bookerId}:${b.date}`, SPACE_LOCK_NAMESPACE, b.spaceId];
    const { rows: [{ current }] } = await client.query(LOCKS, [...locks, rules.buildingId, rules.stamp]);
    if (!current) throw Object.assign(new Error('the rules changed'), { code: 'RULES' });
    const { rows } = await client.query(INSERT, [b.spaceId, b.bookerId, b.bookerId, b.start, b.end, b.date, 'day', 'desk', config.maxPerDay, null]);
    await client.query('COMMIT');
    return rows.length ? { status: 201, body: { id: rows[0].id } } : { status: 422, body: { code: 'LIMIT_REACHED' } };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (e.code === '23P01') return { status: 409, body: { code: 'BOOKING_CONFLICT' } };
    if (e.code === '40P01' && attempt < 3) return insert(b, attempt + 1);
    if (e.code === 'RULES') return { status: 409, body: { code: 'RULES_CHANGED' } };
    return { status: 500, body: { code: 'INTERNAL_ERROR', message: e.message } };
  } finally {
    client.release();
  }
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/bookings') return send(res, 404, { code: 'ROUTE_NOT_FOUND' });
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const auth = req.headers.authorization ?? '';
    const bookerId = users.get(auth.startsWith('Bearer ') ? auth.slice(7) : '');
    if (!bookerId) return send(res, 401, { code: 'UNAUTHENTICATED' });
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, { code: 'VALIDATION_FAILED' });
    }
    const window = windows.get(body?.date);
    if (typeof body?.spaceId !== 'string' || body.slot !== 'day' || !window) return send(res, 400, { code: 'VALIDATION_FAILED' });
    const result = await insert({ spaceId: body.spaceId, bookerId, date: body.date, start: window[0], end: window[1] });
    send(res, result.status, result.body);
  });
});
server.keepAliveTimeout = 60_000;

const stop = () => {
  setTimeout(() => process.exit(0), 3_000).unref();
  server.close(() => pool.end().finally(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop); // the benchmark went away

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
