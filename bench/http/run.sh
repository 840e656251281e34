#!/usr/bin/env bash
# HTTP load on PostgreSQL: the release `atrium serve` on a dedicated database with
# one organization of 50,000 contacts among 500,000, driven by wrk at 64
# connections; the page query alone replayed by pgbench is the floor.
#
#   make bench-http                       # builds the release binary, then runs this
#   ATRIUM_BIN=/path/to/atrium bench/http/run.sh
#
# Settings (environment): PG_URL (server, default the local one), BENCH_DB
# (dropped and recreated), PORT, DURATION (seconds per wrk/pgbench run), CONNS,
# PACED_BIN (the open-loop generator, default `http-paced` beside the server).
# Loopback only; every run is bounded by DURATION.
#
# The latency at half the peak rate comes from `http-paced` (bench/src/bin/paced.rs):
# wrk cannot hold a rate, and a closed loop hides the queue a slow server causes;
# http-paced sends on a fixed schedule and counts latency from each request's due time.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${ATRIUM_BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/atrium-target}/release/atrium}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
BENCH_DB=${BENCH_DB:-atrium_bench_http}
PORT=${PORT:-18080}
DURATION=${DURATION:-15}
CONNS=${CONNS:-64}
PACED_BIN=${PACED_BIN:-$(dirname "$BIN")/http-paced}
BASE=http://127.0.0.1:$PORT
DB_URL=$PG_URL/$BENCH_DB
TICKS=$(getconf CLK_TCK)
OUT=$(mktemp -d)

for tool in wrk pgbench psql jq curl; do
  command -v $tool >/dev/null || { echo "bench-http needs $tool" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "no atrium binary at $BIN (cargo build --release --bin atrium)" >&2; exit 1; }
[ -x "$PACED_BIN" ] || { echo "no http-paced at $PACED_BIN (cargo build --release --bin http-paced)" >&2; exit 1; }

SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$OUT"
}
trap cleanup EXIT

echo "== $(date -u +%FT%TZ), load: $(uptime | sed 's/.*load average/load average/'), $(nproc) cores"
echo "== database $BENCH_DB on $PG_URL"
psql "$PG_URL/postgres" -qX -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
DATABASE_URL=$DB_URL "$BIN" migrate up >/dev/null

echo "== serve ($BIN)"
# One principal sends every request: its read and write budgets would answer most of them
# 429 at these rates, so those two classes are off.
# QUERY_CACHE is the shipped default (on) unless the caller sets it.
DATABASE_URL=$DB_URL BIND_ADDR=127.0.0.1:$PORT ATRIUM_SECRET=bench-http-secret-bench-http-secret-0123456789 \
  RATE_LIMIT_READ=${RATE_LIMIT_READ:-off} RATE_LIMIT_WRITE=${RATE_LIMIT_WRITE:-off} \
  COOKIE_SECURE=false RUST_LOG=${RUST_LOG:-warn} "$BIN" serve >"$OUT/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "$BASE/health/live" >/dev/null && break; sleep 0.1; done
curl -fs "$BASE/health/live" >/dev/null || { cat "$OUT/server.log"; exit 1; }

SIGNUP=$(curl -fs -H 'content-type: application/json' \
  -d '{"email":"bench@bench.example","password":"correct horse battery","name":"Bench"}' "$BASE/api/v1/auth/signup")
TOKEN=$(jq -r .token <<<"$SIGNUP")
ORG=$(jq -r .organization.id <<<"$SIGNUP")
AUTH="Authorization: Bearer $TOKEN"

echo "== seed (500,000 contacts, 50,000 in $ORG)"
time psql "$DB_URL" -qX -v org="$ORG" -f "$HERE/seed.sql"
psql "$DB_URL" -tAX -c "SELECT count(*) FILTER (WHERE organization_id = '$ORG'), count(*) FROM contacts"

# The cursor after 25,000 rows, walked through the API (the cursor is signed).
CURSOR=
for _ in $(seq 1 125); do
  CURSOR=$(curl -fs -H "$AUTH" "$BASE/api/v1/contacts?limit=200${CURSOR:+&cursor=$CURSOR}" | jq -r .next_cursor)
done
DEEP_AFTER=$(psql "$DB_URL" -tAX -c "SELECT id FROM contacts WHERE organization_id = '$ORG' AND merged_into_id IS NULL ORDER BY id LIMIT 1 OFFSET 24999")

pid_cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
pid_rss() { awk '/VmRSS/ {print $2}' "/proc/$SERVER/status"; }
pid_hwm() { awk '/VmHWM/ {print $2}' "/proc/$SERVER/status"; }

sleep 2
RSS_IDLE=$(pid_rss)
echo "idle RSS: $((RSS_IDLE / 1024)) MiB ($(awk '/RssAnon|RssFile/ {printf "%s %d MiB  ", $1, $2 / 1024}' "/proc/$SERVER/status"))"

# run NAME wrk-args...: one wrk run with server CPU per request.
run() {
  local name=$1; shift
  local before after reqs
  before=$(pid_cpu)
  wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -H "$AUTH" "$@" >"$OUT/$name.txt"
  after=$(pid_cpu)
  reqs=$(awk '/requests in/ {print $1}' "$OUT/$name.txt")
  local rps p50 p99 errs rss
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
  errs=$(awk '/Non-2xx/ {print $NF}' "$OUT/$name.txt")
  rss=$(pid_rss)
  local cpu_ms
  cpu_ms=$(awk -v a="$after" -v b="$before" -v t="$TICKS" -v n="$reqs" 'BEGIN {printf "%.3f", (a - b) * 1000 / t / n}')
  printf '| %s | %s | %s | %s | %s | %s ms | %s MiB | %s |\n' \
    "$name" "$CONNS" "$rps" "$p50" "$p99" "$cpu_ms" "$((rss / 1024))" "${errs:-0}" | tee -a "$OUT/table.md"
  RPS=$rps
  CPU_MS=$cpu_ms
}

echo
echo "| run | conns | requests/s | p50 | p99 | server CPU / request | RSS after | non-2xx |"
echo "|---|---|---|---|---|---|---|---|"
run list-first "$BASE/api/v1/contacts?limit=50"
FIRST_RPS=$RPS
FIRST_CPU=$CPU_MS
run list-deep "$BASE/api/v1/contacts?limit=50&cursor=$CURSOR"
HALF=$(awk -v r="$FIRST_RPS" 'BEGIN {printf "%d", r / 2}')
before=$(pid_cpu)
"$PACED_BIN" --rate "$HALF" --duration "$DURATION" --conns "$CONNS" -H "$AUTH" "$BASE/api/v1/contacts?limit=50" >"$OUT/paced.txt"
after=$(pid_cpu)
field() { tr ' ' '\n' <"$OUT/paced.txt" | awk -F= -v k="$1" '$1 == k {print $2}'; }
PACED_P99=$(field p99_ms)
paced_cpu=$(awk -v a="$after" -v b="$before" -v t="$TICKS" -v n="$(field requests)" 'BEGIN {printf "%.3f", (a - b) * 1000 / t / n}')
printf '| list-first, open loop at %s req/s (http-paced) | %s | %s | %sms | %sms | %s ms | %s MiB | %s |\n' \
  "$HALF" "$CONNS" "$(field rate)" "$(field p50_ms)" "$PACED_P99" "$paced_cpu" "$(($(pid_rss) / 1024))" "$(field failures)"
run create -s "$HERE/post.lua" "$BASE/api/v1/contacts"
echo "peak RSS (VmHWM): $(( $(pid_hwm) / 1024 )) MiB"

# The server's pool holds connections PostgreSQL needs for pgbench's clients.
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=

# The floor: the list's essential statement alone (the page query as the server
# sends it), prepared, on the same database.
echo
echo "== pgbench floor (the page query alone)"
cat >"$OUT/first.sql" <<SQL
SELECT "contacts"."id", "contacts"."organization_id", "contacts"."client_company_id", "contacts"."first_name", "contacts"."last_name", "contacts"."email", "contacts"."email_normalized", "contacts"."phone", "contacts"."phone_normalized", "contacts"."title", "contacts"."merged_into_id", "contacts"."version", "contacts"."created_at", "contacts"."updated_at" FROM "contacts" WHERE "contacts"."organization_id" = '$ORG' AND "contacts"."merged_into_id" IS NULL ORDER BY "contacts"."id" ASC LIMIT 51;
SQL
sed "s/IS NULL ORDER/IS NULL AND \"contacts\".\"id\" > '$DEEP_AFTER' ORDER/" "$OUT/first.sql" >"$OUT/deep.sql"
for c in 10 "$CONNS"; do
  for q in first deep; do
    tps=$(pgbench -n -M prepared -c "$c" -j 2 -T "$DURATION" -f "$OUT/$q.sql" "$DB_URL" 2>"$OUT/pgbench.err" |
      awk '/^tps/ {printf "%.0f", $3}') || true
    [ -n "$tps" ] || { tps="failed: $(grep -m1 -i error "$OUT/pgbench.err" || tail -1 "$OUT/pgbench.err")"; }
    echo "| pgbench $q page | $c clients | $tps tps |"
    if [ "$c" = "$CONNS" ] && [ "$q" = first ]; then FLOOR=$tps; fi
  done
done

# The issue's goals, each with its figure.
verdict() { if awk "BEGIN {exit !($1)}"; then echo met; else echo MISSED; fi; }
echo
echo "== goals (machine load now: $(cut -d' ' -f1-3 /proc/loadavg))"
if [[ "${FLOOR:-}" =~ ^[0-9]+$ ]]; then
  echo "list throughput ≥ 50 % of the pgbench floor: $FIRST_RPS req/s of $FLOOR tps ($(awk -v a="$FIRST_RPS" -v b="$FLOOR" 'BEGIN {printf "%.0f", 100 * a / b}') %) — $(verdict "$FIRST_RPS >= 0.5 * $FLOOR")"
else
  echo "list throughput ≥ 50 % of the pgbench floor: $FIRST_RPS req/s; floor not measured (pgbench at $CONNS clients failed, see above)"
fi
echo "server CPU ≤ 0.2 ms per list request: $FIRST_CPU ms — $(verdict "$FIRST_CPU <= 0.2")"
echo "p99 < 20 ms at half the peak rate ($HALF req/s, open loop): $PACED_P99 ms — $(verdict "$PACED_P99 < 20")"
echo "idle RSS < 60 MB: $((RSS_IDLE / 1000)) MB ($((RSS_IDLE / 1024)) MiB) — $(verdict "$RSS_IDLE < 60 * 1000")"
