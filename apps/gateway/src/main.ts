import 'reflect-metadata';
import { exitOnSignals, gracefulShutdown, loadConfig } from '@ketenregie/shared-platform';
import { Logger } from 'nestjs-pino';
import { createGateway } from './app/gateway.app';
import { gatewayConfigSchema } from './app/gateway.config';

async function main(): Promise<void> {
  const config = loadConfig(gatewayConfigSchema, process.env, { service: 'gateway' });
  const app = await createGateway(config);
  await app.listen(config.PORT, config.HOST);
  const logger = app.get(Logger);
  logger.log({ url: await app.getUrl(), mode: config.KETENREGIE_MODE }, 'gateway listening');
  exitOnSignals(
    gracefulShutdown(app, {
      drainMs: config.SHUTDOWN_DRAIN_MS,
      timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      server: app.getHttpServer(),
      log: (message, details) => logger.log(details ?? {}, message),
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
