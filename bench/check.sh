#!/usr/bin/env bash
# `helder check` on the example (17 schools) and on N schools (default
# 10000), with the release binary: wall time as the median of 5 runs, and
# peak memory. Targets: under 100 ms on the example, under 1 s on 10,000
# schools. Usage: bench/check.sh [N]
#
# The figures go in BENCHMARKS.md; a test would flake on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
helder=$PWD/target/release/helder
cp -r content "$work/content"
{
  cat schools.yaml
  echo
  for ((i = 17; i < n; i++)); do
    echo "  - id: school-$i"
    echo "    name: Basisschool nummer $i"
    echo "    place: Plaats $((i % 350))"
    echo "    website: https://school-$i.example.nl"
    echo "    email: info@school-$i.example.nl"
    echo "    phone: 0599-$((100000 + i))"
    echo "    systems: [parnassys, cito-lovs, basispoort]"
  done
} >"$work/schools.yaml"

median() {
  local root=$1 times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$helder" check --root "$root" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

echo "example (17 schools): $(median .) ms"
echo "$n schools: $(median "$work") ms"
/usr/bin/time -f "$n schools: peak memory %M KiB" "$helder" check --root "$work" 2>&1 >/dev/null | tail -1
