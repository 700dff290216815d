import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { currentRequestId } from './request-scope.js';

export type { DestinationStream, Logger };

export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Fields replaced by "[redacted]" wherever code logs them: a second net under the rule that
 * nothing secret is logged at all (GraphQL variables, headers and bodies are never logged).
 */
export const REDACTED_PATHS = [
  'password',
  'newPassword',
  'token',
  'secret',
  'cookie',
  'authorization',
  'sessionToken',
  'link',
  'variables',
  'headers',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.secret',
  '*.cookie',
  '*.authorization',
  '*.sessionToken',
  '*.link',
  '*.variables',
  '*.headers',
  '*.input.password',
  '*.input.token',
];

/** Only what identifies an error: its class, message, code and stack (not its other properties, e.g. SQL parameters). */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack,
  };
}

/**
 * JSON lines (one object a line) to `destination` (stdout by default). Every line logged while a
 * request is served carries its `requestId` (see request-scope.ts).
 */
export function createLogger(options: { level?: LevelWithSilent; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    options.destination,
  );
}
