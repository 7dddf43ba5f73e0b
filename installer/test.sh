#!/usr/bin/env bash
# Runs every test of SecrecyGuard on a Debian/Ubuntu/UOS machine that has a JDK 17 and Maven:
# installs Tesseract (chi_sim), a CJK font, Xvfb and PostgreSQL when missing, then runs the Maven
# build with all tests inside a virtual X server (clipboard, tray and window tests need one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
xvfb-run -a -s "-screen 0 1920x1080x24" mvn -B verify "$@"
# The shipped jar is the product: no benchmark or sample-picture class may be in it.
if jar tf target/secrecy-guard.jar | grep -E 'org/secrecyguard/(cli/Bench|cli/(SyntheticOfficialCorpus|RegexTextBaseline|ChildCpuTime)|ocr/samples/)'; then
    echo "error: benchmark or test-fixture classes in target/secrecy-guard.jar" >&2
    exit 1
fi
