#!/usr/bin/env bash
# Installs Loket's .deb the way a shop owner would, on a clean Debian, and checks what they would see.
#
#   sudo installer/test-linux.sh [--keep] [--no-build]
#
#  1. builds the .deb with the installer profile, and a second one with a higher version to upgrade to;
#  2. lintian: only the tags listed and explained in installer/linux/lintian-exceptions.txt are accepted;
#  3. a clean Debian 12 (debootstrap --variant=minbase) gets the package with `apt-get install ./loket_*.deb`
#     and no recommended packages, so the package's Depends: alone must be enough;
#  4. as a non-root user: `loket --version`, `loket init`, `loket verify`; the menu entry; the class-data
#     archive (checked with -Xshare:on); the window under the host's Xvfb, screenshot not blank;
#  5. upgrade to the newer package: the user's ledger and settings kept, the first start after the upgrade
#     verifies the ledger before the window, the window opens;
#  6. apt-get purge: the program, the command and the menu entry gone, the user's data left where it was.
#
# Needs root (debootstrap, chroot, mounts) and the Debian mirror (LOKET_DEBIAN_MIRROR, default
# http://deb.debian.org/debian). Installs its own host tools with apt-get. Screenshots are kept in
# target-installer/test-linux/ (the work folder, with --keep also the chroot).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd -P)
keep=false
build=true
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;            # leave the chroot in target-installer/test-linux/chroot
    --no-build) build=false ;;      # use the packages the previous run built
    *) echo "usage: installer/test-linux.sh [--keep] [--no-build]" >&2; exit 2 ;;
  esac
done

step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }
fail() { echo "test-linux: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (debootstrap, chroot and mounts need it)"

step "host tools"
need=()
for pair in debootstrap:debootstrap lintian:lintian Xvfb:xvfb xvfb-run:xvfb xauth:xauth xdotool:xdotool import:imagemagick \
    convert:imagemagick strip:binutils fakeroot:fakeroot desktop-file-validate:desktop-file-utils; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
# The class list for the class-data archive is recorded by starting the app image on the build machine.
[ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ] || need+=(libgtk-3-0)
[ -e /usr/lib/x86_64-linux-gnu/libGL.so.1 ] || need+=(libgl1)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(printf '%s\n' "${need[@]}" | sort -u)
fi

out="$repo/target-installer/test-linux"
root="$out/chroot"
cleanup() {
  set +e
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null
  for m in tmp/.X11-unix dev/pts dev proc sys; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
  done
  if [ "$keep" = false ] && [ -d "$root" ]; then rm -rf "$root"; fi
}
trap cleanup EXIT
cleanup
rm -rf "$root" "$out"/*.png "$out"/*.log "$out"/*.txt
mkdir -p "$out"

# The clean system is made while the packages build.
mirror=${LOKET_DEBIAN_MIRROR:-http://deb.debian.org/debian}
step "debootstrap bookworm (in the background) from $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$out/debootstrap.log" 2>&1 &
debootstrap_pid=$!

version=$(sed -n 's|^ *<revision>\(.*\)</revision>|\1|p' pom.xml | head -1)
next="$version.1"
step "build loket $version and $next (.deb only)"
[ "$build" = false ] || ./mvnw -B -q -ntp -DskipTests -Dinstaller -Dinstaller.rpm.skip=true -Dloket.build.dir="$repo/target-installer/now" \
  package >"$out/build-now.log" 2>&1 || { tail -40 "$out/build-now.log"; fail "the package did not build"; }
[ "$build" = false ] || ./mvnw -B -q -ntp -DskipTests -Dinstaller -Dinstaller.rpm.skip=true -Dloket.build.dir="$repo/target-installer/next" \
  -Drevision="$next" package >"$out/build-next.log" 2>&1 || { tail -40 "$out/build-next.log"; fail "the newer package did not build"; }
deb=$(ls "$repo"/target-installer/now/installer/loket_"$version"-1_*.deb)
deb_next=$(ls "$repo"/target-installer/next/installer/loket_"$next"-1_*.deb)
ls -l "$deb" "$deb_next"

step "lintian"
allowed=$(grep -v '^#' installer/linux/lintian-exceptions.txt | awk 'NF {print $1}')
lintian --no-tag-display-limit "$deb" >"$out/lintian.txt" 2>&1 || true
unexpected=$(awk '/^[EW]: / {print $3}' "$out/lintian.txt" | sort -u | grep -vxF -f <(printf '%s\n' $allowed) || true)
awk '/^[EW]: / {print $1, $3}' "$out/lintian.txt" | sort | uniq -c
[ -z "$unexpected" ] || { grep -F -f <(printf '%s\n' $unexpected) "$out/lintian.txt" | head -20; fail "lintian tags not listed in installer/linux/lintian-exceptions.txt: $unexpected"; }

step "wait for debootstrap"
wait "$debootstrap_pid" || { tail -20 "$out/debootstrap.log"; fail "debootstrap failed"; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
in_root() { chroot "$root" "$@"; }
as_user() { chroot --userspec=kasir:kasir "$root" env -i HOME=/home/kasir PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
in_root useradd -m -s /bin/sh kasir
in_root sh -c 'command -v loket' && fail "the clean system already has a loket command"

step "apt-get install ./$(basename "$deb") (no recommends)"
cp "$deb" "$deb_next" "$root/tmp/"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
  >"$out/install.log" 2>&1 || { tail -30 "$out/install.log"; fail "apt-get install failed"; }
grep -i "warn\|error" "$out/install.log" | grep -v "^debconf" || true

step "the command, the menu entry, the class-data archive"
[ "$(in_root readlink /usr/bin/loket)" = /opt/loket/bin/Loket ] || fail "/usr/bin/loket is not the launcher"
got=$(as_user loket --version)
[ "$got" = "Loket $version" ] || fail "loket --version said '$got'"
# The native launcher passes the exit code through (scripts and the OS scheduler rely on it).
set +e
as_user loket no-such-command >/dev/null 2>&1
code=$?
set -e
[ "$code" = 1 ] || fail "an unknown command must exit 1 through the installed launcher, got $code"
as_user loket --help | grep -q reconcile || fail "loket --help does not list the commands"
desktop="$root/usr/share/applications/loket.desktop"
[ -f "$desktop" ] || fail "no menu entry"
desktop-file-validate "$desktop" || fail "the menu entry is not valid"
grep -q '^Exec=/opt/loket/bin/Loket' "$desktop" || fail "the menu entry does not start Loket"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$root$icon" ] || fail "the menu entry's icon $icon is missing"
[ -f "$root/opt/loket/lib/loket.jsa" ] || fail "postinst wrote no class-data archive"
as_user env JAVA_TOOL_OPTIONS=-Xshare:on loket --version >/dev/null 2>"$out/xshare.log" \
  || { cat "$out/xshare.log"; fail "the class-data archive cannot be mapped (-Xshare:on)"; }

step "first use as a non-root user: init, verify"
pw='kopi hujan sepeda lampu'
printf '%s\n' "$pw" | as_user loket init --shop-name "Toko Uji" --owner pemilik --password-stdin
as_user loket verify | tee "$out/verify-1.txt"
data="$root/home/kasir/.local/share/loket"
[ -f "$data/ledger.db" ] || fail "no ledger in ~/.local/share/loket"
# A shift and a paid bill (the embedded sandbox gateway), so the upgrade has a ledger with money in it.
printf '%s\n' "$pw" | as_user loket --user pemilik --password-stdin shift open --float 200000
printf '%s\n' "$pw" | as_user loket --user pemilik --password-stdin pay --biller PLN_POSTPAID --ref 512345678901 \
  --tendered 250000 | tee "$out/pay.txt"
as_user loket verify | tee -a "$out/verify-1.txt"
[ -f "$data/loket.properties" ] || fail "no settings file in ~/.local/share/loket"
cp "$data/loket.properties" "$out/settings-before.properties"

# The window, under the host's Xvfb, as the non-root user inside the clean system.
display_no=91
Xvfb ":$display_no" -screen 0 1280x800x24 -nolisten tcp -noreset >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -S "/tmp/.X11-unix/X$display_no" ] && break; sleep 0.1; done
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
gui() { # gui NAME: start the window, wait for it, take a screenshot, check it is not blank, close it
  local name=$1
  as_user env DISPLAY=":$display_no" loket >"$out/gui-$name.log" 2>&1 &
  app_pid=$!
  local waited=0
  until DISPLAY=":$display_no" xdotool search --onlyvisible --name '^Loket' >/dev/null 2>&1; do
    kill -0 "$app_pid" 2>/dev/null || { cat "$out/gui-$name.log"; fail "the window did not open ($name)"; }
    waited=$((waited + 1))
    [ "$waited" -lt 600 ] || fail "no window after 60 s ($name)"
    sleep 0.1
  done
  # The window is mapped before JavaFX has painted it (on a loaded machine, the first start after an upgrade
  # painted a blank window for over 3 s): look again for up to 30 s before calling it blank.
  local colours=0 looks=0
  sleep 3
  while :; do
    import -display ":$display_no" -window root "$out/$name.png"
    colours=$(convert "$out/$name.png" -format '%k' info:)
    looks=$((looks + 1))
    [ "$colours" -gt 20 ] || [ "$looks" -ge 30 ] && break
    sleep 1
  done
  echo "screenshot $out/$name.png: $colours colours (look $looks)"
  [ "$colours" -gt 20 ] || fail "the screenshot is blank ($name: $colours colours)"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  app_pid=
}
step "the window (as kasir, host Xvfb :$display_no)"
gui first-start

step "upgrade to $next"
sha_before=$(sha256sum "$data/ledger.db" | cut -d' ' -f1)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb_next")" \
  >"$out/upgrade.log" 2>&1 || { tail -30 "$out/upgrade.log"; fail "the upgrade failed"; }
got=$(as_user loket --version)
[ "$got" = "Loket $next" ] || fail "after the upgrade loket --version said '$got'"
[ -f "$data/ledger.db" ] || fail "the upgrade lost the ledger"
[ "$(sha256sum "$data/ledger.db" | cut -d' ' -f1)" = "$sha_before" ] || fail "the upgrade changed the ledger file"
cmp -s "$out/settings-before.properties" "$data/loket.properties" || fail "the upgrade changed the settings"
[ -f "$root/opt/loket/lib/loket.jsa" ] || fail "no class-data archive after the upgrade"
as_user env JAVA_TOOL_OPTIONS=-Xshare:on loket --version >/dev/null 2>"$out/xshare-next.log" \
  || { cat "$out/xshare-next.log"; fail "the upgraded class-data archive cannot be mapped"; }
gui after-upgrade
grep -rh "Upgraded from $version to $next" "$data/logs" || fail "the first start after the upgrade did not verify the ledger"
as_user loket verify | tee "$out/verify-2.txt"
printf '%s\n' "$pw" | as_user loket --user pemilik --password-stdin users list | grep -q pemilik \
  || fail "the owner is gone after the upgrade"

step "apt-get purge loket"
sha_before=$(sha256sum "$data/ledger.db" | cut -d' ' -f1)
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq loket >"$out/remove.log" 2>&1 \
  || { tail -30 "$out/remove.log"; fail "apt-get purge failed"; }
[ ! -e "$root/opt/loket" ] || { find "$root/opt/loket" | head; fail "/opt/loket is left behind"; }
[ ! -e "$root/usr/bin/loket" ] && [ ! -L "$root/usr/bin/loket" ] || fail "/usr/bin/loket is left behind"
[ ! -e "$desktop" ] || fail "the menu entry is left behind"
[ -f "$data/ledger.db" ] || fail "removing Loket removed the user's ledger"
[ "$(sha256sum "$data/ledger.db" | cut -d' ' -f1)" = "$sha_before" ] || fail "removing Loket changed the user's ledger"
[ -f "$data/loket.properties" ] || fail "removing Loket removed the user's settings"

step "passed"
echo "test-linux: the .deb installs on a clean Debian 12, opens its window, upgrades keeping the data, and" \
  "is removed leaving the data ($SECONDS s)"
