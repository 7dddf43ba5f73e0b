#!/bin/bash
# Idle cost of the resident app: RSS and CPU of the real jar over one minute, read from /proc.
# Usage (project root, after mvn -B package -DskipTests), on a desktop or under Xvfb:
#   xvfb-run -a -s "-screen 0 1280x720x24" bash docs/measure-idle.sh [JVM options...]
# e.g. MALLOC_ARENA_MAX=2 bash docs/measure-idle.sh -Xmx64m -XX:+UseSerialGC
# SETTLE (default 30) seconds after start-up are skipped; WINDOW (default 60) seconds are measured.
# THREADS=1 also prints the CPU ticks of each thread over the window (from /proc/PID/task/*/stat,
# names from .../comm; threads of the same name are summed), busiest first.
set -eu
JAR=${JAR:-target/secrecy-guard.jar}
SETTLE=${SETTLE:-30}
WINDOW=${WINDOW:-60}
export SECRECY_GUARD_HOME=$(mktemp -d)
java "$@" -jar "$JAR" > "$SECRECY_GUARD_HOME/stdout.txt" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
sleep "$SETTLE"
ticks() { awk '{print $14 + $15}' /proc/$PID/stat; }
kb() { awk -v k="$1:" '$1 == k {print $2}' /proc/$PID/status; }
HZ=$(getconf CLK_TCK)
# One line per thread: tid, ticks (user + system), name. The name in stat may hold spaces, so the
# ticks are read after its closing parenthesis and the name from comm.
thread_ticks() {
  for d in /proc/$PID/task/*; do
    st=$(cat "$d/stat" 2>/dev/null) || continue
    name=$(cat "$d/comm" 2>/dev/null) || continue
    rest=${st##*) }
    set -- $rest
    echo "${d##*/} $(( ${12} + ${13} )) $name"
  done
}
[ "${THREADS:-0}" = 1 ] && thread_ticks > "$SECRECY_GUARD_HOME/threads0.txt"
T0=$(ticks); R0=$(kb VmRSS); S0=$(date +%s.%N)
sleep "$WINDOW"
T1=$(ticks); R1=$(kb VmRSS); S1=$(date +%s.%N)
[ "${THREADS:-0}" = 1 ] && thread_ticks > "$SECRECY_GUARD_HOME/threads1.txt"
PSS=$(awk '/^Pss:/ {print $2}' /proc/$PID/smaps_rollup)
awk -v t0="$T0" -v t1="$T1" -v s0="$S0" -v s1="$S1" -v hz="$HZ" -v r0="$R0" -v r1="$R1" -v hwm="$(kb VmHWM)" \
    -v anon="$(kb RssAnon)" -v file="$(kb RssFile)" -v pss="$PSS" -v th="$(kb Threads)" -v settle="$SETTLE" \
    -v opts="$*" 'BEGIN {
  cpu = (t1 - t0) / hz; wall = s1 - s0;
  printf "JVM options: %s\n", (opts == "" ? "(none)" : opts);
  printf "idle %.0f s after %d s settling: CPU %.2f s = %.2f%% of one core\n", wall, settle, cpu, 100 * cpu / wall;
  printf "RSS %.1f MB at start of window, %.1f MB at end, peak %.1f MB; %d threads\n", r0/1024, r1/1024, hwm/1024, th;
  printf "at end: private (RssAnon) %.1f MB, files (RssFile: libraries, fonts, class archive) %.1f MB, PSS %.1f MB\n",
         anon/1024, file/1024, pss/1024;
}'
if [ "${THREADS:-0}" = 1 ]; then
  echo "per thread over the window (ticks at $HZ/s; threads of one name summed):"
  awk 'NR == FNR {t0[$1] = $2; next}
       {name = $3; for (i = 4; i <= NF; i++) name = name " " $i; d[name] += $2 - t0[$1]; all += $2 - t0[$1]}
       END {for (n in d) if (d[n] > 0) printf "%6d  %s\n", d[n], n; printf "%6d  (all threads alive at end)\n", all}' \
      "$SECRECY_GUARD_HOME/threads0.txt" "$SECRECY_GUARD_HOME/threads1.txt" | sort -rn
fi
