#!/usr/bin/env bash
# Prints CHANGELOG.md's section of one version (`## [X.Y.Z] - DATE`), without its heading: the
# release workflow's notes. Fails when the section is missing or empty, so a tag cannot be
# released without its changelog entry.
set -euo pipefail
version="${1:?usage: scripts/release-notes.sh X.Y.Z}"
changelog="${2:-$(dirname "$0")/../CHANGELOG.md}"
notes="$(awk -v v="$version" '
  /^## \[/ { if (found) exit; if (index($0, "## [" v "]") == 1) { found = 1; next } }
  found && (started || NF) { started = 1; print }
' "$changelog")"
if [ -z "${notes//[[:space:]]/}" ]; then
  echo "release-notes: CHANGELOG.md has no section for $version" >&2
  exit 1
fi
printf '%s\n' "$notes"
