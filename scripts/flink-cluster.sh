#!/usr/bin/env bash
# A Flink 1.19 session cluster on loopback (1 JobManager, N TaskManagers as separate JVMs), run from the
# Maven artifacts of pipeline/cluster/pom.xml, so no Flink distribution is needed. For trying
# `augmill preprocess --runner flink --flink-master 127.0.0.1:PORT` and for the pipeline's *IT.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

usage() {
  cat <<'TXT'
Usage: scripts/flink-cluster.sh start|stop|status [options]

  start    write DIR/conf/config.yaml, start the JobManager, wait for its REST port, start the
           TaskManagers and wait until all have registered
  stop     stop the processes recorded in DIR/pids (SIGTERM, then SIGKILL after 30 s) and clean DIR/tmp
  status   show which recorded processes run and the cluster overview

Options:
  --dir DIR            state directory: conf, logs, pids, temp files (default $AUGMILL_FLINK_DIR or /tmp/augmill-flink)
  --taskmanagers N     TaskManagers to start (default 2)
  --slots S            task slots per TaskManager (default 1)
  --rest-port PORT     JobManager REST port, the --flink-master port (default 8081)
  --rpc-port PORT      JobManager RPC port (default 6123)
  --timeout SECONDS    how long start waits for the JobManager and each registration (default 180)
Environment: JAVA (java command), MAVEN (mvn command), JAVA_OPTS (extra JVM options for every process).
TXT
}

cmd=${1:-}
[ -n "$cmd" ] && shift || { usage >&2; exit 2; }
DIR=${AUGMILL_FLINK_DIR:-/tmp/augmill-flink}
TASKMANAGERS=2
SLOTS=1
REST_PORT=8081
RPC_PORT=6123
TIMEOUT=180
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=$2; shift 2 ;;
    --taskmanagers) TASKMANAGERS=$2; shift 2 ;;
    --slots) SLOTS=$2; shift 2 ;;
    --rest-port) REST_PORT=$2; shift 2 ;;
    --rpc-port) RPC_PORT=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "flink-cluster: unknown option '$1'" >&2; exit 2 ;;
  esac
done
for n in "$TASKMANAGERS" "$SLOTS" "$REST_PORT" "$RPC_PORT" "$TIMEOUT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "flink-cluster: '$n' is not a number" >&2; exit 2; }
done
JAVA=${JAVA:-java}
command -v curl >/dev/null || { echo "flink-cluster: curl is needed to poll the JobManager's REST port" >&2; exit 1; }
DIR=$(mkdir -p "$DIR" && cd "$DIR" && pwd)

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

overview() { curl -sf --max-time 5 "http://127.0.0.1:$REST_PORT/overview"; }

classpath() {
  local file="$DIR/classpath.txt"
  if [ ! -s "$file" ]; then
    # Offline first (the build has usually fetched Flink already), then online for a fresh machine.
    local resolve=(-B -q -Dstyle.color=never -f pipeline/cluster/pom.xml dependency:build-classpath
      -DincludeScope=runtime -Dmdep.outputFile="$file")
    (cd "$ROOT" && { ${MAVEN:-mvn} -o "${resolve[@]}" >/dev/null 2>&1 || ${MAVEN:-mvn} "${resolve[@]}"; }) >&2 \
      || { echo "flink-cluster: could not resolve the Flink class path from pipeline/cluster/pom.xml" >&2; exit 1; }
  fi
  cat "$file"
}

write_config() {
  mkdir -p "$DIR/conf" "$DIR/log" "$DIR/pids" "$DIR/tmp"
  cat >"$DIR/conf/config.yaml" <<YAML
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $RPC_PORT
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: 1024m
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $REST_PORT
blob.server.port: 0
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.numberOfTaskSlots: $SLOTS
taskmanager.cpu.cores: $SLOTS
taskmanager.memory.task.heap.size: 512m
taskmanager.memory.task.off-heap.size: 64m
taskmanager.memory.network.min: 128m
taskmanager.memory.network.max: 128m
taskmanager.memory.managed.size: 256m
taskmanager.memory.framework.heap.size: 128m
taskmanager.memory.framework.off-heap.size: 128m
taskmanager.memory.jvm-metaspace.size: 256m
taskmanager.memory.jvm-overhead.min: 192m
taskmanager.memory.jvm-overhead.max: 192m
io.tmp.dirs: $DIR/tmp
parallelism.default: 1
YAML
}

wait_for() {  # wait_for DESCRIPTION PIDFILE COMMAND...
  local what=$1 pidfile=$2 deadline=$((SECONDS + TIMEOUT))
  shift 2
  until "$@"; do
    if ! alive "$pidfile"; then
      echo "flink-cluster: $what: process exited; see $DIR/log" >&2
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "flink-cluster: $what: not ready after ${TIMEOUT}s; see $DIR/log" >&2
      return 1
    fi
    sleep 1
  done
}

registered() { overview | grep -q "\"taskmanagers\":$TASKMANAGERS[,}]"; }

start_process() {  # start_process NAME XMX MAINCLASS [JVM options...]
  local name=$1 heap=$2 main=$3
  shift 3
  # java.io.tmpdir inside DIR: OpenCV's loader copies its native library there on every job, and stop removes it.
  nohup "$JAVA" $heap "$@" ${JAVA_OPTS:-} -Djava.io.tmpdir="$DIR/tmp" -cp "$CP" "$main" -c "$DIR/conf" \
    >"$DIR/log/$name.log" 2>&1 </dev/null &
  echo $! >"$DIR/pids/$name.pid"
}

start() {
  if alive "$DIR/pids/jobmanager.pid"; then
    echo "flink-cluster: already running (JobManager pid $(cat "$DIR/pids/jobmanager.pid")); stop it first" >&2
    exit 1
  fi
  CP=$(classpath)
  write_config
  start_process jobmanager -Xmx512m org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
  wait_for "JobManager REST port $REST_PORT" "$DIR/pids/jobmanager.pid" overview >/dev/null || { stop; exit 1; }
  # TaskManagers start only once the JobManager answers; started together they back off for 10 s.
  local i
  for i in $(seq 1 "$TASKMANAGERS"); do
    start_process "taskmanager-$i" "-Xmx640m -XX:MaxDirectMemorySize=320m" \
      org.apache.flink.runtime.taskexecutor.TaskManagerRunner
  done
  wait_for "$TASKMANAGERS TaskManager(s) registering" "$DIR/pids/jobmanager.pid" registered || { stop; exit 1; }
  echo "Flink session cluster up: REST 127.0.0.1:$REST_PORT, $TASKMANAGERS TaskManager(s) x $SLOTS slot(s); state in $DIR"
  echo "Submit with: augmill preprocess ... --runner flink --flink-master 127.0.0.1:$REST_PORT --parallelism $((TASKMANAGERS * SLOTS))"
}

stop() {
  local f pid
  for f in "$DIR"/pids/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  for f in "$DIR"/pids/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    echo "stopped $(basename "$f" .pid) (pid $pid)"
    rm -f "$f"
  done
  rm -rf "${DIR:?}/tmp"
}

status() {
  local f any=1
  for f in "$DIR"/pids/*.pid; do
    [ -e "$f" ] || continue
    any=0
    if alive "$f"; then
      echo "$(basename "$f" .pid): running (pid $(cat "$f"))"
    else
      echo "$(basename "$f" .pid): not running (stale pid $(cat "$f"))"
    fi
  done
  [ $any -eq 0 ] || { echo "no cluster recorded in $DIR"; return 3; }
  if overview; then echo; else echo "REST 127.0.0.1:$REST_PORT not answering"; return 3; fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help) usage ;;
  *) echo "flink-cluster: unknown command '$cmd' (start, stop, status)" >&2; exit 2 ;;
esac
