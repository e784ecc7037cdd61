import { Logger as NestLogger } from '@nestjs/common';
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';

/** Routes the Temporal SDK's own log lines into the application's (pino) logger. */
export class TemporalSdkLogger implements Logger {
  private readonly logger = new NestLogger('TemporalSDK');

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const fields = meta ?? {};
    switch (level) {
      case 'ERROR':
        this.logger.error(fields, message);
        break;
      case 'WARN':
        this.logger.warn(fields, message);
        break;
      case 'INFO':
        this.logger.log(fields, message);
        break;
      case 'DEBUG':
        this.logger.debug(fields, message);
        break;
      default:
        this.logger.verbose(fields, message);
    }
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
