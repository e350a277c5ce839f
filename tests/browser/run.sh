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

echo "== the example site with a short history, built by the release binary"
cargo build --quiet --release
# Two versions and an adoption, so that an earlier version of every
# statement, the "what changed" list and an archived regulation are audited
# too.
mkdir "$work/site"
cp -r schools.yaml content "$work/site/"
site_git() {
  GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Communicatie \
    GIT_AUTHOR_EMAIL=communicatie@bestuur.example GIT_COMMITTER_NAME=Communicatie \
    GIT_COMMITTER_EMAIL=communicatie@bestuur.example GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" \
    git -C "$work/site" "${@:2}"
}
site_git 2026-01-12T10:00:00Z init -q
site_git 2026-01-12T10:00:00Z add -A
site_git 2026-01-12T10:00:00Z commit -q -m "Eerste versie"
site_git 2026-01-12T10:00:00Z tag -a reglement-1.0 -m "Reglement 1.0

Vastgesteld-door: College van Bestuur
Functie: Bestuurder
Instemming: oudergeleding van de GMR"
sed -i '/id: verwijzing-speciaal-onderwijs/{n;s/3 jaar/5 jaar/}' "$work/site/content/retention.yaml"
site_git 2026-03-02T10:00:00Z commit -q -am "Bewaartermijn verlengd"
target/release/helder build --root "$work/site" --output-dir "$work/public"
test -f "$work/public/de-mieden/versies/2026-01-12/index.html"
test -f "$work/public/reglement/1.0/index.html"

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
