import { Logger as NestLogger } from '@nestjs/common';
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';

/** The Nest logger's method of each SDK level. */
const NEST_METHOD: Record<LogLevel, 'error' | 'warn' | 'log' | 'debug' | 'verbose'> = {
  ERROR: 'error',
  WARN: 'warn',
  INFO: 'log',
  DEBUG: 'debug',
  TRACE: 'verbose',
};

/** Routes the Temporal SDK's own log lines into the application's (pino) logger. */
export class TemporalSdkLogger implements Logger {
  private readonly logger = new NestLogger('TemporalSDK');

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    this.logger[NEST_METHOD[level] ?? 'verbose'](meta ?? {}, message);
  }

  readonly trace = (message: string, meta?: LogMetadata): void => this.log('TRACE', message, meta);
  readonly debug = (message: string, meta?: LogMetadata): void => this.log('DEBUG', message, meta);
  readonly info = (message: string, meta?: LogMetadata): void => this.log('INFO', message, meta);
  readonly warn = (message: string, meta?: LogMetadata): void => this.log('WARN', message, meta);
  readonly error = (message: string, meta?: LogMetadata): void => this.log('ERROR', message, meta);
}
