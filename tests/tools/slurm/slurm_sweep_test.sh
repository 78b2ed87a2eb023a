#!/bin/bash
# wtm-sweep --slurm on a real, throw-away Slurm: munge, slurmctld and slurmd run as root from a
# temporary folder (generated slurm.conf, no cgroups, 127.0.0.1, free ports); a small sweep is
# submitted as a 4-task array plus its merge job, and the merged folder must equal the same sweep
# run on this machine, byte for byte. Exit 77 (a ctest skip) when Slurm is not installed or its
# daemons cannot run here, saying why.
#   slurm_sweep_test.sh WTM_SWEEP TRACE_DIR
set -euo pipefail
sweep=$1 trace=$2
skip() { echo "SKIP: $*"; exit 77; }
for p in munged slurmctld slurmd sbatch squeue sinfo; do
  command -v "$p" > /dev/null || skip "$p not found (apt-get install slurm-wlm munge)"
done
[ "$(id -u)" -eq 0 ] || skip "the throw-away slurmd must run as root (SlurmUser=root)"

tmp=$(mktemp -d /tmp/wtm-slurm.XXXXXX)
stop() {
  for d in slurmd slurmctld munged; do
    [ -f "$tmp/$d.pid" ] && kill "$(cat "$tmp/$d.pid")" 2> /dev/null || true
  done
  sleep 1
  rm -rf "$tmp"
}
trap stop EXIT

# munge with its own key and socket.
head -c 1024 /dev/urandom > "$tmp/munge.key"
chmod 400 "$tmp/munge.key"
munged --key-file="$tmp/munge.key" --socket="$tmp/munge.sock" --pid-file="$tmp/munged.pid" \
  --log-file="$tmp/munged.log" --seed-file="$tmp/munge.seed" --force ||
  skip "munged does not start here: $(tail -1 "$tmp/munged.log" 2> /dev/null)"

host=$(hostname -s)
port=$((20000 + RANDOM % 20000))
mkdir -p "$tmp/state" "$tmp/spool"
cat > "$tmp/slurm.conf" << CONF
ClusterName=wtmtest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$tmp/munge.sock
CryptoType=crypto/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$tmp/slurm.conf
slurmctld -i || skip "slurmctld does not start: $(tail -2 "$tmp/slurmctld.log" 2> /dev/null)"
slurmd || skip "slurmd does not start: $(tail -2 "$tmp/slurmd.log" 2> /dev/null)"
for _ in $(seq 60); do
  sinfo -h -o %t 2> /dev/null | grep -qE '^idle' && break
  sleep 0.5
done
sinfo -h -o %t 2> /dev/null | grep -qE '^idle' || skip "the node does not come up: $(tail -2 "$tmp/slurmd.log")"

args=("$trace" --adc-bits 6,8 --noise-level 0,4 --seeds 2 --frames 20 --no-progress)
"$sweep" "${args[@]}" --slurm 4 --out "$tmp/cluster" | tee "$tmp/submit.txt"
grep -q "submitted 4 shard task(s)" "$tmp/submit.txt"
final=$(sed -n 's/.*the merge as job \([0-9]*\).*/\1/p' "$tmp/submit.txt")
[ -n "$final" ]
for _ in $(seq 240); do  # up to 2 minutes
  squeue -h -j "$final" 2> /dev/null | grep -q . || break
  sleep 0.5
done
if squeue -h -j "$final" 2> /dev/null | grep -q .; then
  echo "FAIL: the merge job $final has not ended after 2 minutes"; squeue; exit 1
fi
cat "$tmp/cluster/slurm/wtm-sweep-final.log"
ls "$tmp/cluster/shards"
[ "$(ls "$tmp/cluster/shards" | wc -l)" -eq 4 ] || { echo "FAIL: not 4 shard folders"; exit 1; }

"$sweep" "${args[@]}" --out "$tmp/local" -q > /dev/null
# The same results, summary plots and data, byte for byte (the cluster folder also holds its
# shards and the Slurm scripts and logs).
diff -r --exclude=shards --exclude=slurm "$tmp/local" "$tmp/cluster"
echo "PASS: 4 Slurm array tasks and the merge equal the local sweep"
