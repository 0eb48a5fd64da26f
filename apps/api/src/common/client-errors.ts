import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '@flexdesk/shared-contracts';
import { describeError } from './error-catalog';

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers or URL over 16 KB,
 * malformed request lines) get a problem document like every other error, instead of Node's
 * bare `431`/`400` without a body. A timed-out or reset connection is just closed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.destroy();
      return;
    }
    const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'REQUEST_HEADERS_TOO_LARGE' : 'VALIDATION_FAILED';
    const { status, title, detail } = describeError(code, {}, 'de');
    const body = JSON.stringify({
      type: `https://flexdesk.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      title,
      status,
      detail,
      code,
    });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
