#!/usr/bin/env bash
# Builds the example site with the release binary, serves it on 127.0.0.1
# with the suite's own static server, and runs the browser audit over it
# (audit.mjs says what it checks). Exits non-zero when the audit fails.
# Screenshots, PDFs and report.json go to tests/browser/output/.
# Needs setup.sh to have run once.
set -euo pipefail
suite="$(cd "$(dirname "$0")" && pwd)"
cd "$suite/../.."

work="$(mktemp -d)"
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== the example site, built by the release binary"
cargo build --quiet --release
target/release/helder build --output-dir "$work/public"

# The server prints its address as its first line; read it through a FIFO so
# that the server goes on running in the background afterwards.
mkfifo "$work/address"
node "$suite/serve.mjs" "$work/public" >"$work/address" &
server_pid=$!
read -r base <"$work/address"
echo "== serving at $base"

rm -rf "$suite/output"
echo "== audit"
node "$suite/audit.mjs" --base "$base" --site "$work/public" --out "$suite/output"
