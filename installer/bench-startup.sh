#!/usr/bin/env bash
# Package size and cold start to the first window: Loket's app image (the files its .deb installs into
# /opt/loket, with the class-data archive postinst writes) beside a minimal JavaFX window packaged the same way
# (the runtime linked by installer/jlink.args, so the same modules; a jpackage app image), measured in the same
# run, alternating.
#
#   ./mvnw -B -q -DskipTests -Dinstaller package     # the packages and the app image
#   sudo installer/bench-startup.sh [RUNS]           # default 5 runs of each
#
# "Cold": before every start the page cache is dropped (echo 3 > /proc/sys/vm/drop_caches, needs root), so
# the runtime, the jars and the archive are read from disk as on the first start after a boot. Warm starts
# follow. Time to first window = from the start of the launcher until xdotool sees the window mapped under Xvfb.
# Needs xvfb-run, xdotool, GTK 3; prints a table in the format of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
build=${LOKET_BUILD_DIR:-target}/installer
image="$build/image/Loket"
[ -x "$image/bin/Loket" ] || { echo "no app image at $image: run ./mvnw -B -q -DskipTests -Dinstaller package" >&2; exit 1; }
bench="$build/bench"
rm -rf "$bench"
mkdir -p "$bench/classes" "$bench/input"

# The minimal window, packaged the same way (without Loket's own additions: class list, archive, stripping).
javac -d "$bench/classes" --module-path "$build/javafx" --add-modules javafx.controls installer/bench/MinimalWindow.java
jar --create --file "$bench/input/minimal.jar" -C "$bench/classes" .
jlink @installer/jlink.args --add-modules javafx.controls --module-path "$build/javafx" --output "$bench/runtime"
jpackage --type app-image --name MinimalWindow --app-version 1.0 --runtime-image "$bench/runtime" \
  --input "$bench/input" --main-jar minimal.jar --main-class MinimalWindow --java-options -Dprism.order=es2,sw \
  --dest "$bench/image"
minimal="$bench/image/MinimalWindow"

# Loket's archive, written in place as postinst writes it in /opt/loket.
"$image/lib/loket-cds.sh"
[ -f "$image/lib/loket.jsa" ] || { echo "no class-data archive was written" >&2; exit 1; }

export LOKET_HOME="$bench/data" HOME="$bench/home"
mkdir -p "$HOME"
cold=true
if ! { sync && echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
  echo "cannot drop the page cache (not root): every start below is warm" >&2
  cold=false
fi

xvfb-run -a -s "-screen 0 1280x800x24 -noreset" bash -s "$runs" "$image" "$minimal" "$cold" "$bench" <<'INNER' | tee "$bench/results.txt"
set -euo pipefail
runs=$1 image=$2 minimal=$3 cold=$4 bench=$5
first_window() { # first_window TITLE COMMAND...: milliseconds until a window titled TITLE is mapped
  local title=$1; shift
  if [ "$cold" = true ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
  local start end pid
  start=$(date +%s%N)
  "$@" >"$bench/app.log" 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name "^$title" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$bench/app.log" >&2; return 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sleep 0.5
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
# One unmeasured start of each (JavaFX unpacks its native libraries into ~/.openjfx once, Loket creates its ledger).
first_window Loket "$image/bin/Loket" >/dev/null
first_window MinimalWindow "$minimal/bin/MinimalWindow" >/dev/null
for kind in cold warm; do
  if [ "$kind" = cold ] && [ "$cold" != true ]; then continue; fi
  c=$cold; [ "$kind" = warm ] && cold=false
  : >"$bench/loket.$kind"; : >"$bench/loket-nocds.$kind"; : >"$bench/minimal.$kind"
  for _ in $(seq 1 "$runs"); do
    first_window Loket "$image/bin/Loket" >>"$bench/loket.$kind"
    mv "$image/lib/loket.jsa" "$image/lib/loket.jsa.off"
    first_window Loket "$image/bin/Loket" >>"$bench/loket-nocds.$kind"
    mv "$image/lib/loket.jsa.off" "$image/lib/loket.jsa"
    first_window MinimalWindow "$minimal/bin/MinimalWindow" >>"$bench/minimal.$kind"
  done
  cold=$c
  l=$(median <"$bench/loket.$kind"); n=$(median <"$bench/loket-nocds.$kind"); m=$(median <"$bench/minimal.$kind")
  echo "$kind start to first window, median of $runs (ms): Loket $l [$(paste -sd' ' "$bench/loket.$kind")]," \
    "Loket without its class-data archive $n [$(paste -sd' ' "$bench/loket-nocds.$kind")]," \
    "minimal JavaFX window $m [$(paste -sd' ' "$bench/minimal.$kind")]; ratio Loket/minimal" \
    "$(awk -v a="$l" -v b="$m" 'BEGIN {printf "%.2f", a / b}'), archive saves" \
    "$(awk -v a="$l" -v b="$n" 'BEGIN {printf "%.0f%%", 100 * (b - a) / b}')"
done
INNER

size() { du -sk "$1" | awk '{printf "%.1f MiB", $1 / 1024}'; }
{
  for f in "$build"/*.deb "$build"/*.rpm; do
    [ -f "$f" ] && echo "package $(basename "$f"): $(awk -v b="$(stat -c %s "$f")" 'BEGIN {printf "%.1f MiB", b / 1048576}')"
  done
  echo "installed (app image incl. class-data archive): Loket $(size "$image"), of which runtime $(size "$image/lib/runtime")," \
    "jars $(size "$image/lib/app"), archive $(size "$image/lib/loket.jsa"); minimal window $(size "$minimal")"
} | tee -a "$bench/results.txt"
