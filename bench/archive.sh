#!/usr/bin/env bash
# The archive at scale: a site of N schools (default 17, the example) in a
# git repository with C commits (default 100), each on a day of its own, as
# a board's history collects them: every commit edits one school's entry,
# every tenth also a retention period in content/. Every day is a version,
# so every version is loaded from git and compared, and each superseded
# version of a statement is a page. Built with the release binary: wall time,
# peak memory and pages, beside the same site with its history on one day
# (no earlier versions) and outside git. Usage: bench/archive.sh [N] [C]
#
# The figures go in BENCHMARKS.md; a test would flake on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-17}
c=${2:-100}
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
  done
} >"$work/schools.yaml"

measure() {
  local label=$1 root=$2
  rm -rf "$root/public" "$root/.public.helder-old" "$root/.public.helder-state"
  /usr/bin/time -f "%e %M" -o "$work/time" "$helder" build --root "$root" >/dev/null 2>"$work/out" || cat "$work/out"
  read -r wall mem <"$work/time"
  pages=$(find "$root/public" -name '*.html' | wc -l)
  echo "$label: wall ${wall} s, peak memory ${mem} KiB, ${pages} pages"
}

measure "outside git" "$work"

export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
commits() {
  local root=$1 spread=$2
  git -C "$root" init -q
  git -C "$root" add -A
  GIT_AUTHOR_DATE="2020-01-01T12:00:00Z" GIT_COMMITTER_DATE="2020-01-01T12:00:00Z" \
    git -C "$root" commit -q -m "Eerste versie"
  local ids
  mapfile -t ids < <(grep -o '^  - id: .*' "$root/schools.yaml" | cut -d' ' -f5)
  for ((k = 1; k < c; k++)); do
    local id=${ids[$((k % ${#ids[@]}))]}
    # The line after the school's id is its name: mark it with the version.
    sed -i "/^  - id: $id\$/{n;s/\( (versie [0-9]*)\)\?\$/ (versie $k)/}" "$root/schools.yaml"
    if ((k % 10 == 0)); then
      sed -i "0,/period: [0-9]* maanden/s//period: $((k / 10 + 1)) maanden/" "$root/content/retention.yaml"
    fi
    local day
    if [[ $spread == days ]]; then day=$(date -u -d "2020-01-01 + $k days" +%F); else day=2020-01-01; fi
    GIT_AUTHOR_DATE="${day}T12:00:00Z" GIT_COMMITTER_DATE="${day}T12:00:00Z" \
      git -C "$root" commit -q -am "Versie $k"
  done
}

same_day=$(mktemp -d)
trap 'rm -rf "$work" "$same_day"' EXIT
cp -r "$work/content" "$work/schools.yaml" "$same_day/"
commits "$same_day" one-day
measure "$c commits on one day (one version)" "$same_day"

commits "$work" days
measure "$c commits on $c days ($c versions)" "$work"
