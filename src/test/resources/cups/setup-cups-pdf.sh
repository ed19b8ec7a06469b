#!/bin/sh
# Sets up the virtual printer that CupsPdfPrintingTest prints receipts to: CUPS with the CUPS-PDF backend,
# printer "LoketPDF", PDFs written to one known folder. Idempotent (safe to run on every CI build); run as root.
#
#   LOKET_CUPS_PRINTER  printer name   (default LoketPDF; the test reads the same variable)
#   LOKET_CUPS_PDF_DIR  output folder  (default /var/spool/cups-pdf/loket; the test reads the same variable)
#
# The folder is shared by every user (mode 1777, like /tmp) so the test can run as root or as a build user.
set -eu

PRINTER="${LOKET_CUPS_PRINTER:-LoketPDF}"
OUT_DIR="${LOKET_CUPS_PDF_DIR:-/var/spool/cups-pdf/loket}"
CONF=/etc/cups/cups-pdf.conf

if [ "$(id -u)" -ne 0 ]; then
    echo "setup-cups-pdf.sh: run as root (it installs packages and adds a printer)" >&2
    exit 1
fi

missing=""
for pkg in cups cups-bsd cups-client printer-driver-cups-pdf; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
if [ -n "$missing" ]; then
    echo "setup-cups-pdf.sh: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    apt-get install -y -qq $missing >/dev/null
fi

# The backend reads its configuration for every job: no restart needed after editing it.
mkdir -p "$OUT_DIR"
chmod 1777 "$OUT_DIR"
if grep -q '^Out ' "$CONF"; then
    sed -i "s|^Out .*|Out $OUT_DIR|" "$CONF"
else
    echo "Out $OUT_DIR" >> "$CONF"
fi
# Anonymous (remote or unknown-user) jobs land in the same folder.
if grep -q '^AnonDirName ' "$CONF"; then
    sed -i "s|^AnonDirName .*|AnonDirName $OUT_DIR|" "$CONF"
else
    echo "AnonDirName $OUT_DIR" >> "$CONF"
fi
# Files readable by whoever runs the test.
if grep -q '^UserUMask ' "$CONF"; then
    sed -i "s|^UserUMask .*|UserUMask 0022|" "$CONF"
else
    echo "UserUMask 0022" >> "$CONF"
fi

# "lpstat -r" exits 0 whether or not the scheduler runs: read what it says.
scheduler_running() {
    lpstat -r 2>/dev/null | grep -q "scheduler is running"
}

# Containers and CI runners have no init system to start cupsd: start it by hand when it is not running.
if ! scheduler_running; then
    echo "setup-cups-pdf.sh: starting cupsd"
    cupsd
    tries=0
    until scheduler_running; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ]; then
            echo "setup-cups-pdf.sh: cupsd did not start within 10 s" >&2
            exit 1
        fi
        sleep 0.1
    done
fi

if ! lpstat -p "$PRINTER" >/dev/null 2>&1; then
    echo "setup-cups-pdf.sh: adding printer $PRINTER"
    lpadmin -p "$PRINTER" -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
fi
cupsenable "$PRINTER"
cupsaccept "$PRINTER"

echo "setup-cups-pdf.sh: printer $PRINTER ready, PDFs go to $OUT_DIR"
