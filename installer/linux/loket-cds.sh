#!/bin/sh
# Writes (or with --remove deletes) the application class-data sharing archive of an installed Loket:
# lib/loket.jsa, which the launcher maps at start (-XX:SharedArchiveFile, -Xshare:auto) so the classes the
# sign-in window needs are not parsed and verified again at every start. Run by the package's maintainer
# scripts: Java 17 checks the archive against the exact class path, so it can only be made where Loket is
# installed, not at build time. Without the archive (or with a stale one) Loket starts as usual, only slower.
set -eu
lib=$(cd "$(dirname "$0")" && pwd -P)
archive="$lib/loket.jsa"
rm -f "$archive.tmp"
if [ "${1:-}" = --remove ]; then
  rm -f "$archive"
  exit 0
fi
list="$lib/loket.classlist"
if [ ! -f "$list" ]; then
  echo "loket: $list is missing: no class-data archive (Loket starts without it)" >&2
  exit 0
fi
# The class path exactly as the launcher builds it from Loket.cfg.
cp=$(sed -n "s|^app.classpath=\\\$APPDIR|$lib/app|p" "$lib/app/Loket.cfg" | paste -sd: -)
if "$lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive.tmp" \
    -cp "$cp" >"$lib/loket-cds.log" 2>&1; then
  chmod 0644 "$archive.tmp"
  mv -f "$archive.tmp" "$archive"
  rm -f "$lib/loket-cds.log"
else
  rm -f "$archive.tmp"
  echo "loket: the class-data archive could not be written (see $lib/loket-cds.log); Loket starts without it" >&2
fi
