#!/usr/bin/env bash
# Builds SecrecyGuard and starts the tray app (installs Tesseract and fonts when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
[ -f target/secrecy-guard.jar ] || mvn -B -q package -DskipTests
# One OpenMP thread per Tesseract handle: on 2-4 core office PCs Tesseract's default threads only fight
# each other (a full page: 5.2 s -> 3.0 s here). The app also sets it itself before loading Tesseract.
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"
exec java -jar target/secrecy-guard.jar "$@"
