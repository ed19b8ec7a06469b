#!/bin/sh
# Registers (or with --remove, unregisters) Loket's nightly reconciliation as a systemd user timer for the current
# user: the same run the app does at the time set in Settings, for a counter PC that is not always running Loket.
#   installer/linux/register-reconcile-timer.sh            # install and start the timer
#   installer/linux/register-reconcile-timer.sh --remove   # stop and remove it
#   systemctl --user list-timers loket-reconcile.timer    # when it runs next
#   journalctl --user -u loket-reconcile.service          # what it said
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
units="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"

if [ "${1:-}" = "--remove" ]; then
    systemctl --user disable --now loket-reconcile.timer 2>/dev/null || true
    rm -f "$units/loket-reconcile.timer" "$units/loket-reconcile.service"
    systemctl --user daemon-reload
    echo "Loket's nightly reconciliation timer is removed."
    exit 0
fi

if ! command -v loket >/dev/null 2>&1; then
    echo "register-reconcile-timer: 'loket' is not on the PATH; install the package (or link target/dist/bin/loket)." >&2
    exit 1
fi
mkdir -p "$units"
install -m 644 "$here/loket-reconcile.service" "$here/loket-reconcile.timer" "$units/"
systemctl --user daemon-reload
systemctl --user enable --now loket-reconcile.timer
echo "Loket's nightly reconciliation runs at 01:15 WIB; see: systemctl --user list-timers loket-reconcile.timer"
