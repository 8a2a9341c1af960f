import { UsageError } from './args.js';
import { auditCommand, auditUsage } from './audit-command.js';

type Command = (argv: readonly string[], print: (line: string) => void) => number | Promise<number>;

const commands: Record<string, { run: Command; usage: string }> = {
  audit: { run: auditCommand, usage: auditUsage },
};

function usage(): string {
  return ['usage: metarl <command> [options]', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n');
}

/** Runs the CLI; every failure becomes one line on stderr and a non-zero exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  try {
    if (command === undefined) throw new UsageError(`unknown command '${name}' (allowed: ${Object.keys(commands).join(', ')})`);
    return await command.run(rest, (line) => console.log(line));
  } catch (e) {
    const message = (e as Error).message.split('\n')[0];
    console.error(`metarl: ${message}`);
    return e instanceof UsageError ? 2 : 1;
  }
}
