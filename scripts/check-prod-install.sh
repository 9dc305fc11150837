#!/usr/bin/env bash
# Proves the production install end to end, on a copy of the committed tree (git archive HEAD):
#   npm ci (dev dependencies) → npm run build → rm node_modules → npm ci --omit=dev
#   → node dist/server/main.js on a fresh DATA_DIR → /ready, a search, the web app → SIGTERM → exit 0.
# Prints the time of each step. CHECK_PROD_PORT (default 4111), KEEP=1 keeps the copy.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${CHECK_PROD_PORT:-4111}
work=$(mktemp -d -t ii-prod-XXXXXX)
pid=
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
  if [ "${KEEP:-}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
step_start=$SECONDS
step() {
  printf '%-34s %4ss\n' "$1" "$((SECONDS - step_start))"
  step_start=$SECONDS
}
log="$work/steps.log"

mkdir -p "$work/app"
git archive HEAD | tar -x -C "$work/app"
cd "$work/app"
step "copy (git archive HEAD)"
npm ci --no-audit --no-fund >>"$log" 2>&1 || { tail -30 "$log"; exit 1; }
step "npm ci (with dev dependencies)"
npm run build >>"$log" 2>&1 || { tail -30 "$log"; exit 1; }
step "npm run build"
rm -rf node_modules
npm ci --omit=dev --no-audit --no-fund >>"$log" 2>&1 || { tail -30 "$log"; exit 1; }
grep -q 'postinstall: dev dependencies absent' "$log" || { echo "postinstall did not skip its builds"; exit 1; }
for dev in tsx vite typescript; do
  [ ! -e "node_modules/$dev" ] || { echo "node_modules/$dev present after --omit=dev"; exit 1; }
done
step "npm ci --omit=dev"
echo "  node_modules: $(du -sh node_modules | cut -f1)"

mkdir -p "$work/data"
DATA_DIR="$work/data" PORT=$port HOST=127.0.0.1 LOG_LEVEL=warn node dist/server/main.js >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/ready" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "server exited:"; tail -30 "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/ready" >/dev/null || { echo "not ready"; tail -30 "$work/server.log"; exit 1; }
step "start:prod on a fresh DATA_DIR → /ready"
curl -sf "http://127.0.0.1:$port/api/v1/search?q=piano%20lessons" | grep -q '"results"' || { echo "search failed"; exit 1; }
curl -sf "http://127.0.0.1:$port/" | grep -qi '<!doctype html' || { echo "web app not served"; exit 1; }
kill -TERM "$pid"
code=0
wait "$pid" || code=$?
pid=
[ "$code" = 0 ] || { echo "exit code $code after SIGTERM"; tail -30 "$work/server.log"; exit 1; }
step "search + web app + SIGTERM → exit 0"
echo "check-prod-install: OK"
