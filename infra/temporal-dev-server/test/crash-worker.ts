import { NativeConnection, Worker } from '@temporalio/worker';
import { activities } from './activities';

/** A worker in its own process, so a test can kill it without a graceful ShutdownWorker. */
async function main(): Promise<void> {
  const [address, taskQueue, codePath] = process.argv.slice(2);
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: { codePath: codePath ?? '' },
    activities,
    stickyQueueScheduleToStartTimeout: '1s',
  });
  await worker.run();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
