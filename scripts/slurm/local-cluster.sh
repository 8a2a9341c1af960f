# A one-node Slurm cluster on localhost for the tests, in a folder of its own: munged, slurmctld
# and slurmd, configured from scratch (a fresh CI machine has no Slurm). Source it, then
#   cluster_start DIR   installs what is missing, starts the daemons, exports SLURM_CONF
#   cluster_stop        stops every daemon cluster_start started
# No cgroups, accounting or task binding: a container may lack them, and the tests need none.

cluster_pids=()

cluster_install() {
  if [ "$(command -v munged slurmctld slurmd sbatch | wc -l)" = 4 ]; then return; fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "local-cluster: installing slurm-wlm and munge"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
}

# Waits up to $1 seconds for the command after it to succeed.
cluster_wait() {
  local seconds=$1
  shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then return 1; fi
    sleep 0.2
  done
}

cluster_free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

cluster_start() {
  local dir=$1
  cluster_install
  mkdir -p "$dir/spool" "$dir/state" "$dir/log"
  head -c 1024 /dev/urandom >"$dir/munge.key"
  chmod 400 "$dir/munge.key"
  munged --foreground --force --key-file="$dir/munge.key" --socket="$dir/munge.socket" \
    --pid-file="$dir/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munged.seed" 2>"$dir/log/munged.out" &
  cluster_pids+=($!)
  cluster_wait 20 test -S "$dir/munge.socket" || { echo "local-cluster: munged did not start: $(tail -3 "$dir/log/munged.out")" >&2; return 1; }

  local ctld_port slurmd_port
  ctld_port=$(cluster_free_port)
  slurmd_port=$(cluster_free_port)
  cat >"$dir/slurm.conf" <<CONF
ClusterName=metarl-test
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
MpiDefault=none
SwitchType=switch/none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmdParameters=config_overrides
KillWait=30
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF=$dir/slurm.conf
  slurmctld -D -f "$SLURM_CONF" >"$dir/log/slurmctld.out" 2>&1 &
  cluster_pids+=($!)
  slurmd -D -N localhost -f "$SLURM_CONF" >"$dir/log/slurmd.out" 2>&1 &
  cluster_pids+=($!)
  if ! cluster_wait 60 cluster_node_idle; then
    echo "local-cluster: the node did not come up; slurmctld and slurmd logs:" >&2
    tail -5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
    return 1
  fi
}

cluster_node_idle() {
  [ "$(sinfo -h -N -o %t 2>/dev/null)" = idle ]
}

cluster_stop() {
  local pid
  for pid in "${cluster_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${cluster_pids[@]}"; do
    cluster_wait 15 bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
  done
  cluster_pids=()
}
