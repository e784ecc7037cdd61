#!/usr/bin/env node
'use strict';
/**
 * `npm start`: brings up the whole Ketenregie stack with demo data and keeps it running until
 * Ctrl-C (SIGINT) or SIGTERM, then stops every part in reverse order.
 */
const path = require('node:path');
const { startStack } = require('./stack');
const { tail } = require('./processes');

const echo = process.argv.includes('--verbose');
const out = (line) => process.stdout.write(`${line}\n`);

async function main() {
  const t0 = Date.now();
  const abort = new AbortController();
  let stack = null;
  let signals = 0;
  const onSignal = async (signal) => {
    signals += 1;
    if (signals > 1) {
      out('Second signal: exiting without waiting for the children.');
      process.exit(130);
    }
    out(`\n${signal} received: stopping…`);
    if (!stack) {
      abort.abort();
      return;
    }
    await stack.stop();
    out('Ketenregie stopped.');
    process.exit(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  out(`Ketenregie: starting the stack${echo ? '' : ' (child logs in .data/logs; --verbose streams them here)'}`);
  try {
    stack = await startStack({
      log: out,
      echo,
      signal: abort.signal,
      // A part that dies takes the stack down with it: a half-running stack would only confuse.
      onUnexpectedExit: async (name, how, logFile) => {
        out(`\n${name} stopped unexpectedly (${how}); stopping the rest.`);
        if (!echo) {
          const lines = tail(logFile);
          if (lines) out(`Last lines of ${path.relative(process.cwd(), logFile)}:\n${lines}`);
        }
        await stack.stop();
        process.exit(1);
      },
    });
  } catch (error) {
    if (abort.signal.aborted) {
      out('Ketenregie stopped before it was ready.');
      process.exit(130);
    }
    out(`\nStart-up failed: ${error.message}`);
    if (error.logFile && !error.logInMessage && !echo) {
      const lines = tail(error.logFile);
      if (lines) out(`Last lines of ${path.relative(process.cwd(), error.logFile)}:\n${lines}`);
    }
    process.exit(1);
  }
  out(`\nKetenregie is ready at ${stack.url} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  out(`  Portal          ${stack.url}/`);
  out(`  API reference   ${stack.url}/api/v1/docs`);
  out(`  Organisaties    ${stack.url}/api/v1/organisaties`);
  if (stack.env.KETENREGIE_MODE === 'embedded') {
    out(
      `  Dev token       curl -s -X POST ${stack.url}/auth/dev-token -H 'content-type: application/json' -d '{"organisatie":"gemeente-dommeldal","rol":"klantmanager"}'`,
    );
  }
  out('Press Ctrl-C to stop.');
}

main().catch((error) => {
  out(`Unexpected failure: ${error.stack ?? error}`);
  process.exit(1);
});
