#!/usr/bin/env bash
# Regenerates docs/report-example.png, the picture of `cniplan report` in docs/report.md: the
# walkthrough's page rendered by headless Chromium, cut to its top (capacity, address map,
# demand). Run it after changing the report's look.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet -- report examples/aks-dynamic-ip/plan.yaml -o "$work/report.html"
timeout 60 chromium --headless --disable-gpu --no-sandbox --no-first-run --hide-scrollbars \
  --disable-dev-shm-usage --user-data-dir="$work/profile" \
  --screenshot="$work/report.png" --window-size=1280,1760 "file://$work/report.html" 2>/dev/null
cp "$work/report.png" docs/report-example.png
ls -l docs/report-example.png
