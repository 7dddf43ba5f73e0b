#!/usr/bin/env bash
# Builds SecrecyGuard and starts the tray app (installs Tesseract and fonts when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
[ -f target/secrecy-guard.jar ] || mvn -B -q package -DskipTests
exec java -jar target/secrecy-guard.jar "$@"
