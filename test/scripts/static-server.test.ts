import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/browser/static-server.js';

/**
 * The demo's static server over raw sockets (no client library normalises the request line):
 * every file outside the mounted folder is 404, a target that is no path is 400, and the server
 * answers the next request after either.
 */

const root = mkdtempSync(join(tmpdir(), 'metarl-static-'));
let server: StaticServer;
let port: number;

beforeAll(async () => {
  const site = join(root, 'site');
  mkdirSync(join(site, 'sub'), { recursive: true });
  writeFileSync(join(site, 'index.html'), 'INDEX');
  writeFileSync(join(site, 'sub', 'a.js'), 'A');
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  symlinkSync(join(root, 'secret.txt'), join(site, 'link.txt'));
  symlinkSync(root, join(site, 'up'));
  server = await serveStatic({ '/': site });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** Sends `request` verbatim on a fresh connection; resolves with the status line and body. */
function raw(request: string, host = '127.0.0.1'): Promise<{ status: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    let text = '';
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body = ''] = text.split('\r\n\r\n');
      resolve({ status: head.split('\r\n')[0], body });
    });
  });
}

// HTTP/1.0: the body comes unchunked and the server closes the connection after it.
const get = (target: string) => raw(`GET ${target} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n`);

describe('static server', () => {
  it('serves the mounted files', async () => {
    expect(await get('/')).toEqual({ status: 'HTTP/1.1 200 OK', body: 'INDEX' });
    expect(await get('/sub/a.js?v=1')).toEqual({ status: 'HTTP/1.1 200 OK', body: 'A' });
  });

  it.each([
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/sub/%2e%2e%2f%2e%2e%2fsecret.txt',
    `/${encodeURIComponent(join(root, 'secret.txt'))}`,
    '/%2Fetc%2Fpasswd',
    '/link.txt',
    '/up/secret.txt',
    '/missing.html',
  ])('answers 404 to %s', async (target) => {
    expect(await get(target)).toEqual({ status: 'HTTP/1.1 404 Not Found', body: '' });
  });

  it.each(['//[', '//evil.example/index.html', 'http://127.0.0.1/index.html', '*'])('answers 400 to the target %s and keeps serving', async (target) => {
    expect((await get(target)).status).toBe('HTTP/1.1 400 Bad Request');
    expect(await get('/')).toEqual({ status: 'HTTP/1.1 200 OK', body: 'INDEX' });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    // The IPv6 loopback reaches a server bound to every interface ("::"); this one refuses it.
    await expect(raw('GET / HTTP/1.1\r\n\r\n', '::1')).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH/);
  });
});
