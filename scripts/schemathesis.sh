#!/usr/bin/env bash
# A bounded schemathesis run (every check) against `cairn serve` on a free loopback port, over a
# throw-away workspace (seeded, with one replay so the analytics have a run). Exits non-zero
# when schemathesis reports a failure or the server does not start.
#
#   scripts/schemathesis.sh                      # .build/debug/cairn, 60 s, 20 examples per operation
#   CAIRN=.build/release/cairn ST_MAX_TIME=600 ST_EXAMPLES=200 scripts/schemathesis.sh
#
# Installs schemathesis 4 with pip when it is missing (on a Debian-managed Python, pip needs
# --break-system-packages; it is tried only when the plain install is refused).
set -euo pipefail
cd "$(dirname "$0")/.."

cairn=${CAIRN:-.build/debug/cairn}
max_time=${ST_MAX_TIME:-60}
examples=${ST_EXAMPLES:-20}
seed=${ST_SEED:-$RANDOM}

if ! python3 -m schemathesis.cli --version >/dev/null 2>&1; then
    echo "schemathesis: installing it with pip"
    if ! python3 -m pip --version >/dev/null 2>&1; then
        if command -v apt-get >/dev/null 2>&1; then
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq && apt-get install -y -qq python3-pip >/dev/null
        else
            echo "schemathesis: python3 has no pip; install pip, then schemathesis" >&2
            exit 1
        fi
    fi
    python3 -m pip install --quiet 'schemathesis>=4,<5' 2>/dev/null ||
        python3 -m pip install --quiet --break-system-packages 'schemathesis>=4,<5'
fi
cairn=$(realpath "$cairn" 2>/dev/null || echo "$cairn")
[ -x "$cairn" ] || { echo "schemathesis: no $cairn; build it first (swift build)" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

db="$work/cairn.db"
"$cairn" replay welcome-series --cohort sample --db "$db" >/dev/null
"$cairn" serve --host 127.0.0.1 --port 0 --db "$db" >"$work/serve.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 100); do
    url=$(sed -n 's/^cairn serve: listening on \(http:[^ ]*\).*/\1/p' "$work/serve.log")
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "schemathesis: cairn serve did not start:" >&2
    cat "$work/serve.log" >&2
    exit 1
fi
echo "schemathesis: $url, at most ${max_time}s and $examples examples per operation, seed $seed"

status=0
config="$PWD/scripts/schemathesis.toml"
# From the temporary folder: schemathesis keeps what it found in ./.schemathesis. The server
# allows bursts of 120 requests, then 20 a second: keep under it, so what is tested is the
# API, not the rate limit.
(cd "$work" && python3 -m schemathesis.cli --config-file "$config" run "$url/api/openapi.yaml" \
    --checks all --max-examples "$examples" --max-time "$max_time" --seed "$seed" \
    --rate-limit 18/s --workers 1 --request-timeout 20 --generation-database none --no-color) || status=$?
if ! kill -0 "$server" 2>/dev/null; then
    echo "schemathesis: cairn serve died during the run:" >&2
    cat "$work/serve.log" >&2
    status=1
fi
exit "$status"
