#!/usr/bin/env bash
# The preview's speed: from saving a school's entry to the new page arriving
# over HTTP, on the example (17 schools) and on N schools (default 1000),
# with the release binary; and the memory of the running preview. Median of
# 5 edits. Targets: under 200 ms for the example, under 1 s at 1,000 schools.
# Usage: bench/serve.sh [N]
#
# The figures go in BENCHMARKS.md; a test would flake on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT

cargo build --release --quiet
helder=$PWD/target/release/helder

# The example's content and N schools, the first of them de-mieden.
site() {
  local dir=$1 count=$2
  mkdir -p "$dir"
  cp -r content "$dir/content"
  {
    cat schools.yaml
    echo
    for ((i = 17; i < count; i++)); do
      echo "  - id: school-$i"
      echo "    name: Basisschool nummer $i"
      echo "    place: Plaats $((i % 350))"
    done
  } >"$dir/schools.yaml"
}

ms() { echo $(($(date +%s%N) / 1000000)); }

measure() {
  local dir=$1 label=$2
  TMPDIR=$work "$helder" serve --root "$dir" --port 0 >"$dir/address" 2>/dev/null &
  local pid=$!
  until [ -s "$dir/address" ]; do sleep 0.05; done
  local url
  url=$(head -1 "$dir/address")de-mieden/
  local times=()
  for k in 1 2 3 4 5; do
    local start
    start=$(ms)
    sed -i "0,/    name: Obs De Mieden.*/s//    name: Obs De Mieden $k/" "$dir/schools.yaml"
    until curl -s "$url" | grep -q "Obs De Mieden $k"; do :; done
    times+=($(($(ms) - start)))
    sleep 0.3
  done
  local rss
  rss=$(grep VmHWM "/proc/$pid/status" | awk '{print $2}')
  kill -INT "$pid"
  wait "$pid" || true
  echo "$label: save to new page $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) ms (median of 5), peak memory $rss KiB"
}

site "$work/example" 17
measure "$work/example" "example (17 schools)"
site "$work/large" "$n"
measure "$work/large" "$n schools"
