import { readFile, realpath } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

/**
 * A tiny static file server on 127.0.0.1 (an ephemeral port unless one is given): each URL
 * prefix of `mounts` maps to a folder; `/` serves index.html. Only GET and HEAD, nothing
 * outside the mounted folders (symbolic links included), no caching (a rebuilt bundle is seen on
 * reload). A request target that is not a path on this host gets 400 and the server carries on.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  close(): Promise<void>;
}

/** The file a request path names under the longest matching mount, or null (unmounted or escaping). */
function fileFor(mounts: readonly [string, string][], pathname: string): { file: string; dir: string } | null {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    let rest: string;
    try {
      rest = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return null; // a malformed escape names no file
    }
    const file = resolve(dir, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
    return inside(dir, file) ? { file, dir } : null;
  }
  return null;
}

function inside(dir: string, file: string): boolean {
  return file === dir || file.startsWith(dir + sep);
}

const ORIGIN = 'http://127.0.0.1';

/** The path of an origin-form request target ("/path?query"), or null for anything else. */
function pathOf(target: string): string | null {
  if (!target.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(target, ORIGIN);
  } catch {
    return null;
  }
  // "//host/path" parses as another host's URL: not a path here.
  return url.origin === ORIGIN ? url.pathname : null;
}

/** The file's contents when it (after resolving links) lies inside `dir`, else null. */
async function readInside(dir: string, file: string): Promise<Buffer | null> {
  try {
    const [realDir, realFile] = await Promise.all([realpath(dir), realpath(file)]);
    return inside(realDir, realFile) ? await readFile(realFile) : null;
  } catch {
    return null;
  }
}

/**
 * The headers that make a page cross-origin isolated (SharedArrayBuffer, shared WebAssembly
 * memory): served with every response when `serveStatic` is asked to isolate.
 */
export const CROSS_ORIGIN_ISOLATION: Readonly<Record<string, string>> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

export interface ServeOptions {
  /** The port (default an ephemeral one). */
  readonly port?: number;
  /** Serve every response with CROSS_ORIGIN_ISOLATION's headers (default false). */
  readonly isolated?: boolean;
}

export async function serveStatic(mounts: Record<string, string>, options: ServeOptions = {}): Promise<StaticServer> {
  const port = options.port ?? 0;
  const extraHeaders = options.isolated === true ? CROSS_ORIGIN_ISOLATION : {};
  for (const prefix of Object.keys(mounts)) {
    if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`serveStatic: mount ${JSON.stringify(prefix)}, expected a URL prefix starting and ending with "/"`);
  }
  const table = Object.entries(mounts)
    .map(([prefix, dir]): [string, string] => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = pathOf(request.url ?? '');
    if (path === null) {
      response.writeHead(400).end();
      return;
    }
    const found = fileFor(table, path);
    if (found === null) {
      response.writeHead(404).end();
      return;
    }
    const { file, dir } = found;
    void readInside(dir, file).then((body) => {
      if (body === null) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...extraHeaders });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
