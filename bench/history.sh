#!/usr/bin/env bash
# History at scale: a site of N schools (default 1000) in a git repository
# with C commits (default 1000) that each change one school's entry in
# schools.yaml, built with the release binary: wall time and peak memory,
# beside the same site's build outside git. Usage: bench/history.sh [N] [C]
#
# The figures go in BENCHMARKS.md; a test would flake on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
c=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
helder=$PWD/target/release/helder
cp -r content "$work/content"
schools() {
  cat schools.yaml
  echo
  for ((i = 17; i < n; i++)); do
    echo "  - id: school-$i"
    echo "    name: Basisschool nummer $i${1:+ ($1)}"
    echo "    place: Plaats $((i % 350))"
  done
}
schools >"$work/schools.yaml"

echo "outside git:"
/usr/bin/time -f "  wall %e s, peak memory %M KiB" "$helder" build --root "$work" 2>&1 | grep -v '^warning' | tail -1
rm -rf "$work/public"

export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
git -C "$work" init -q
git -C "$work" add -A
git -C "$work" commit -q -m "Eerste versie"
for ((k = 1; k < c; k++)); do
  # Commit k renames school (17 + k mod (n - 17)), as a board edits one entry.
  i=$((17 + k % (n - 17)))
  sed -i "s/^    name: Basisschool nummer $i\( (.*)\)\?\$/    name: Basisschool nummer $i (versie $k)/" "$work/schools.yaml"
  git -C "$work" commit -q -am "Versie $k"
done

echo "$c commits:"
/usr/bin/time -f "  wall %e s, peak memory %M KiB" "$helder" build --root "$work" 2>&1 | grep -v '^warning' | tail -1
