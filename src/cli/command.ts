import type { FileSystem } from '../io/file-system.js';

/** What a command may use besides its arguments. */
export interface CommandContext {
  /** The CLI's own bundle, which commands may start worker threads on (absent when run from source). */
  readonly script?: URL;
  /** Every file the command writes goes through this (tests hand in a failing disk). */
  readonly fs: FileSystem;
}

export type Command = (argv: readonly string[], print: (line: string) => void, context: CommandContext) => number | Promise<number>;
