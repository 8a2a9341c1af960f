// npm run demo [-- --port N]: builds the demo into .cache/demo and serves it on 127.0.0.1.
import { libraryBundleSize } from './bundle-size.js';
import { buildDemoSite } from './demo-site.js';
import { serveStatic } from './static-server.js';

const OUTDIR = '.cache/demo';

function portArgument(argv: readonly string[]): number {
  const i = argv.indexOf('--port');
  if (i < 0) return 0;
  const port = Number(argv[i + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port is ${JSON.stringify(argv[i + 1] ?? null)}, expected an integer in [0, 65535]`);
    process.exit(2);
  }
  return port;
}

const port = portArgument(process.argv.slice(2));
await buildDemoSite(OUTDIR);
const size = await libraryBundleSize();
const server = await serveStatic({ '/': OUTDIR }, { port });
console.log(`library bundle: ${(size.minified / 1024).toFixed(1)} KiB minified, ${(size.gzipped / 1024).toFixed(1)} KiB gzipped`);
console.log(`demo: ${server.url}/  (Ctrl-C stops it)`);
