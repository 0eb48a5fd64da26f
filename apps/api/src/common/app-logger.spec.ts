import { Logger } from '@nestjs/common';
import { createLogger } from './app-logger';
import { requestScope } from './request-context';

describe('AppLogger', () => {
  const capture = (run: () => void): string[] => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const writeErr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      run();
    } finally {
      write.mockRestore();
      writeErr.mockRestore();
    }
    return lines;
  };

  it('writes one JSON object per line, with the request id inside a request', () => {
    const logger = createLogger('json', ['error', 'warn', 'log']);
    const lines = capture(() => {
      requestScope.run({ requestId: 'req-12345678' }, () => logger.warn('inside', 'Bookings'));
      logger.log('outside', 'Boot');
      logger.error('failed', 'Error: boom\n    at x', 'Filter');
    });
    const [inside, outside, failed] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({ level: 'warn', message: 'inside', context: 'Bookings', requestId: 'req-12345678' });
    expect(outside).toMatchObject({ level: 'log', message: 'outside', context: 'Boot' });
    expect(outside.requestId).toBeUndefined();
    expect(failed).toMatchObject({ level: 'error', stack: expect.anything() });
  });

  it('stays human-readable text by default', () => {
    const logger = createLogger('text', ['log']);
    const lines = capture(() => logger.log('hello', 'Boot'));
    expect(lines.join('')).toContain('hello');
    expect(() => JSON.parse(lines[0])).toThrow();
    void Logger;
  });
});
