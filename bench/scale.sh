#!/usr/bin/env bash
# National scale: builds the example model with N schools (default 9000, about
# every school in the Netherlands) and reports wall time, peak memory and the
# size of the output; then rebuilds it with nothing changed, and with one
# school's entry changed. Usage: bench/scale.sh [N]
#
# The figures go in BENCHMARKS.md; a test would flake on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-9000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
cp -r content "$work/content"
systems=("parnassys, cito-lovs, basispoort" "esis, cito-lovs" "leerwinst, basispoort")
# The example's 17 schools (the cookies name some of them), then generated ones.
{
  cat schools.yaml
  echo
  for ((i = 17; i < n; i++)); do
    echo "  - id: school-$i"
    echo "    name: Basisschool nummer $i"
    echo "    place: Plaats $((i % 350))"
    echo "    website: https://school-$i.example.nl"
    echo "    systems: [${systems[$((i % 3))]}]"
    if ((i % 3 == 0)); then echo "    practices: [klassenlijst]"; fi
  done
} >"$work/schools.yaml"

build() {
  /usr/bin/time -f "  wall %e s, peak memory %M KiB" ./target/release/helder build --root "$work" 2>&1 |
    grep -v '^warning' | tail -2
}
echo "full build:"
build
echo "output: $(du -sh "$work/public" | cut -f1) in $(find "$work/public" -type f | wc -l) files"
echo "rebuild, nothing changed:"
build
echo "rebuild, one school's place changed:"
sed -i '0,/    place: Meeden/s//    place: Meeden (Gr)/' "$work/schools.yaml"
build
