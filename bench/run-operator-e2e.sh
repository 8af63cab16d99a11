#!/usr/bin/env bash
# Operator benchmarks from the end-to-end harness (operator + Fabric8 mock API server + a fake
# kubelet running real db-node processes on 127.0.1.x; see operator/DESIGN.md). Not part of CI.
#
#   bench/run-operator-e2e.sh [recovery|idle|all] [--runs N] [--rows N] [--faults kill9,nodelost,volumelost]
#
# recovery  OperatorE2eBenchmark at the operator's default settings (health checks every 5 s,
#           3 failed polls, 10 s node-lost grace): CR apply -> Ready, and per failure class
#           (kill -9 of a slave, node lost, volume lost) the time from the fault until the
#           database is Ready again and the slave has applied everything the master had after
#           --rows rows (default 100000, INSERTs of 100 rows) were written through shop-rw during
#           the outage. A fresh cluster per run; --runs (default 5) per class; --faults picks
#           some of the classes (default: all three).
# idle      IdleOperatorBenchmark: the shaded operator jar as its own process against the mock,
#           10 databases x 3 canned nodes, all Ready; CPU over 60 s and heap (jcmd) when idle.
#
# Builds db-node and the operator (tests skipped), then runs the chosen benchmark through
# failsafe in the operator module. Tables: operator/target/operator-e2e-bench.md and
# operator/target/operator-idle-bench.md (also printed). Needs the 127.0.1.0/24 loopback range
# free (the operator ITs use it too: do not run them at the same time).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
what=all runs=5 rows=100000 faults=
while [ $# -gt 0 ]; do
  case "$1" in
    recovery|idle|all) what=$1 ;;
    --runs) runs=$2; shift ;;
    --rows) rows=$2; shift ;;
    --faults) faults=$2; shift ;;
    *) echo "usage: $0 [recovery|idle|all] [--runs N] [--rows N] [--faults LIST]" >&2; exit 2 ;;
  esac
  shift
done
case "$what" in
  recovery) tests=OperatorE2eBenchmark ;;
  idle) tests=IdleOperatorBenchmark ;;
  all) tests=OperatorE2eBenchmark,IdleOperatorBenchmark ;;
esac
cd "$ROOT"
mvn -B -q package -pl db-node,operator -am -DskipTests -Dspotless.check.skip=true
mvn -B verify -pl admin-api,operator -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true -Dit.test="$tests" -Ddistdb.bench.runs="$runs" \
  -Ddistdb.bench.rows="$rows" -Ddistdb.bench.faults="$faults" | grep -E '^(bench:|\||\[ERROR\]|\[INFO\] (Tests run|BUILD))' || true
for f in operator/target/operator-e2e-bench.md operator/target/operator-idle-bench.md; do
  if [ -f "$f" ]; then echo; echo "== $f"; cat "$f"; fi
done
