#!/usr/bin/env bash
# Runs every ChatDirectory benchmark of issue 12 and leaves the raw results in benchmarks/results/.
# Usage: benchmarks/run.sh [quick|full]   (quick is the default: short JMH runs, small migration)
# Knobs: JMH="-f 1 -wi 2 -i 3 -w 2s -r 3s" overrides the JMH run lengths; SECTIONS="overhead coldstart
# streaming migration" picks sections.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-benchmarks/target/benchmarks.jar}
OUT=benchmarks/results
MODE=${1:-quick}
if [[ ! -f $JAR ]]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
mkdir -p "$OUT"
if [[ $MODE == full ]]; then
  JMH=${JMH:-"-f 1 -wi 3 -i 5 -w 3s -r 5s"}
else
  JMH=${JMH:-"-f 1 -wi 2 -i 3 -w 1s -r 2s"}
fi
SECTIONS=${SECTIONS:-"overhead coldstart streaming migration"}
{ echo "date: $(date -u)"; echo "nproc: $(nproc)"; java -version 2>&1; uptime; } > "$OUT/machine.txt"

for section in $SECTIONS; do
  case $section in
    overhead)
      # Latency on one thread (mean and percentiles), allocation per call.
      java -jar $JAR 'AdapterOverheadBenchmark' $JMH -t 1 -bm sample -tu us -prof gc \
        -rf json -rff "$OUT/overhead-t1.json" | tee "$OUT/overhead-t1.txt"
      for t in 4 16; do
        java -jar $JAR 'AdapterOverheadBenchmark' $JMH -t $t -bm thrpt -tu s \
          -rf json -rff "$OUT/overhead-t$t.json" | tee "$OUT/overhead-t$t.txt"
      done
      ;;
    coldstart)
      java -jar $JAR 'ColdStartBenchmark' -rf json -rff "$OUT/coldstart.json" | tee "$OUT/coldstart.txt"
      ;;
    streaming)
      java -jar $JAR 'StreamingBenchmark' -rf json -rff "$OUT/streaming.json" | tee "$OUT/streaming.txt"
      ;;
    migration)
      java -jar $JAR 'MigrationBenchmark' -rf json -rff "$OUT/migration.json" | tee "$OUT/migration.txt"
      ;;
    *) echo "unknown section $section" >&2; exit 2 ;;
  esac
done
