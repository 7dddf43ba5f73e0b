#!/bin/sh
# The `secrecy-guard` command: the tray app without arguments, the command line with them. Sets the
# resident-app environment (docs/benchmarks.md) before the bundled runtime starts.
OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export OMP_THREAD_LIMIT MALLOC_ARENA_MAX
exec /opt/secrecy-guard/bin/secrecy-guard "$@"
