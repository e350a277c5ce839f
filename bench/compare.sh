#!/usr/bin/env bash
# helder beside its peer and its floor, in one run (issue 15): for every
# size N (default 17, 1000 and 10000 schools) a synthetic board from
# examples/synth.rs, then, RUNS times (default 5), one after the other so
# that a busy moment hits all of them alike:
#
#   - `helder build` from nothing (no output folder, no site before it);
#   - `helder build` again with nothing changed (every page kept), twice:
#     the first finds no site before the last build beside the output
#     folder and makes every folder anew, the next starts from that site
#     (as every rebuild after it does, in CI with a kept output folder and
#     in the preview);
#   - Hugo (`hugo --minify`, Debian's package) on a generated Hugo site with
#     as many HTML pages as helder writes, of about the same size (Markdown
#     pages with headings, paragraphs, lists and a table; a minimal layout
#     whose home page lists every page, as helder's index lists every
#     school);
#   - a plain `cp -r` of helder's output, the floor for writing that many
#     files;
#   - `helder check`.
#
# Wall time is the median of the runs, measured around the process; peak
# memory (maximum resident set size, from /usr/bin/time) the median too.
# It prints a Markdown table for BENCHMARKS.md, and the machine's load at
# the start and the end: figures taken at a load above the number of cores
# are noise, say so beside them.
#
# Usage: bench/compare.sh [N ...]        (RUNS=3 bench/compare.sh 10000)
# Installs Hugo with apt-get when it is missing (as root). Needs about 1 GB
# of disk per 10,000 schools in $TMPDIR.
#
# A test would flake on a busy machine, so the figures go in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
sizes=("$@")
if ((${#sizes[@]} == 0)); then sizes=(17 1000 10000); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v hugo >/dev/null; then
  apt-get install -y -qq hugo >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
fi
cargo build --release --quiet --bin helder --example synth
helder=$PWD/target/release/helder
synth=$PWD/target/release/examples/synth

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, $(uname -sr); $(hugo version | cut -d' ' -f1-2)"
echo "helder: $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $runs runs per figure"
echo "load at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

# timed LABEL COMMAND...: runs the command, appends "ms KiB" to $work/t-LABEL.
timed() {
  local label=$1
  shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/mem" "$@" >/dev/null 2>"$work/err" || {
    cat "$work/err" >&2
    exit 1
  }
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) $(tail -1 "$work/mem")" >>"$work/t-$label"
}

# median LABEL COLUMN: the median of a column of $work/t-LABEL.
median() {
  local values
  mapfile -t values < <(cut -d' ' -f"$2" "$work/t-$1" | sort -n)
  echo "${values[$((${#values[@]} / 2))]}"
}

seconds() { awk -v ms="$1" 'BEGIN { s = ms / 1000; printf(s < 1 ? "%.3f s" : "%.2f s", s) }'; }
mib() { awk -v k="$1" 'BEGIN { printf("%.0f MiB", k / 1024) }'; }
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf("%.2f", a / b) }'; }

# hugo_site DIR PAGES BYTES: a Hugo site of PAGES HTML pages (the home page,
# one section page and PAGES - 2 content pages) of about BYTES each once
# minified.
hugo_site() {
  local dir=$1 pages=$2 bytes=$3
  mkdir -p "$dir/content/p" "$dir/layouts/_default" "$dir/static"
  cat >"$dir/hugo.toml" <<'EOF'
baseURL = "https://example.invalid/"
languageCode = "nl"
title = "Privacy"
disableKinds = ["taxonomy", "term"]
EOF
  cat >"$dir/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>Laatst gewijzigd op {{ .Lastmod.Format "2 January 2006" }}.</p></footer>
</body>
</html>
EOF
  cat >"$dir/layouts/_default/single.html" <<'EOF'
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<nav><h2>Inhoud</h2>{{ .TableOfContents }}</nav>
{{ .Content }}</article>{{ end }}
EOF
  cat >"$dir/layouts/_default/list.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
EOF
  # One awk process writes every page: a Markdown body of sections like a
  # statement's (a heading, two paragraphs, a list of data, a table) until
  # the page holds about as many characters as helder's pages.
  awk -v pages="$((pages - 2))" -v bytes="$bytes" -v dir="$dir/content/p" 'BEGIN {
    for (i = 1; i <= pages; i++) {
      file = sprintf("%s/%05d.md", dir, i)
      printf("---\ntitle: \"Privacyverklaring van school %d\"\ndate: 2020-01-01\n---\n\n", i) > file
      size = 0
      for (k = 1; size < bytes; k++) {
        s = sprintf("## Verwerking %d van school %d\n\n", k, i)
        s = s "Wij verwerken deze gegevens om het onderwijs aan uw kind goed te regelen. "
        s = s "De school heeft daar een wettelijke plicht voor, en bewaart de gegevens niet langer dan de termijn hieronder.\n\n"
        s = s "Wie de gegevens krijgt: de leerkracht, de intern begeleider en de directeur van de school. "
        s = s sprintf("Verwerking %d gebruikt ze voor niets anders.\n\n", k)
        s = s "- naam en adres van de leerling\n- geboortedatum en geslacht\n- groep en leerkracht\n- gegevens over de voortgang\n\n"
        s = s "| Gegevens | Bewaartermijn | Bron |\n| --- | --- | --- |\n"
        s = s "| Inschrijving | 5 jaar na vertrek | Kennisnet |\n| Leerlingdossier | 2 jaar na vertrek | Kennisnet |\n\n"
        printf("%s", s) > file
        size += length(s) * 1.4
      }
      close(file)
    }
  }'
  echo "body { font-family: sans-serif; max-width: 40em; margin: auto; }" >"$dir/static/style.css"
}

# html_stats DIR: "pages average-bytes" of the HTML files below DIR.
html_stats() {
  find "$1" -name '*.html' -printf '%s\n' | awk '{ n++; b += $1 } END { printf("%d %d\n", n, b / n) }'
}

rows=()
for n in "${sizes[@]}"; do
  site=$work/site-$n
  hugo=$work/hugo-$n
  "$synth" --schools "$n" "$site"
  "$helder" check --root "$site" >/dev/null 2>"$work/err" || {
    cat "$work/err" >&2
    echo "the synthetic board of $n schools does not pass helder check" >&2
    exit 1
  }
  "$helder" build --root "$site" >/dev/null 2>&1
  read -r pages bytes < <(html_stats "$site/public")
  hugo_site "$hugo" "$pages" "$bytes"
  hugo --minify --quiet -s "$hugo" -d "$hugo/public"
  read -r hugo_pages hugo_bytes < <(html_stats "$hugo/public")
  echo "N=$n: helder $pages pages of $((bytes / 1024)) KiB on average, Hugo $hugo_pages of $((hugo_bytes / 1024)) KiB" >&2

  for ((r = 0; r < runs; r++)); do
    rm -rf "$site/public" "$site/.public.helder-old" "$site/.public.helder-state"
    timed "build-$n" "$helder" build --root "$site"
    timed "first-rebuild-$n" "$helder" build --root "$site"
    timed "rebuild-$n" "$helder" build --root "$site"
    rm -rf "$hugo/public"
    timed "hugo-$n" hugo --minify --quiet -s "$hugo" -d "$hugo/public"
    rm -rf "$work/copy"
    timed "copy-$n" cp -r "$site/public" "$work/copy"
    timed "check-$n" "$helder" check --root "$site"
  done
  build=$(median "build-$n" 1) rebuild=$(median "rebuild-$n" 1) hugo_ms=$(median "hugo-$n" 1)
  first=$(median "first-rebuild-$n" 1)
  copy=$(median "copy-$n" 1) check=$(median "check-$n" 1)
  rows+=("| $(thousands "$n") ($(thousands "$pages")) | $(seconds "$build"), $(mib "$(median "build-$n" 2)") | $(seconds "$first") ($(ratio "$first" "$build") ×), then $(seconds "$rebuild") ($(ratio "$rebuild" "$build") ×) | $(seconds "$hugo_ms"), $(mib "$(median "hugo-$n" 2)") | $(seconds "$copy") | $(ratio "$build" "$hugo_ms") | $(ratio "$build" "$copy") | $(seconds "$check"), $(mib "$(median "check-$n" 2)") |")
  rm -rf "$site" "$hugo" "$work/copy"
done

echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| schools (pages) | helder build | rebuild, nothing changed: first, then the next | Hugo \`--minify\` | copy of helder's output (\`cp -r\`) | helder / Hugo | helder / copy | \`helder check\` |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
