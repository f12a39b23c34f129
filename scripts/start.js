#!/usr/bin/env node
/*
 * `npm start`: backend on :7007 and frontend on :3000 together, with a demo Prometheus for measured
 * usage when one is installed (see devServers.js); Ctrl-C stops them all.
 */
const { startDevServers } = require('./devServers');

const frontendUrl = 'http://localhost:3000';
const backendUrl = 'http://localhost:7007';

async function main() {
  console.log('Starting the arch-tradeoffs backend (:7007) and frontend (:3000); the first start compiles for about a minute…');
  const servers = await startDevServers({ backendUrl, frontendUrl });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the servers…');
    await servers.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  for (const child of servers.children) {
    child.on('exit', async code => {
      if (stopping) return;
      stopping = true;
      console.error(`The ${child.name} stopped (exit code ${code}); stopping the others too.`);
      await servers.stop();
      process.exit(code ?? 1);
    });
  }
  const prometheus = servers.prometheusUrl
    ? `\n    ${servers.prometheusUrl}  (the demo Prometheus: measured usage)`
    : '';
  console.log(`\n  arch-tradeoffs is running:\n\n    ${frontendUrl}/arch-tradeoffs   (the plugin page)\n    ${frontendUrl}/catalog          (the example catalog)\n    ${backendUrl}/api/arch-tradeoffs  (the backend API)${prometheus}\n\n  Press Ctrl-C to stop.\n`);
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
