#!/usr/bin/env bash
# The deploy topology of compose.yaml without containers: a freshly created local PostgreSQL
# database and one Redis database, migrated and seeded once, then two ROLE=api processes and one
# ROLE=worker running the production build (node dist/server/main.js), the core acceptance checks
# against each API instance in turn, and a graceful stop (SIGTERM, each must exit 0).
#   scripts/topology.sh [redis-db-number]          (default 1)
# Env: TOPO_DB (ii_deploy_topo), TOPO_PORTS ("4101 4111"), CHECKS_DIR (../shared/checks),
#      PGHOST/PGUSER for createdb (127.0.0.1/postgres), DATABASE_USER (root). Exit status: failures.
set -uo pipefail
cd "$(dirname "$0")/.."
redis_db=${1:-1}
db=${TOPO_DB:-ii_deploy_topo}
ports=(${TOPO_PORTS:-4101 4111})
checks_dir=${CHECKS_DIR:-../shared/checks}
pg_host=${PGHOST:-127.0.0.1}
pg_admin=${PGUSER:-postgres}
core="ready catalog auth-rbac seed journey nls-spec bruteforce"
work=$(mktemp -d -t ii-topology-XXXXXX)
pids=()
names=()
failed=0

say() { printf '[topology %4ss] %s\n' "$SECONDS" "$*"; }
stop_all() {
  for i in "${!pids[@]}"; do kill -TERM "${pids[$i]}" 2>/dev/null; done
  for i in "${!pids[@]}"; do
    code=0
    wait "${pids[$i]}" || code=$?
    if [ "$code" = 0 ]; then say "stopped ${names[$i]}: exit 0"; else
      say "FAIL ${names[$i]} exited $code after SIGTERM (log: $work/${names[$i]}.log)"; failed=$((failed + 1))
    fi
  done
  pids=()
}
trap 'stop_all; exit 130' INT TERM

[ -f "$checks_dir/run.sh" ] || { say "no $checks_dir/run.sh (set CHECKS_DIR)"; exit 1; }
if [ ! -f dist/server/main.js ] || [ ! -f dist/web/index.html ]; then
  say "building (npm run build)"
  npm run build >"$work/build.log" 2>&1 || { say "build failed: $work/build.log"; exit 1; }
fi

say "fresh database $db and Redis db $redis_db"
dropdb -h "$pg_host" -U "$pg_admin" --if-exists --force "$db" || exit 1
createdb -h "$pg_host" -U "$pg_admin" -O "${DATABASE_USER:-root}" "$db" || exit 1
redis-cli -h 127.0.0.1 -n "$redis_db" FLUSHDB >/dev/null || exit 1

# Like compose.yaml: staging tier (secrets and PUBLIC_URL required), behind a proxy, the limits of
# the acceptance checks' header raised.
export DATABASE_URL="postgres://${DATABASE_USER:-root}@127.0.0.1:5432/$db"
export REDIS_URL="redis://127.0.0.1:6379/$redis_db"
export DB_TIER=staging PUBLIC_URL="http://127.0.0.1:${ports[0]}" TRUST_PROXY=true HOST=127.0.0.1
export SESSION_SECRET=topology-session-secret-0123456789 IP_HASH_SALT=topology-salt DATA_DIR="$work/data"
export RATE_LIMIT_PER_MIN=0 LOGIN_MAX_FAILURES_PER_IP=100000 SIGNUP_PER_IP_PER_HOUR=100000 SEED_DEMO=false
export LOG_LEVEL=info SMTP_URL=

say "migrate and seed once (npm run seed)"
npm run seed -- --yes >"$work/seed.log" 2>&1 || { say "seed failed: $work/seed.log"; tail -5 "$work/seed.log"; exit 1; }

start() { # name role port
  ROLE=$2 PORT=$3 node dist/server/main.js >"$work/$1.log" 2>&1 &
  pids+=($!)
  names+=("$1")
}
start worker worker 0
for i in "${!ports[@]}"; do start "api-$((i + 1))" api "${ports[$i]}"; done

wait_for() { # name test-command...
  local name=$1
  shift
  for _ in $(seq 1 480); do
    "$@" && return 0
    sleep 0.5
  done
  say "FAIL $name never became ready (log: $work/$name.log)"
  tail -5 "$work/$name.log"
  return 1
}
ok=1
wait_for worker grep -q '"worker consuming jobs"' "$work/worker.log" || ok=0
for i in "${!ports[@]}"; do
  wait_for "api-$((i + 1))" curl -sf -o /dev/null "http://127.0.0.1:${ports[$i]}/ready" || ok=0
done
if [ "$ok" = 1 ]; then
  say "up: worker, ${#ports[@]} API instances (ports ${ports[*]})"
  for i in "${!ports[@]}"; do
    url="http://127.0.0.1:${ports[$i]}"
    say "core checks against api-$((i + 1)) ($url)"
    out=$(bash "$checks_dir/run.sh" "$url" $core)
    code=$?
    echo "$out" | sed "s/^/  api-$((i + 1)) /"
    failed=$((failed + code))
  done
else
  failed=$((failed + 1))
fi

say "graceful stop (SIGTERM)"
stop_all
if [ "$failed" = 0 ]; then
  say "PASS: ${#ports[@]} API instances and a worker on one PostgreSQL and Redis"
  rm -rf "$work"
else
  say "FAIL: $failed failure(s); logs in $work"
fi
exit "$failed"
