// What a directed run and its base run must share: the config apart from the grid's algorithm and
// seed axes and the `directed` section, which the base algorithm ignores.
import { canonicalJson } from '../meta/checksum.js';

/** Canonical JSON of `config` without algo, seed and directed: equal keys mean comparable runs. */
export function pairingKey(config: Readonly<Record<string, unknown>>): string {
  const { algo: _algo, seed: _seed, directed: _directed, ...shared } = config;
  return canonicalJson(shared);
}
