#!/usr/bin/env bash
# Measures how fast each role jar becomes ready and how much memory it holds when idle.
#   [ROLES="cts ets"] bench/startup.sh [RUNS]        (default 3 runs of each role)
# Uses a scratch installation per role in $BENCH_DIR (default /tmp/stratum-bench) on this machine's
# PostgreSQL and one Kafka broker started by the stratum command. Prints one line per run:
#   role, wall time from `java -jar` to /q/health/ready = 200, Quarkus' own "started in", RSS and heap after 20 s idle.
# As the stratum command does, a first start of each role records the class-data-sharing archive
# (run "rec", reported but not one of the RUNS); the measured runs use it.
set -euo pipefail
RUNS=${1:-3}
HOME_DIR="$(cd "$(dirname "$0")/.." && pwd)"
STRATUM="$HOME_DIR/deploy/stratum"
BENCH_DIR=${BENCH_DIR:-/tmp/stratum-bench}
# The stratum command's default options (RoleServer.DEFAULT_JAVA_OPTS).
JAVA_OPTS=${STRATUM_JAVA_OPTS:--Xms32m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
KAFKA_PORT=29192

mkdir -p "$BENCH_DIR"
# One installation brings up PostgreSQL and the shared Kafka broker; the measured servers reuse them.
if [ ! -f "$BENCH_DIR/infra/settings.yaml" ]; then
  "$STRATUM" init cts --dir "$BENCH_DIR/infra" --id bench-infra --http-port 29180 --kafka "localhost:$KAFKA_PORT" >/dev/null
fi
"$STRATUM" up --dir "$BENCH_DIR/infra" >/dev/null
kill "$(cat "$BENCH_DIR/infra/run/server.pid")"   # PostgreSQL and Kafka stay; the infra server is not measured

printf '%-4s %-3s %10s %8s %12s %9s %10s\n' role run ready_ms cpu_s started_s rss_mb heap_mb
port=29181
for role in ${ROLES:-cts ets rts}; do
  dir="$BENCH_DIR/$role"
  if [ ! -f "$dir/settings.yaml" ]; then
    "$STRATUM" init "$role" --dir "$dir" --id "bench-$role" --http-port "$port" --trust-port $((port + 100)) --kafka "localhost:$KAFKA_PORT" >/dev/null
    "$STRATUM" up --dir "$dir" >/dev/null && "$STRATUM" down --dir "$dir" >/dev/null   # creates the database, applies migrations
  fi
  http=$(grep '^http_port' "$dir/settings.yaml" | awk '{print $2}')
  app="$HOME_DIR/$role/target/quarkus-app"
  archive="$dir/run/cds/bench.jsa"
  rm -f "$archive"
  for run in rec $(seq 1 "$RUNS"); do
    if [ "$run" = rec ]; then
      cds="-XX:+RecordDynamicDumpInfo -Xlog:cds=error -Dstratum.class-archive=$archive"
    else
      cds="-XX:SharedArchiveFile=$archive -Xlog:cds=error"
    fi
    : > "$dir/bench.log"
    start=$(date +%s%N)
    (cd "$app" && STRATUM_SETTINGS="$dir/settings.yaml" exec java $JAVA_OPTS $cds -jar quarkus-run.jar >"$dir/bench.log" 2>&1) &
    pid=$!
    until curl -sf -o /dev/null "http://localhost:$http/q/health/ready"; do sleep 0.02; done
    ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    # CPU (user + system) the JVM used until ready: less sensitive than wall time to other load on the cores.
    cpu_s=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
    started=$(grep -o 'started in [0-9.]*s' "$dir/bench.log" | grep -o '[0-9.]*' | head -1)
    sleep 20
    rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    heap=$(curl -s -u "prometheus:$(cat "$dir/prometheus.password")" "http://localhost:$http/q/metrics" \
      | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%.1f", s / 1048576}')
    printf '%-4s %-3s %10s %8s %12s %9s %10s\n' "$role" "$run" "$ready_ms" "$cpu_s" "$started" "$((rss_kb / 1024))" "$heap"
    kill "$pid"; wait "$pid" 2>/dev/null || true   # the recording start dumps its archive as it stops
    if [ "$run" = rec ] && [ ! -f "$archive" ]; then echo "no class archive recorded; see $dir/bench.log" >&2; exit 1; fi
  done
  port=$((port + 1))
done
"$STRATUM" down --dir "$BENCH_DIR/infra" >/dev/null
