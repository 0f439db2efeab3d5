#!/usr/bin/env bash
# The federation benchmark: messages between servers of the local demo federation (`stratum demo`),
# measured by the load generator (bench/ module, FederationBench) over the client protocol.
#   bench/federation.sh [--pairs P] [--rate R[,R2,...]] [--reverse-rate R] [--seconds S] [--burst N]
# Three paths, each with P personal chats between users of two servers (default 20):
#   cts-a → cts-c   over their direct partner trust
#   cts-a → cts-b   through the ets (one relay)
#   cts-b → cts-c   through the ets and the rts (two relays)
# For each: the home's users send at each rate (default 50,200 msg/s) for S s (default 10), the remote
# users send back at --reverse-rate (default 50), then a burst of N (default 5000) from the home.
# Starts the demo in $BENCH_DEMO_DIR (default .demo of this checkout) if it is not running, and leaves
# it running. docs/performance.md ("Across servers") describes the method and the results.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$0")/.." && pwd)"
STRATUM="$HOME_DIR/deploy/stratum"
DEMO_DIR=${BENCH_DEMO_DIR:-$HOME_DIR/.demo}
MVN=${MVN:-mvn}
BENCH_JAR="$HOME_DIR/bench/target/stratum-bench.jar"

if [ ! -f "$HOME_DIR/cts/target/quarkus-app/quarkus-run.jar" ] || [ ! -f "$HOME_DIR/deploy/target/stratum-cli.jar" ]; then
  echo "building Stratum (first run only) ..." >&2
  (cd "$HOME_DIR" && $MVN -B -q -DskipTests package) >&2
fi
if [ ! -f "$BENCH_JAR" ]; then
  (cd "$HOME_DIR" && $MVN -B -q -DskipTests package -pl bench -am) >&2
fi
"$STRATUM" demo --dir "$DEMO_DIR" >/dev/null

setting() { awk -v key="$2:" '$1 == key {print $2}' "$DEMO_DIR/$1/settings.yaml" | tr -d "'"; }
run_path() {
  local home=$1 remote=$2 label=$3; shift 3
  java -Xmx1g -cp "$BENCH_JAR" io.stratum.bench.FederationBench \
    --label "$label" \
    --home-url "http://localhost:$(setting "$home" http_port)" --remote-url "http://localhost:$(setting "$remote" http_port)" \
    --remote-id "$remote" \
    --home-jdbc "jdbc:postgresql://$(setting "$home" postgres_host)/$(setting "$home" postgres_db)" \
    --home-db-user "$(setting "$home" postgres_user)" --home-db-password "$(setting "$home" postgres_password)" \
    --remote-jdbc "jdbc:postgresql://$(setting "$remote" postgres_host)/$(setting "$remote" postgres_db)" \
    --remote-db-user "$(setting "$remote" postgres_user)" --remote-db-password "$(setting "$remote" postgres_password)" \
    "$@"
}
status=0
run_path cts-a cts-c "cts-a → cts-c (direct partner trust)" "$@" || status=1
[ -n "${ONLY_DIRECT:-}" ] || run_path cts-a cts-b "cts-a → cts-b (through the ets)" "$@" || status=1
[ -n "${ONLY_DIRECT:-}" ] || run_path cts-b cts-c "cts-b → cts-c (through the ets and the rts)" "$@" || status=1
exit $status
