/**
 * A batch of episodes stored back to back in flat per-step arrays: step t of episode e is row
 * episodeStarts[e] + t of every per-step array (obs [rows, obsDim] row-major, rewards, values,
 * returns, advantages, terminated [rows]). The time index t restarts at 0 for each episode.
 * Episodes appear in order and do not overlap; rows outside every episode are never read or
 * written. A rollout result (src/rl/rollout.ts) has these fields, so it can be passed as is.
 */
export interface Episodes {
  readonly episodeStarts: Int32Array;
  readonly episodeLengths: Int32Array;
  /**
   * `[rows]`: only each episode's last step is read. 1 where the episode ended in a terminal state
   * (nothing follows: no bootstrap); 0 where it was cut off (time limit, end of the sampling
   * budget), so its return continues from the value of the observation after its last step.
   */
  readonly terminated: Uint8Array;
}

/** Throws unless the episodes fit in `rows` rows as documented on Episodes. */
export function checkEpisodes(op: string, episodes: Episodes, rows: number): void {
  const { episodeStarts: starts, episodeLengths: lengths, terminated } = episodes;
  const n = starts.length;
  if (lengths.length !== n) {
    throw new Error(`${op}: episodeLengths has length ${lengths.length}, expected ${n} (one per episodeStarts entry)`);
  }
  if (terminated.length !== rows) throw new Error(`${op}: terminated has length ${terminated.length}, expected ${rows} (one per row)`);
  let end = 0;
  for (let e = 0; e < n; e++) {
    if (starts[e] < end) {
      throw new Error(`${op}: episodeStarts[${e}] is ${starts[e]}, expected at least ${end} (episodes in order, not overlapping)`);
    }
    if (lengths[e] < 1) throw new Error(`${op}: episodeLengths[${e}] is ${lengths[e]}, expected at least 1`);
    end = starts[e] + lengths[e];
    if (end > rows) throw new Error(`${op}: episode ${e} ends at row ${end}, expected at most ${rows} rows`);
    if (terminated[end - 1] > 1) throw new Error(`${op}: terminated[${end - 1}] is ${terminated[end - 1]}, expected 0 or 1`);
  }
}
