import { describeRange } from '../envs/params.js';
import { registeredEnvs } from '../envs/registry.js';
import type { Space } from '../envs/env.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';

export const envsHelp: CommandHelp = {
  name: 'envs',
  operands: '',
  summary: 'lists the env families: spaces, the return `metarl report` judges convergence by and the outcomes episodes end in, every parameter (default, valid range, unit, meaning), default task ranges',
  options: [],
  examples: ['metarl envs'],
};

const spaceText = (s: Space): string => (s.kind === 'discrete' ? `Discrete(${s.n})` : `Box(${s.shape.join(', ')}, ${s.dtype})`);

export function envsCommand(argv: readonly string[], print: (line: string) => void): number {
  const args = parseCommandArgs(argv, envsHelp);
  if (args.positional.length > 0) throw usageError(`unexpected argument '${args.positional[0]}'`, envsHelp);
  for (const family of registeredEnvs()) {
    print(`${family.name}: ${family.description}`);
    print(`  observations ${spaceText(family.observationSpace)}, actions ${spaceText(family.actionSpace)}`);
    print(`  rewardThreshold ${family.rewardThreshold ?? 'none'}, outcomes ${family.outcomes?.join(', ') ?? 'none'}`);
    const width = Math.max(...Object.keys(family.params).map((k) => k.length));
    for (const [key, spec] of Object.entries(family.params)) {
      const range = family.defaultRanges[key];
      const varied = range === undefined ? '' : `  varied over [${range[0]}, ${range[1]}]`;
      print(`  ${key.padEnd(width)}  default ${spec.default}, ${describeRange(spec)}: ${spec.meaning}${varied}`);
    }
  }
  return 0;
}
