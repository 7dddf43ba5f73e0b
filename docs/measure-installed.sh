#!/bin/bash
# Figures of the installed package: package size, installed size, cold start of the installed tray app
# to its first status ("started: PROTECTED … ms after JVM start" in its log), idle RSS.
# Usage, as root, project root, on a PC without a running secrecy-guard service:
#   bash installer/package.sh && bash docs/measure-installed.sh target/secrecy-guard_*.deb
# Installs the package (dpkg -i), starts the installed service by hand when systemd does not run it,
# starts the tray app as an unprivileged user (made here: sgmeasure) on a private Xvfb display, and
# purges nothing: `dpkg --purge secrecy-guard; userdel -r sgmeasure` afterwards.
# RUNS (default 3) cold starts; caches are dropped before each when the kernel lets us (else "warm").
# TRAY_ENV adds environment to the tray's start, e.g. TRAY_ENV=JAVA_TOOL_OPTIONS=-Xshare:off to compare
# without the class-data archive.
set -eu
DEB=$1
RUNS=${RUNS:-3}
IDLE=${IDLE:-60}
USER_NAME=sgmeasure
echo "package: $(stat -c %s "$DEB" | awk '{printf "%.1f MB", $1/1e6}') ($DEB)"
DEBIAN_FRONTEND=noninteractive dpkg -i "$DEB" >/dev/null
echo "installed: Installed-Size $(dpkg-query -W -f '${Installed-Size}' secrecy-guard) KiB;" \
     "/opt/secrecy-guard $(du -sm /opt/secrecy-guard | cut -f1) MB (runtime $(du -sm /opt/secrecy-guard/lib/runtime | cut -f1) MB," \
     "jar $(du -sm /opt/secrecy-guard/lib/app | cut -f1) MB)"
id "$USER_NAME" >/dev/null 2>&1 || useradd -m "$USER_NAME"
HOME_DIR=$(getent passwd "$USER_NAME" | cut -d: -f6)

Xvfb :77 -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
XPID=$!
SPID=
APID=
trap 'kill $APID $SPID $XPID 2>/dev/null || true' EXIT
sleep 1
if ! systemctl is-active --quiet secrecy-guard 2>/dev/null; then
    /usr/bin/secrecy-guard guard-service > /tmp/sgmeasure-service.out 2>&1 &
    SPID=$!
    for _ in $(seq 100); do grep -q guarding /tmp/sgmeasure-service.out && break; sleep 0.2; done
fi

for run in $(seq "$RUNS"); do
    data=$HOME_DIR/.sg-measure-$run
    runuser -u "$USER_NAME" -- rm -rf "$data"
    sync
    if echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then cache=cold; else cache=warm; fi
    t0=$(date +%s%N)
    runuser -u "$USER_NAME" -- env DISPLAY=:77 HOME="$HOME_DIR" SECRECY_GUARD_HOME="$data" ${TRAY_ENV:-} /usr/bin/secrecy-guard \
        >/dev/null 2>&1 &
    APID=$!
    line=
    for _ in $(seq 600); do
        line=$(cat "$data"/logs/secrecy-guard-0.log 2>/dev/null | grep -a -o 'started: .*' | head -1 || true)
        [ -n "$line" ] && break
        sleep 0.05
    done
    t1=$(date +%s%N)
    echo "run $run ($cache): $(( (t1 - t0) / 1000000 )) ms from exec to the first status; log: $line"
    if [ "$run" = "$RUNS" ]; then
        sleep "$IDLE"
        pid=$(pgrep -u "$USER_NAME" -f /opt/secrecy-guard | head -1)
        awk '/^VmRSS|^RssAnon|^RssFile|^VmHWM/ {printf "%s %.1f MB  ", $1, $2/1024} END {print ""}' /proc/"$pid"/status \
            | sed "s/^/idle $IDLE s after start: /"
    fi
    pkill -u "$USER_NAME" -f /opt/secrecy-guard || true
    wait $APID 2>/dev/null || true
    sleep 1
done
