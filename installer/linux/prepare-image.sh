#!/bin/sh
# Finishes the Linux app image jpackage made (called by the `installer` Maven profile, between the image and
# the packages): adds the script that writes the class-data sharing archive on the installed system, and
# the list of classes to put in it, recorded by starting this image to its first window under Xvfb.
# Needs xvfb-run, xauth, xdotool and GTK 3 (Debian: xvfb xauth xdotool libgtk-3-0); LOKET_CDS=off skips the list, and the
# installed Loket then starts without an archive.
set -eu
image=${1:?usage: prepare-image.sh APP_IMAGE_DIR}
here=$(cd "$(dirname "$0")" && pwd -P)
install -m 0755 "$here/loket-cds.sh" "$image/lib/loket-cds.sh"
# jlink keeps jrunscript, which Loket never runs; libraries are not programs; native code without its symbol
# tables is smaller and what Debian ships (lintian: unstripped-binary-or-object, shared-library-is-executable).
rm -f "$image/lib/runtime/bin/jrunscript"
chmod 0644 "$image/lib/libapplauncher.so"
if command -v strip >/dev/null 2>&1; then
  find "$image" -type f ! -name '*.jar' ! -name modules -exec sh -c \
    'for f; do if [ "$(head -c 4 "$f" | tail -c 3)" = ELF ]; then strip --strip-unneeded "$f"; fi; done' sh {} +
else
  echo "prepare-image: strip (binutils) is missing: the native code keeps its symbol tables" >&2
fi
list="$image/lib/loket.classlist"
rm -f "$list"
if [ "${LOKET_CDS:-on}" = off ]; then
  echo "prepare-image: LOKET_CDS=off, no class list" >&2
  exit 0
fi
for tool in xvfb-run xdotool; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "prepare-image: $tool is missing (Debian: apt-get install xvfb xauth xdotool libgtk-3-0), or set LOKET_CDS=off" >&2
    exit 1
  }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# A training start on an empty data directory, to the sign-in window, then closed.
HOME="$home" LOKET_HOME="$home/data" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" \
  xvfb-run -a -s "-screen 0 1280x800x24" sh -c '
    "$1/bin/Loket" >"$2/train.log" 2>&1 &
    pid=$!
    i=0
    until xdotool search --onlyvisible --name "^Loket" >/dev/null 2>&1; do
      i=$((i + 1))
      if [ "$i" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
        echo "prepare-image: the app image did not open its window:" >&2
        cat "$2/train.log" >&2
        kill "$pid" 2>/dev/null || true
        exit 1
      fi
      sleep 0.1
    done
    sleep 1
    kill "$pid"
    wait "$pid" || true
  ' sh "$image" "$home"
classes=$(grep -c '^[a-z]' "$list" || true)
if [ "$classes" -lt 1000 ]; then
  echo "prepare-image: the class list has only $classes classes" >&2
  exit 1
fi
echo "prepare-image: $classes classes listed for the class-data archive"
