// What each file the CLI reads may be: its size limit and the name errors give it. A reader
// refuses a file over its limit before reading it, so a stray large or endless file costs nothing.

export interface FileKind {
  /** As errors name it: "a config file". */
  readonly what: string;
  readonly maxBytes: number;
}

const MiB = 1024 * 1024;

export const FILE_KINDS = Object.freeze({
  config: { what: 'a config file', maxBytes: 1 * MiB },
  grid: { what: 'a grid file', maxBytes: 1 * MiB },
  /**
   * Above the largest checkpoint SIZE_LIMITS allow (meta/config.ts): a policy of at most
   * hiddenWeights + 16 biases and in/out layers of 4096 units, six arrays of it (Meta-SGD with
   * Adam), at most 25 characters a number.
   */
  checkpoint: { what: 'a checkpoint', maxBytes: 192 * MiB },
  log: { what: 'a training log', maxBytes: 256 * MiB },
  evaluation: { what: 'an evaluation', maxBytes: 16 * MiB },
  /** Any other JSON the CLI reads (fixtures, benchmark results, run summaries). */
  json: { what: 'a JSON file', maxBytes: 64 * MiB },
  /** Any other text the CLI reads. */
  text: { what: 'a text file', maxBytes: 256 * MiB },
} satisfies Record<string, FileKind>);

/** Arrays and objects nested deeper than this in a JSON file are refused before parsing. */
export const MAX_JSON_DEPTH = 64;
