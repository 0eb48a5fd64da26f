import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentRequestId } from './request-context';

/**
 * Nest's own logger; with LOG_FORMAT=json each line is one JSON object carrying the id of the
 * request it was written for (the same id the client sees in `X-Request-Id` and in a 500's body).
 */
export class AppLogger extends ConsoleLogger {
  protected override getJsonLogObject(
    message: unknown,
    options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown },
  ) {
    const requestId = currentRequestId();
    return { ...super.getJsonLogObject(message, options), ...(requestId ? { requestId } : {}) };
  }
}

export function createLogger(format: 'text' | 'json', logLevels: LogLevel[]): AppLogger {
  return new AppLogger({ json: format === 'json', logLevels, colors: format === 'json' ? false : undefined });
}
