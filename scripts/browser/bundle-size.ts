import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** Bytes of the library's browser bundle (src/index.ts, ES module), minified and then gzipped. */
export async function libraryBundleSize(): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
