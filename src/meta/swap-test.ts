/**
 * The swap test: whether adaptation is specific to the task it adapted on. Task j's evaluation
 * episodes are played by the policy adapted on task j's own data ("own") and by the one adapted on
 * the next task's data, j + 1 mod N ("other"). own - other > 0 says the adapted policies carry
 * something of their own task; a policy that adapts the same way whatever the data scores 0.
 */

/** The swap test's score: how much better each task's adapted policy does on its own task than on the others'. */
export interface SwapScore {
  /** Mean over tasks j of the return on j of the policy adapted on j. */
  readonly own: number;
  /** Mean over tasks j of the return on j of the policy adapted on j + 1 (mod N). */
  readonly other: number;
  /** own - other. */
  readonly gap: number;
}

/** The task whose adapted policy plays task j's episodes as "other": the next one, j + 1 mod N. */
export function swapPartner(task: number, tasks: number): number {
  return (task + 1) % tasks;
}

/** `returnOn(j, i)`: the return on task j of the policy adapted on task i's data. Null for fewer than two tasks. */
export function swapTest(tasks: number, returnOn: (task: number, adaptedOn: number) => number): SwapScore | null {
  if (!Number.isSafeInteger(tasks) || tasks < 0) throw new Error(`swapTest: tasks is ${tasks}, expected a non-negative integer`);
  if (tasks < 2) return null;
  let own = 0;
  let other = 0;
  for (let j = 0; j < tasks; j++) {
    own += returnOn(j, j);
    other += returnOn(j, swapPartner(j, tasks));
  }
  own /= tasks;
  other /= tasks;
  return { own, other, gap: own - other };
}
