#!/usr/bin/env bash
# Installs what the browser suite needs, on a fresh machine as on a used one:
# Debian's Chromium, a Java runtime and Poppler's pdftotext when they are
# missing (we run as root),
# and the suite's npm packages exactly as package-lock.json pins them.
#
# No test tool downloads a browser or a runtime of its own: playwright-core
# (not playwright) drives /usr/bin/chromium, and vnu.jar runs on Debian's
# Java. Run it from anywhere; it works in its own folder.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# vnu.jar needs Java 11 or later; Debian's default runtime is 17.
command -v java >/dev/null || missing+=(default-jre-headless)
# pdftotext reads the printed pages back, to find one that holds almost nothing.
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi

# --ignore-scripts: vnu-jar's postinstall fetches a Java runtime from
# GitHub, which we neither want nor can reach; none of the other packages
# has an install script.
echo "== npm ci"
npm ci --ignore-scripts --no-audit --no-fund
