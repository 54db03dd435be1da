// Structured logs (pino); secrets and tokens are redacted wherever they appear.
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.privateKey',
        '*.encryptedPrivateKey',
        '*.token',
        '*.nationalId',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
