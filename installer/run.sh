#!/usr/bin/env bash
# Builds SecrecyGuard and starts the tray app (installs Tesseract and fonts when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
[ -f target/secrecy-guard.jar ] || mvn -B -q package -DskipTests
# One OpenMP thread per Tesseract handle: on 2-4 core office PCs Tesseract's default threads only fight
# each other (a full page: 5.2 s -> 3.0 s here). The app also sets it itself before loading Tesseract.
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"
# Resident-app JVM settings (docs/benchmarks.md, "Clipboard and resident app"): a small serial-GC heap
# that shrinks when idle, C1 only, fewer malloc arenas. SG_JAVA_OPTS replaces them.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
SG_JAVA_OPTS=${SG_JAVA_OPTS:-"-Xms24m -Xmx64m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -XX:TieredStopAtLevel=1 -Xss512k"}
# shellcheck disable=SC2086
exec java $SG_JAVA_OPTS -jar target/secrecy-guard.jar "$@"
