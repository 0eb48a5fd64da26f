// The raw baseline of bench:availability (started by availability.mjs as a child process; not run by
// hand). A bare node:http server with a pg.Pool answering GET /api/floors/:id/availability?date= with
// the same JSON shape for the same floor and day: the same five queries as AvailabilityService (floor,
// building, closures, zones, spaces, the day's active bookings), each space's state and bookings with
// times in the building's zone. No framework, no session lookup (one bearer token, known in memory),
// no validation pipe, no access policy beyond "is it mine"; opening hours read without DST subtlety.
import http from 'node:http';
import pg from 'pg';

const config = JSON.parse(process.env.BENCH_RAW_CONFIG);
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize });
pool.on('error', () => undefined);

const q = (name, text, values) => pool.query({ name, text, values }).then((r) => r.rows);

/** `2026-12-08T10:00:00+01:00` for an instant in a zone (offset looked up once per request). */
function offsetMinutes(timeZone, ms) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const v = Object.fromEntries(parts.map((p) => [p.type, Number(p.value)]));
  return Math.round((Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second) - ms) / 60_000);
}
function iso(ms, offset) {
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

async function availability(floorId, date) {
  const [floor] = await q('raw_floor', 'SELECT id, building_id AS "buildingId" FROM floors WHERE id = $1', [floorId]);
  if (!floor) return { status: 404, body: { code: 'FLOOR_NOT_FOUND' } };
  const [[building], closures, zones, spaces, bookings] = await Promise.all([
    q('raw_building', 'SELECT time_zone AS "timeZone", opening_hours AS "openingHours" FROM buildings WHERE id = $1', [floor.buildingId]),
    q('raw_closures', 'SELECT reason FROM closures WHERE building_id = $1 AND date = $2', [floor.buildingId, date]),
    q('raw_zones', 'SELECT id FROM zones WHERE floor_id = $1', [floorId]),
    q('raw_spaces', 'SELECT id, bookable FROM spaces WHERE floor_id = $1 AND archived_at IS NULL ORDER BY label', [floorId]),
    q(
      'raw_bookings',
      `SELECT bk.id, bk.space_id AS "spaceId", bk.start_at AS start, bk.end_at AS "end", bk.status, bk.booker_id AS "bookerId"
         FROM bookings bk WHERE bk.floor_id = $1 AND bk.local_date = $2 AND bk.status IN ('confirmed', 'checked_in')
        ORDER BY bk.start_at`,
      [floorId, date],
    ),
  ]);
  void zones;
  const noon = Date.parse(`${date}T12:00:00Z`);
  const offset = offsetMinutes(building.timeZone, noon);
  const weekday = ((new Date(noon).getUTCDay() + 6) % 7) + 1;
  const hours = closures.length ? null : (building.openingHours ?? []).find((h) => h.weekday === weekday);
  const at = (hhmm) => Date.parse(`${date}T${hhmm === '24:00' ? '23:59' : hhmm}:00Z`) - offset * 60_000;
  const open = hours ? { start: at(hours.open), end: at(hours.close) } : null;
  const bySpace = new Map();
  for (const b of bookings) {
    const list = bySpace.get(b.spaceId);
    if (list) list.push(b);
    else bySpace.set(b.spaceId, [b]);
  }
  return {
    status: 200,
    body: {
      floorId,
      date,
      open: open ? { start: iso(open.start, offset), end: iso(open.end, offset) } : null,
      closedReason: closures[0]?.reason ?? null,
      spaces: spaces.map((s) => {
        const own = bySpace.get(s.id) ?? [];
        const mine = own.some((b) => b.bookerId === config.userId);
        const covered = own.reduce((n, b) => n + (b.end - b.start), 0);
        const state = !s.bookable || !open ? 'unavailable' : mine ? 'mine' : !own.length ? 'free' : covered >= open.end - open.start ? 'booked' : 'partial';
        return {
          spaceId: s.id,
          state,
          bookings: own.map((b) => ({
            ...(b.bookerId === config.userId ? { id: b.id } : {}),
            start: iso(b.start.getTime(), offset),
            end: iso(b.end.getTime(), offset),
            status: b.status,
            mine: b.bookerId === config.userId,
            bookerName: null,
          })),
        };
      }),
    },
  };
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const ROUTE = /^\/api\/floors\/([0-9a-f-]{36})\/availability\?date=(\d{4}-\d{2}-\d{2})$/;
const server = http.createServer((req, res) => {
  const m = req.method === 'GET' ? ROUTE.exec(req.url ?? '') : null;
  if (!m) return send(res, 404, { code: 'ROUTE_NOT_FOUND' });
  if (req.headers.authorization !== `Bearer ${config.token}`) return send(res, 401, { code: 'UNAUTHENTICATED' });
  availability(m[1], m[2]).then(
    (r) => send(res, r.status, r.body),
    (e) => send(res, 500, { code: 'INTERNAL_ERROR', message: e.message }),
  );
});
server.keepAliveTimeout = 60_000;

const stop = () => {
  setTimeout(() => process.exit(0), 3_000).unref();
  server.close(() => pool.end().finally(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
