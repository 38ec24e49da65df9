#!/usr/bin/env bash
# Writes a benchmark campaign in OMNeT++ 6 result format (version 3) into DIR:
#   DIR/runs/run-N/  (N = 0..RUNS-1) each with one .sca of SCALARS_PER_RUN scalars and a .out log;
#   DIR/vec/         one run with a .vec (and .vci-free) of VECTOR_POINTS data points over 10 vectors;
#   DIR/copy.tsv     the same scalar rows in COPY text format, for the psql baseline.
# Usage: generate.sh DIR [RUNS] [SCALARS_PER_RUN] [VECTOR_POINTS]
set -euo pipefail
dir=$1
runs=${2:-100}
per_run=${3:-10000}
points=${4:-1000000}
rm -rf "$dir" && mkdir -p "$dir/runs" "$dir/vec"

for ((run = 0; run < runs; run++)); do
    x=$((run / 10)); rep=$((run % 10))
    d="$dir/runs/run-$run"; mkdir -p "$d"
    stem="Bench-x=$x-#$rep"
    awk -v run="$run" -v x="$x" -v rep="$rep" -v n="$per_run" -v tsv="$dir/copy.tsv" '
    BEGIN {
        print "version 3"
        print "run Bench-" run "-20261125-10:00:00-1"
        print "attr configname Bench"
        print "attr iterationvars \"$x=" x "\""
        print "attr measurement \"$x=" x "\""
        print "attr repetition " rep
        print "attr runnumber " run
        print "itervar x " x
        print "config sim-time-limit 100s"
        print ""
        srand(run + 1)
        modules = int(n / 100)
        for (m = 0; m < modules; m++) {
            for (s = 0; s < 100; s++) {
                v = x + rand()
                printf "scalar Net.node[%d].app stat%d:mean %.14g\n", m, s, v
                if (s % 5 == 0) print "attr unit s"
                printf "%d\tNet.node[%d].app\tstat%d:mean\t%.14g\n", run, m, s, v >> tsv
            }
        }
    }' > "$d/$stem.sca"
    printf 'Preparing for running configuration Bench, run #%d...\nEnd.\n' "$run" > "$d/$stem.out"
done

awk -v n="$points" '
BEGIN {
    print "version 3"
    print "run Bench-vec-20261125-10:00:00-1"
    print "attr configname Bench"
    print "attr repetition 0"
    print ""
    for (v = 0; v < 10; v++) { print "vector " v " Net.node[" v "].app delay:vector ETV"; print "attr unit s" }
    srand(7)
    t = 0
    for (i = 0; i < n; i++) {
        t += rand() / 1000
        printf "%d\t%d\t%.12f\t%.14g\n", i % 10, i, t, rand()
    }
}' > "$dir/vec/Bench-vec-#0.vec"
printf 'vector run\n' > "$dir/vec/Bench-vec-#0.out"
