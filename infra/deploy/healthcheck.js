#!/usr/bin/env node
// The image's HEALTHCHECK: GET http://127.0.0.1:$PORT/health/live of the app in this container
// (every service and the gateway serve it); exits 0 on 200, else 1. A port given as the first
// argument wins: the worker's compose services run `healthcheck.js 9464` (its WORKER_HTTP_PORT).
'use strict';
const http = require('node:http');

const port = Number(process.argv[2] || process.env.PORT || 8080);
const request = http.get({ host: '127.0.0.1', port, path: '/health/live', timeout: 2000 }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error('timeout')));
request.on('error', () => process.exit(1));
