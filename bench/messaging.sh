#!/usr/bin/env bash
# The messaging benchmark: one CTS from the packaged jar, this machine's PostgreSQL, one Kafka broker,
# and the load generator (bench/ module, a separate JVM) speaking the client protocol to it.
#   bench/messaging.sh [--connections N] [--rate R[,R2,...]] [--seconds S] [--warmup W] [--group G]
#                      [--reconnect K] [--pairs P] [--group-messages M] [--heap SIZE]
# Defaults: 2000 connections; 1:1 messages at 500 msg/s for 20 s (each rate of a list in turn, after
# W = 10 s of unmeasured warm-up at the first rate) over min(N/2, 1000) personal chats; 5 messages to a
# group of min(N, 1000); all N reconnecting; server heap -Xmx384m as the stratum command sets.
# The generator JVM gets -Xmx3g (BENCH_CLIENT_HEAP): java.net.http needs ~60 KB per client WebSocket.
# Builds what is missing, runs the scenarios, prints a table, and tears everything down.
# docs/performance.md ("Messaging") describes the method and the results.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$0")/.." && pwd)"
STRATUM="$HOME_DIR/deploy/stratum"
BENCH_DIR=${BENCH_DIR:-/tmp/stratum-bench-messaging}
HTTP_PORT=${BENCH_HTTP_PORT:-29280}
KAFKA_PORT=${BENCH_KAFKA_PORT:-29392}
MVN=${MVN:-mvn}
HEAP=384m
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --heap) HEAP=$2; shift 2 ;;
    --connections|--rate|--seconds|--warmup|--group|--reconnect|--pairs|--group-messages) ARGS+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# The stratum command's options (RoleServer.DEFAULT_JAVA_OPTS) with the chosen heap.
JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms32m -Xmx$HEAP -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"}   # BENCH_JAVA_OPTS replaces them (for A/B runs)
BENCH_JAR="$HOME_DIR/bench/target/stratum-bench.jar"
APP="$HOME_DIR/cts/target/quarkus-app"

if [ ! -f "$APP/quarkus-run.jar" ] || [ ! -f "$HOME_DIR/deploy/target/stratum-cli.jar" ]; then
  echo "building Stratum (first run only) ..." >&2
  (cd "$HOME_DIR" && $MVN -B -q -DskipTests package) >&2
fi
if [ ! -f "$BENCH_JAR" ]; then
  (cd "$HOME_DIR" && $MVN -B -q -DskipTests package -pl bench -am) >&2
fi

server_pid=""
teardown() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -f "$BENCH_DIR/settings.yaml" ] && "$STRATUM" down --dir "$BENCH_DIR" >/dev/null 2>&1 || true
  [ -n "${DB:-}" ] && runuser -u postgres -- psql -X -q -c "DROP DATABASE IF EXISTS $DB" -c "DROP ROLE IF EXISTS $DB" >/dev/null 2>&1 || true
  [ -f "$BENCH_DIR/server.log" ] && cp "$BENCH_DIR/server.log" "${BENCH_DIR}-server.log" || true
  rm -rf "$BENCH_DIR"
}
trap teardown EXIT

rm -rf "$BENCH_DIR"
"$STRATUM" init cts --dir "$BENCH_DIR" --id bench-msg --http-port "$HTTP_PORT" --trust-port $((HTTP_PORT + 100)) \
  --kafka "localhost:$KAFKA_PORT" >/dev/null
DB=$(awk '/^postgres_db:/ {print $2}' "$BENCH_DIR/settings.yaml")
runuser -u postgres -- psql -X -q -c "DROP DATABASE IF EXISTS $DB" -c "DROP ROLE IF EXISTS $DB" >/dev/null 2>&1 || true
# `stratum up` creates the database, applies the migrations and starts Kafka (PostgreSQL too if it is down);
# its server is then replaced by one started here with the bench's JVM options.
"$STRATUM" up --dir "$BENCH_DIR" >/dev/null
kill "$(cat "$BENCH_DIR/run/server.pid")"
sleep 2

# One generator process on 127.0.0.1 holds all connections, so the per-IP connection limit (1000) is
# lifted; the per-connection send limit stays at its default (50/s).
(cd "$APP" && STRATUM_SETTINGS="$BENCH_DIR/settings.yaml" exec java $JAVA_OPTS \
  -Dstratum.live.connections-per-ip=1000000 -jar quarkus-run.jar >"$BENCH_DIR/server.log" 2>&1) &
server_pid=$!
until curl -sf -o /dev/null "http://localhost:$HTTP_PORT/q/health/ready"; do
  kill -0 "$server_pid" 2>/dev/null || { echo "the server did not start; see $BENCH_DIR/server.log" >&2; tail -20 "$BENCH_DIR/server.log" >&2; exit 1; }
  sleep 0.2
done
echo "server pid $server_pid ready (JVM: $JAVA_OPTS); load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

PGPORT=$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')
status=0
java -Xmx${BENCH_CLIENT_HEAP:-3g} -XX:+UseParallelGC -jar "$BENCH_JAR" --base "http://localhost:$HTTP_PORT" \
  --jdbc "jdbc:postgresql://localhost:$PGPORT/$DB" --db-user "$DB" \
  --db-password "$(awk '/^postgres_password:/ {print $2}' "$BENCH_DIR/settings.yaml")" \
  --server-pid "$server_pid" --kafka-pid "$(cat "$BENCH_DIR/run/kafka.pid" 2>/dev/null || echo 0)" "${ARGS[@]}" || status=$?
echo "server log: $(grep -c ' ERROR ' "$BENCH_DIR/server.log" || true) ERROR lines (kept in ${BENCH_DIR}-server.log)"
exit $status
