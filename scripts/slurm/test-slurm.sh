#!/usr/bin/env bash
# The grid path on a real Slurm (npm run test:slurm): a one-node cluster on localhost (2 CPUs),
# the tiny grid as a job array against the same grid trained by one process, then a grid whose
# two tasks are preempted mid-run (one by scancel, one killed outright) and resubmitted.
# Each grid is checked by compare-grids.mjs: the same runs, bits and report page, wall-clock
# figures aside. METARL_SLURM_QUICK=1 adds experiments/paper.json --quick the same way.
# Needs root or sudo when Slurm or munge is missing (installs Debian's slurm-wlm and munge).
set -euo pipefail
# slurmd starts the jobs and SlurmUser is root: the daemons need root.
if [ "$(id -u)" != 0 ]; then exec sudo -E env "PATH=$PATH" bash "$0" "$@"; fi
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
source scripts/slurm/local-cluster.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/metarl-slurm.XXXXXX")
finish() {
  local rc=$?
  cluster_stop
  if [ $rc = 0 ]; then rm -rf "$tmp"; else echo "test-slurm: FAILED; logs and grids kept in $tmp" >&2; fi
  exit $rc
}
trap finish EXIT
trap 'exit 130' INT TERM

metarl() { node "$repo/bin/metarl.mjs" "$@"; }
now() { date +%s.%N; }
since() { node -e 'console.log((Number(process.argv[2]) - Number(process.argv[1])).toFixed(1))' "$1" "$(now)"; }

# One process on the whole node: the reference, and the time to beat.
one_process() {
  local out=$1
  shift
  local start
  start=$(now)
  metarl experiment "$@" --out "$out" --workers 2 >"$tmp/logs/$(basename "$out").out" 2>&1
  echo "$(since "$start")"
}

# sbatch of metarl-array.sbatch with the test's settings; prints the job id.
submit() {
  local array=$1 shards=$2 out=$3
  shift 3
  sbatch --parsable --array="$array" --cpus-per-task=1 --time=30 --chdir="$repo" \
    --output="$tmp/logs/$(basename "$out")-%A_%a.out" "$@" scripts/slurm/metarl-array.sbatch "$shards" "${grid_args[0]}" "$out" "${grid_args[@]:1}"
}

# Waits (at most $2 seconds) until job $1 has left the queue.
wait_job() {
  cluster_wait "$2" bash -c "[ -z \"\$(squeue -h -j $1 2>/dev/null)\" ]" || { echo "test-slurm: job $1 still queued after $2 s: $(squeue -j "$1")" >&2; return 1; }
}

# Every task of job $1 ended with exit code 0 (scontrol keeps ended jobs for MinJobAge).
check_job_ok() {
  local bad
  bad=$(scontrol -o show job "$1" | grep -v 'ExitCode=0:0' | grep -o 'JobId=[0-9]* ArrayJobId=[0-9]* ArrayTaskId=[0-9]*\|JobState=[A-Z_]*\|ExitCode=[0-9:]*' | paste -sd' ' || true)
  if [ -n "$bad" ]; then echo "test-slurm: job $1 has tasks that failed: $bad" >&2; tail -n 5 "$tmp"/logs/*"$1"_*.out >&2; return 1; fi
}

# The grid $1 as an array job of $2 tasks against one process, timed; then compared.
array_against_one() {
  local name=$1 tasks=$2 start job one array
  one=$(one_process "$tmp/$name-one" "${grid_args[@]}")
  start=$(now)
  job=$(submit "0-$((tasks - 1))" "$tasks" "$tmp/$name-array")
  wait_job "$job" "$3"
  array=$(since "$start")
  check_job_ok "$job"
  metarl report "$tmp/$name-array" >/dev/null
  local runs trained
  runs=$(metarl experiment "${grid_args[@]}" --list | wc -l)
  trained=$((tasks < runs ? tasks : runs))
  node scripts/slurm/compare-grids.mjs "$tmp/$name-one" "$tmp/$name-array" "$trained"
  echo "test-slurm: $name ($runs runs): one process (2 workers) $one s, array job of $tasks tasks (1 CPU each) $array s from sbatch to the last task's end"
}

cluster_start "$tmp/cluster"
mkdir -p "$tmp/logs"
echo "test-slurm: cluster up: $(sinfo -h -N -o '%N %c CPUs %t')"

grid_args=(experiments/tiny.json)
array_against_one tiny 3 300

if [ "${METARL_SLURM_QUICK:-0}" = 1 ]; then
  grid_args=(experiments/paper.json --quick)
  # One array task per run of the quick grid, however many seeds each algorithm has.
  array_against_one quick "$(metarl experiment "${grid_args[@]}" --list | wc -l)" 3600
fi

# Preemption: tiny's grid for long enough to be caught mid-run.
node -e '
const fs = require("fs");
const grid = JSON.parse(fs.readFileSync("experiments/tiny.json", "utf8"));
grid.name = "preempt";
grid.base.iterations = 300;
delete grid.quick;
fs.writeFileSync(process.argv[1], JSON.stringify(grid, null, 2) + "\n");' "$tmp/preempt.json"
grid_args=("$tmp/preempt.json")
one_process "$tmp/preempt-one" "${grid_args[@]}" >/dev/null
out=$tmp/preempt-array
job=$(submit 0-1 2 "$out")
runs=($(metarl experiment "${grid_args[@]}" --list | cut -f2))
logged() { [ -f "$out/$1/log.jsonl" ] && [ "$(wc -l <"$out/$1/log.jsonl")" -ge 3 ]; }
cluster_wait 120 bash -c "$(declare -f logged); out=$out; logged ${runs[0]} && logged ${runs[1]}" || { echo "test-slurm: the preempt tasks logged no iterations in 120 s" >&2; exit 1; }
# Task 0 ended as Slurm ends a job (SIGTERM, SIGKILL after KillWait); task 1 killed with no
# warning, as by a node's OOM killer, by the pid its run.lock names (scancel of any signal ends a
# job through SIGTERM first).
scancel "${job}_0"
kill -KILL "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).pid)' "$out/${runs[1]}/run.lock")"
wait_job "$job" 60
[ -f "$out/${runs[0]}/run.lock" ] && { echo "test-slurm: ${runs[0]} still locked after scancel" >&2; exit 1; }
[ -f "$out/${runs[1]}/run.lock" ] || { echo "test-slurm: ${runs[1]} left no lock when killed: its takeover is not tested" >&2; exit 1; }
for run in "${runs[@]}"; do
  if [ -f "$out/$run/eval.json" ]; then echo "test-slurm: $run finished before it was preempted: nothing was tested (raise its iterations)" >&2; exit 1; fi
done
# As if task 1 had run on another node: its lock and its task record name a host this one is not,
# where only Slurm can say the job is gone.
node -e '
const fs = require("fs");
const [lock, tasks, host] = process.argv.slice(1);
const holder = JSON.parse(fs.readFileSync(lock, "utf8"));
const record = `${tasks}/${holder.host}.${holder.pid}`;
const [job] = fs.readFileSync(record, "utf8").trim().split(" ");
fs.writeFileSync(lock, JSON.stringify({ ...holder, host }) + "\n");
fs.writeFileSync(`${tasks}/${host}.${holder.pid}`, `${job} ${host}\n`);
fs.unlinkSync(record);' "$out/${runs[1]}/run.lock" "$out/.slurm-tasks" gone-node
echo "test-slurm: preempted at iterations $(wc -l <"$out/${runs[0]}/log.jsonl") (scancel) and $(wc -l <"$out/${runs[1]}/log.jsonl") (SIGKILL, its lock left behind, moved to host gone-node) of 300"
job=$(submit 0-1 2 "$out")
wait_job "$job" 600
check_job_ok "$job"
metarl report "$out" >/dev/null
node scripts/slurm/compare-grids.mjs "$tmp/preempt-one" "$out" 4
echo "test-slurm: passed"
