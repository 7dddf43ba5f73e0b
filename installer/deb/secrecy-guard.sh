#!/bin/sh
# The `secrecy-guard` command: the tray app without arguments, the command line with them. Sets the
# resident-app environment (docs/benchmarks.md) and starts the bundled runtime's java with the options of
# the jpackage launcher (installer/package.sh writes them below). The launcher itself is not used: at every
# start it asks dpkg which package it belongs to (`dpkg -S` reads every package's file list), ~0.13 s.
OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export OMP_THREAD_LIMIT MALLOC_ARENA_MAX
runtime=/opt/secrecy-guard/lib/runtime/bin/secrecy-guard
if [ -x "$runtime" ]; then
    exec "$runtime" @JAVA_OPTIONS@ -cp /opt/secrecy-guard/lib/app/secrecy-guard.jar org.secrecyguard.app.Main "$@"
fi
exec /opt/secrecy-guard/bin/secrecy-guard "$@"
