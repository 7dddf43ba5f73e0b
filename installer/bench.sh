#!/usr/bin/env bash
# Runs one benchmark of docs/benchmarks.md, e.g.
#   bash installer/bench.sh text --mb 20
#   xvfb-run -a bash installer/bench.sh clipboard      (needs an X display and xclip)
# The benchmarks live in src/bench (built with the tests, never in the shipped jar).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >&2
exec java -Xmx2g -Dfile.encoding=UTF-8 -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    org.secrecyguard.cli.BenchMain "$@"
