import 'reflect-metadata';
import { loadConfig } from '@ketenregie/shared-platform';
import { Logger } from 'nestjs-pino';
import { createGateway } from './app/gateway.app';
import { gatewayConfigSchema } from './app/gateway.config';

async function main(): Promise<void> {
  const config = loadConfig(gatewayConfigSchema, process.env, { service: 'gateway' });
  const app = await createGateway(config);
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log({ url: await app.getUrl(), mode: config.KETENREGIE_MODE }, 'gateway listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
