// resolveConfig's types: a config written in code is checked by the compiler (tsc checks this
// file: each @ts-expect-error line must be an error), and the same mistakes in JSON at run time.
import { describe, expect, it } from 'vitest';
import { type MetaConfigInput, resolveConfig } from '../../src/meta/config.js';

describe('resolveConfig types', () => {
  it('a misspelt algo, an unknown key or a wrong type fails type-checking and the run-time checks', () => {
    // @ts-expect-error 'mamll' is no AlgorithmName
    expect(() => resolveConfig({ algo: 'mamll' })).toThrow(/^algo is "mamll", expected one of /);
    // @ts-expect-error hiden is no MetaConfig key
    expect(() => resolveConfig({ hiden: [16] })).toThrow(/hiden/);
    // @ts-expect-error hidden holds numbers
    expect(() => resolveConfig({ hidden: ['16'] })).toThrow(/^hidden\[0\] is "16", expected /);
    // @ts-expect-error activation is 'tanh' or 'relu'
    expect(() => resolveConfig({ activation: 'gelu' })).toThrow(/^activation is "gelu", expected one of /);
  });

  it('typed input, parsed JSON and unknown values are accepted', () => {
    const typed: MetaConfigInput = { algo: 'fomaml', hidden: [16] };
    expect(resolveConfig(typed)).toMatchObject({ algo: 'fomaml', hidden: [16] });
    const parsed: unknown = JSON.parse('{"algo":"metasgd","innerSteps":2}');
    expect(resolveConfig(parsed)).toMatchObject({ algo: 'metasgd', innerSteps: 2 });
    expect(() => resolveConfig(JSON.parse('{"algo":"mamll"}'))).toThrow(/^algo is "mamll", expected one of /);
  });
});
