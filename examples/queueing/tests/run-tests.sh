#!/usr/bin/env bash
# Tests of the queueing example: build, command-line contract (OMNeT++ 6
# opp_run/Cmdenv style) and result file format (.sca/.vec/.vci version 3).
#
# Usage: tests/run-tests.sh            (from examples/queueing or anywhere)
# Needs bash, make, g++, coreutils, grep and awk. Prints PASS/FAIL per check and
# exits non-zero if any check failed.
#
# Optional: OPP_TESTDATA_DIR=/path/to/real/omnetpp-6.1/results also runs the
# file-format checkers on real OMNeT++ result files (to show the checkers
# themselves accept the genuine format).

set -u
export LC_ALL=C  # byte-oriented awk/grep, for the .vci offset checks

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$HERE/out"
Q="$ROOT/queueing"

npass=0
nfail=0
pass() { echo "PASS: $1"; npass=$((npass + 1)); }
fail() { echo "FAIL: $1${2:+ -- $2}"; nfail=$((nfail + 1)); }
# check NAME CMD...: PASS if CMD succeeds
check() {
    local name="$1"
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}
# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
    if [ "$2" == "$3" ]; then pass "$1"; else fail "$1" "expected [$2], got [$3]"; fi
}
words() { tr -s ' \t\n' ' ' | sed -e 's/^ //' -e 's/ $//'; }

rm -rf "$OUT"
mkdir -p "$OUT"
cd "$ROOT" || exit 2

#----------------------------------------------------------------------------
# build
#----------------------------------------------------------------------------
make clean >/dev/null 2>&1
if make >"$OUT/build.log" 2>&1 && [ -x "$Q" ]; then pass "build with make"; else
    fail "build with make" "see $OUT/build.log"
    cat "$OUT/build.log"
    echo "SUMMARY: $npass passed, $((nfail)) failed"
    exit 1
fi
if grep -qi "warning" "$OUT/build.log"; then fail "build is warning-free (-Wall -Wextra)" "$(grep -i warning "$OUT/build.log" | head -3)"; else pass "build is warning-free (-Wall -Wextra)"; fi

#----------------------------------------------------------------------------
# run expansion: numruns, runs, runnumbers, -a
#----------------------------------------------------------------------------
CONFIGS="General MM1 MMc Quick Faulty ServiceTime Capacity"

# product of the number of distinct values of every iteration variable
# (including $repetition), taken from the "-q runs" listing
product_of_iterations() {
    awk '{
        sub(/^Run [0-9]+: /, "")
        n = split($0, parts, /, /)
        for (i = 1; i <= n; i++) {
            split(parts[i], kv, "=")
            if (!((kv[1], kv[2]) in seen)) { seen[kv[1], kv[2]] = 1; count[kv[1]]++ }
        }
    }
    END { p = 1; for (v in count) p *= count[v]; print p }'
}

for c in $CONFIGS; do
    n=$("$Q" -u Cmdenv -c "$c" -s -q numruns)
    "$Q" -u Cmdenv -c "$c" -s -q runs >"$OUT/runs-$c.txt"
    expect_eq "-q runs lists numruns lines ($c)" "$n" "$(wc -l <"$OUT/runs-$c.txt" | words)"
    expect_eq "-q runnumbers without -r is 0..numruns-1 ($c)" "$(seq -s ' ' 0 $((n - 1)))" "$("$Q" -c "$c" -s -q runnumbers | words)"
    if [ "$c" != Capacity ]; then
        expect_eq "numruns = product of iteration sizes x repeat ($c)" "$(product_of_iterations <"$OUT/runs-$c.txt")" "$n"
    fi
done
# the expected counts spelled out (iteration sizes x repeat)
expect_eq "numruns General = 1" 1 "$("$Q" -c General -s -q numruns)"
expect_eq "numruns MM1 = 3 rho x repeat 2" $((3 * 2)) "$("$Q" -c MM1 -s -q numruns)"
expect_eq "numruns MMc = 4 n x 3 rho x repeat 2" $((4 * 3 * 2)) "$("$Q" -c MMc -s -q numruns)"
expect_eq "numruns Quick = 9 rho x 4 n x repeat 5" $((9 * 4 * 5)) "$("$Q" -c Quick -s -q numruns)"
expect_eq "numruns Faulty = 3 rho x repeat 2" $((3 * 2)) "$("$Q" -c Faulty -s -q numruns)"
expect_eq "numruns ServiceTime = 3 st x 3 \$0" $((3 * 3)) "$("$Q" -c ServiceTime -s -q numruns)"
# Capacity: 6 capacities x 4 n x 3 rho x repeat 2, minus combinations violating $cap >= $n
cap_expected=$(awk 'BEGIN { split("1 2 5 10 20 30", cap, " "); k = 0
    for (i = 1; i <= 6; i++) for (n = 1; n <= 4; n++) if (cap[i] >= n) k++
    print k * 3 * 2 }')
expect_eq "numruns Capacity honours the constraint (\$cap >= \$n)" "$cap_expected" "$("$Q" -c Capacity -s -q numruns)"
check "constraint holds in every Capacity run" awk -F'[=,]' '{ if ($2 + 0 < $4 + 0) bad = 1 } END { exit bad }' "$OUT/runs-Capacity.txt"

# nesting order: the most specific section's iteration is outermost, repetition innermost
expect_eq "-q runs line format and order (MMc run 0)" 'Run 0: $n=1, $rho=0.5, $repetition=0' "$(sed -n 1p "$OUT/runs-MMc.txt")"
expect_eq "-q runs: repetition is the innermost loop (MMc run 1)" 'Run 1: $n=1, $rho=0.5, $repetition=1' "$(sed -n 2p "$OUT/runs-MMc.txt")"
expect_eq "-q runs: inherited \${rho} is inner to \${n} (MMc run 2)" 'Run 2: $n=1, $rho=0.7, $repetition=0' "$(sed -n 3p "$OUT/runs-MMc.txt")"
expect_eq "-q runs: last run (MMc run 23)" 'Run 23: $n=4, $rho=0.9, $repetition=1' "$(sed -n 24p "$OUT/runs-MMc.txt")"
expect_eq "step ranges and unnamed iterations (\$0)" 'Run 1: $st=0.5ms, $0=0.5, $repetition=0' "$(sed -n 2p "$OUT/runs-ServiceTime.txt")"
expect_eq "float step range 0.1..0.9 step 0.1 has 9 clean values" "0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9" \
    "$(sed -e 's/.*\$rho=\([^,]*\),.*/\1/' "$OUT/runs-Quick.txt" | awk '!s[$0]++' | words)"

# run filters
expect_eq "-r list '0,3,5..9'" "0 3 5 6 7 8 9" "$("$Q" -c MMc -s -q runnumbers -r '0,3,5..9' | words)"
expect_eq "-r dash range '2-4'" "2 3 4" "$("$Q" -c MMc -s -q runnumbers -r '2-4' | words)"
expect_eq "-r expression '\$rho>0.6 && \$repetition<1'" "2 4 8 10 14 16 20 22" "$("$Q" -c MMc -s -q runnumbers -r '$rho>0.6 && $repetition<1' | words)"
expect_eq "-r expression with ||, !, parentheses" "0 1 18 19" \
    "$("$Q" -c MMc -s -q runnumbers -r '($n==1 || $n==4) && !($rho>0.6)' | words)"
expect_eq "-r expression on a quantity (\$st>=1ms)" "3 4 5 6 7 8" "$("$Q" -c ServiceTime -s -q runnumbers -r '$st>=1ms' | words)"
expect_eq "-q numruns counts the selected runs" "7" "$("$Q" -c MMc -s -q numruns -r '0,3,5..9')"
"$Q" -c MMc -s -q runnumbers -r '$n>10' >"$OUT/empty.out" 2>&1
rc=$?
expect_eq "filter matching no run: exit 0" 0 "$rc"
expect_eq "filter matching no run: one empty line (as OMNeT++ 6)" "1:" "$(grep -c '' "$OUT/empty.out"):$(words <"$OUT/empty.out")"
expect_eq "-q runnumbers prints one line, numbers preceded by a space (as OMNeT++ 6)" " 0 3" "$("$Q" -c MMc -s -q runnumbers -r 0,3)"
expect_eq "-q sectioninheritance" "Config Capacity Config MMc Config MM1 General" "$("$Q" -c Capacity -s -q sectioninheritance | words)"

# -a
"$Q" -u Cmdenv -a >"$OUT/a.out"
for c in $CONFIGS; do
    n=$("$Q" -c "$c" -s -q numruns)
    check "-a lists 'Config $c: $n'" grep -qx "Config $c: $n" "$OUT/a.out"
done
expect_eq "-a lists exactly the ini sections" 7 "$(grep -c '^Config ' "$OUT/a.out")"

# errors
expect_error() {  # NAME PATTERN CMD...
    local name="$1" pattern="$2"
    shift 2
    "$@" >"$OUT/err.stdout" 2>"$OUT/err.stderr"
    local rc=$?
    if [ $rc -eq 1 ] && grep -q -- "$pattern" "$OUT/err.stderr"; then pass "$name"; else
        fail "$name" "exit $rc, stderr: $(head -c 300 "$OUT/err.stderr")"
    fi
}
expect_error "unknown config (-q): '<!> Error: No such config' + exit 1" "^<!> Error: No such config: Nope$" "$Q" -u Cmdenv -c Nope -s -q numruns
expect_error "unknown config (run): '<!> Error: No such config' + exit 1" "^<!> Error: No such config: Nope$" "$Q" -u Cmdenv -c Nope -r 0 --result-dir "$OUT/nope"
expect_error "run number out of range (-q)" "^<!> Error: Run number 24 in run list '24' is out of range 0..23" "$Q" -c MMc -r 24 -s -q runnumbers
expect_error "run number out of range (run)" "^<!> Error: .*out of range" "$Q" -u Cmdenv -c MM1 -r 6 --result-dir "$OUT/oor"
expect_error "bad usage: unknown option" "^<!> Error:" "$Q" -u Cmdenv -Z
expect_error "bad usage: missing option argument" "^<!> Error:" "$Q" -u Cmdenv -c
expect_error "bad usage: unknown -q query" "^<!> Error:" "$Q" -c MM1 -s -q nonsense
expect_error "bad run filter expression" "^<!> Error: Cannot evaluate run filter" "$Q" -c MM1 -s -q runnumbers -r '$nosuchvar>1'
expect_error "missing ini file" "^<!> Error: Cannot open ini file" "$Q" -f "$OUT/does-not-exist.ini" -a
check "no result dir is created by failed runs" test ! -e "$OUT/nope" -a ! -e "$OUT/oor"

#----------------------------------------------------------------------------
# simulation runs
#----------------------------------------------------------------------------
RD="$OUT/rd"
"$Q" -u Cmdenv -c MMc -r 7 --result-dir "$RD" >"$OUT/run7.out" 2>"$OUT/run7.err"
rc=$?
expect_eq "a run exits 0" 0 "$rc"
check "a run writes nothing to stderr" test ! -s "$OUT/run7.err"
for pat in '^Running simulation\.\.\.$' '^\*\* Event #[0-9]+ +t=' '^<!> Simulation time limit reached -- at t=100s, event #[0-9]+$' '^End\.$'; do
    check "Cmdenv-like progress output: /$pat/" grep -Eq "$pat" "$OUT/run7.out"
done
BASE="$RD/MMc-n=2,rho=0.5-#1"  # run 7 of MMc: $n=2, $rho=0.5, $repetition=1
for ext in sca vec vci; do check "--result-dir DIR: $(basename "$BASE").$ext written" test -s "$BASE.$ext"; done
"$Q" -s -c MM1 -r 0 --result-dir="$OUT/rd2" >/dev/null
check "--result-dir=DIR form" test -s "$OUT/rd2/MM1-rho=0.5-#0.sca"
(cd "$OUT" && "$Q" -s -f "$ROOT/omnetpp.ini" -c General >/dev/null)
check "default result dir is ./results, General run file name 'General-#0.sca'" test -s "$OUT/results/General-#0.sca"
"$Q" -s -c ServiceTime -r 0 --result-dir "$OUT/st" >/dev/null
check "units and unnamed iterations in file names (ServiceTime-st=0.5ms,0.25-#0.sca)" test -s "$OUT/st/ServiceTime-st=0.5ms,0.25-#0.sca"

# determinism: same config and run number => identical results, except run id, datetime, processid, fingerprint
DET="$OUT/det"
"$Q" -s -c MMc -r 5 --result-dir "$DET" >/dev/null && mv "$DET" "$DET.1" && "$Q" -s -c MMc -r 5 --result-dir "$DET" >/dev/null
normalize() {  # drops the varying lines; makes .vci block offsets relative to the first block
    grep -Ev '^(run |attr (datetime|datetimef|processid) |file )' "$1" |
        awk -F'\t' 'NF == 2 && $1 ~ /^[0-9]+$/ { n = split($2, f, " "); if (base == "") base = f[1]; f[1] -= base
                     s = $1 "\t" f[1]; for (i = 2; i <= n; i++) s = s " " f[i]; print s; next } { print }'
}
for ext in sca vec vci; do
    f1=$(ls "$DET.1"/*."$ext") f2=$(ls "$DET"/*."$ext")
    if cmp -s <(normalize "$f1") <(normalize "$f2"); then pass "determinism: two runs of MMc #5 give identical .$ext"; else
        fail "determinism: two runs of MMc #5 give identical .$ext" "$(diff <(normalize "$f1") <(normalize "$f2") | head -5)"
    fi
done
check "determinism: only run id/datetime/processid lines differ in .sca" \
    test "$(diff "$DET.1"/*.sca "$DET"/*.sca | grep -E '^[<>]' | grep -Evc '^[<>] (run |attr (datetime|datetimef|processid) )')" = 0
"$Q" -s -c MMc -r 4 --result-dir "$OUT/det4" >/dev/null
check "different repetitions give different results" bash -c "! cmp -s <(grep '^scalar' '$DET'/*.sca) <(grep '^scalar' '$OUT/det4'/*.sca)"

# --KEY=VALUE overrides
"$Q" -s -c MM1 -r 2 --sim-time-limit=3s --result-dir "$OUT/stl" >"$OUT/stl.out"
check "--sim-time-limit=3s overrides the ini" grep -q '^<!> Simulation time limit reached -- at t=3s, event #' "$OUT/stl.out"
check "--sim-time-limit is recorded first among the config lines" grep -q '^config sim-time-limit 3s$' "$OUT/stl"/*.sca
check "scalar 'duration' follows sim-time-limit" grep -q '^scalar Queueing duration 3$' "$OUT/stl"/*.sca
"$Q" -s -c MM1 -r 2 --**.vector-recording=false --result-dir "$OUT/novec" >/dev/null
check "--**.vector-recording=false: no .vec/.vci" bash -c "! ls '$OUT/novec'/*.vec '$OUT/novec'/*.vci >/dev/null 2>&1"
check "--**.vector-recording=false: .sca still written" test -s "$OUT/novec/MM1-rho=0.7-#0.sca"
"$Q" -s -c MM1 -r 2 --vector-recording=false --result-dir "$OUT/novec2" >/dev/null
check "--vector-recording=false (no object path) also disables vectors" bash -c "! ls '$OUT/novec2'/*.vec >/dev/null 2>&1"
check "...and is recorded as **.vector-recording" grep -q '^config \*\*\.vector-recording false$' "$OUT/novec2"/*.sca
"$Q" -s -c MM1 -r 2 '--**.lifeTime:vector.vector-recording=false' --result-dir "$OUT/onevec" >/dev/null
check "per-vector vector-recording=false drops only that vector" \
    bash -c "! grep -q '^vector .* lifeTime:vector' '$OUT/onevec'/*.vec && grep -q '^vector .* queueLength:vector' '$OUT/onevec'/*.vec"
"$Q" -s -c General --**.numServers=3 --result-dir "$OUT/par" >/dev/null
check "--Queueing parameter override (--**.numServers=3) reaches the model" grep -q '^par Queueing numServers 3$' "$OUT/par"/*.sca

# Faulty: listed runs fail with <!> Error: and exit 1 after partial output
"$Q" -u Cmdenv -c Faulty -r 1 --result-dir "$OUT/faulty" >"$OUT/faulty.out" 2>"$OUT/faulty.err"
rc=$?
expect_eq "Faulty run 1 exits 1" 1 "$rc"
check "Faulty run 1 prints '<!> Error:' on stderr" grep -q '^<!> Error: ' "$OUT/faulty.err"
check "Faulty run 1 produced partial output first" grep -q '^\*\* Event #0 ' "$OUT/faulty.out"
check "Faulty run 1 left a .sca with the run header" grep -q '^run Faulty-1-' "$OUT/faulty"/*.sca
check "Faulty run 1 records no results (finish() not reached)" bash -c "! grep -q '^scalar' '$OUT/faulty'/*.sca"
"$Q" -u Cmdenv -c Faulty -r 0 --result-dir "$OUT/faulty" >/dev/null 2>&1
expect_eq "Faulty run 0 (not in fail-runs) exits 0" 0 $?
"$Q" -u Cmdenv -c Faulty -r 4 -m --result-dir "$OUT/faulty" >"$OUT/faulty4.out" 2>&1
rc=$?
expect_eq "Faulty run 4 exits 1" 1 "$rc"
check "-m reports the error on stdout" grep -q '^<!> Error: ' "$OUT/faulty4.out"

# Quick runs are short (dispatch-rate benchmarks): each well under 50 ms
start=$(date +%s%N)
for r in 0 45 90 135 179; do "$Q" -s -c Quick -r "$r" --result-dir "$OUT/quick" >/dev/null || fail "Quick run $r"; done
ms=$((($(date +%s%N) - start) / 5000000))
if [ "$ms" -lt 50 ]; then pass "Quick runs take ${ms} ms each on average (< 50 ms)"; else fail "Quick runs take ${ms} ms each (>= 50 ms)"; fi

# several runs in one process, like opp_runall batches
"$Q" -c MM1 -r 0..2 --sim-time-limit=2s --result-dir "$OUT/batch" >"$OUT/batch.out"
check "one process runs a batch (-r 0..2) and reports 'Run statistics: total 3, successful 3'" \
    grep -q '^Run statistics: total 3, successful 3$' "$OUT/batch.out"
expect_eq "...writing one .sca per run" 3 "$(ls "$OUT/batch"/*.sca | wc -l | words)"

#----------------------------------------------------------------------------
# result file format
#----------------------------------------------------------------------------

# checks an .sca file; prints problems, exits non-zero if any
check_sca() {
    awk '
    function problem(msg) { print FILENAME ":" FNR ": " msg; bad = 1 }
    function close_stat() {
        if (nf != 7) problem("statistic at line " stat " has " nf " fields, expected 7")
        if (bins && bincount != cnt) problem("statistic at line " stat ": bins sum to " bincount ", count is " cnt)
        if (bins) nhist++
        nstat++
        stat = 0
    }
    FNR == 1 && $0 != "version 3" { problem("first line is not \"version 3\"") }
    !(/^(version|run|attr|itervar|config|par|scalar|statistic|field|bin)[ \t]/ || /^$/) { problem("unknown line: " $0) }
    {   # double quotes must balance (backslash escapes removed first)
        line = $0; gsub(/\\./, "", line); if (gsub(/"/, "", line) % 2) problem("unbalanced quotes: " $0)
    }
    stat && (/^(statistic|scalar|par|run|itervar|config)[ ]/ || /^$/) { close_stat() }
    /^statistic / { stat = FNR; nf = 0; bins = 0; bincount = 0; cnt = -1 }
    /^field / {
        nf++
        if ($2 != wanted[nf]) problem("field " nf " is " $2 ", expected " wanted[nf])
        if ($2 == "count") cnt = $3
    }
    /^bin/ {
        if ($0 !~ /^bin\t[^\t ]+\t[^\t ]+$/) problem("bin line is not tab-separated: " $0)
        bins++; bincount += $3
    }
    BEGIN { split("count mean stddev min max sum sqrsum", wanted, " ") }
    END {
        if (stat) close_stat()
        if (nstat == 0) problem("no statistic")
        if (nhist == 0) problem("no histogram with bin lines")
        exit bad
    }' "$1"
}

# checks a .vec/.vci pair: vector ids declared, index blocks match the data
check_vec_vci() {
    local vec="$1" vci="$2"
    local size
    size=$(wc -c <"$vec" | words)
    awk -v size="$size" -v vecfile="$vec" '
    function problem(msg) { print msg; bad = 1 }
    function abs(x) { return x < 0 ? -x : x }
    function near(a, b) { return abs(a - b) <= 1e-9 * (abs(a) > abs(b) ? abs(a) : abs(b)) + 1e-300 }
    # pass 1: the .vec file
    FNR == NR {
        if (FNR == 1 && $0 != "version 3") problem(vecfile ": first line is not \"version 3\"")
        if ($0 ~ /^vector /) { declared[$2] = 1; cols[$2] = ($5 == "" ? "TV" : $5) }
        else if ($0 ~ /^[0-9]+\t/) {
            n = split($0, f, "\t")
            if (!(f[1] in declared)) problem(vecfile ":" FNR ": data for undeclared vector " f[1])
            expect = (cols[f[1]] == "ETV") ? 4 : 3
            if (n != expect) problem(vecfile ":" FNR ": " n " columns, expected " expect)
            k++; lid[k] = f[1]; loff[k] = off; lev[k] = (expect == 4 ? f[2] : ""); lt[k] = f[expect - 1]; lv[k] = f[expect]
            at[off] = k; datalines[f[1]]++; ndata++
        }
        off += length($0) + 1
        next
    }
    # pass 2: the .vci file
    FNR == 1 {
        if ($1 != "file" || $2 != size) problem("vci fingerprint \"" $0 "\" does not match .vec size " size)
        if (length($0) != 64) problem("vci first line is not padded to 64 characters")
        next }
    FNR == 2 && $0 != "version 3" { problem("vci second line is not \"version 3\"") }
    /^vector / { if (!($2 in declared)) problem("vci declares vector " $2 " which the .vec does not") }
    /^[0-9]+\t/ {
        split($0, t, "\t"); id = t[1]; m = split(t[2], b, " ")
        ev = (m == 11); o = b[1]; sz = b[2]; i = ev ? 4 : 2
        fe = ev ? b[3] : ""; le = ev ? b[4] : ""; ft = b[i+1]; lt2 = b[i+2]; c = b[i+3]; mn = b[i+4]; mx = b[i+5]; sm = b[i+6]
        nblocks++
        if (!(o in at)) { problem("block of vector " id " at offset " o " does not start a data line"); next }
        j = at[o]; cnt = 0; vmin = ""; vmax = ""; vsum = 0
        while (j <= k && loff[j] < o + sz) {
            if (lid[j] != id) { problem("block of vector " id " at " o " contains a line of vector " lid[j]); break }
            if (vmin == "" || lv[j] + 0 < vmin) vmin = lv[j] + 0
            if (vmax == "" || lv[j] + 0 > vmax) vmax = lv[j] + 0
            vsum += lv[j]; cnt++; last = j; j++ }
        endoff = (j <= k) ? loff[j] : -1
        if (cnt != c) problem("block of vector " id " at " o ": index count " c ", .vec has " cnt " lines")
        if (j <= k && endoff != o + sz) problem("block of vector " id " at " o ": size " sz " does not end at a line boundary")
        if (lt[at[o]] != ft || lt[last] != lt2) problem("block of vector " id " at " o ": time range mismatch")
        if (ev && (lev[at[o]] != fe || lev[last] != le)) problem("block of vector " id " at " o ": event range mismatch")
        if (!near(vmin, mn) || !near(vmax, mx) || !near(vsum, sm)) problem("block of vector " id " at " o ": min/max/sum mismatch")
        indexed[id] += c }
    END {
        if (ndata == 0) problem("no data lines in the .vec")
        if (nblocks == 0) problem("no block lines in the .vci")
        for (id in datalines) if (indexed[id] != datalines[id]) problem("vector " id ": " datalines[id] " data lines, index covers " indexed[id] + 0)
        exit bad }' "$vec" "$vci"
}

SCA="$BASE.sca" VEC="$BASE.vec" VCI="$BASE.vci"
expect_eq ".sca first line is 'version 3'" "version 3" "$(head -1 "$SCA")"
expect_eq ".vec first line is 'version 3'" "version 3" "$(head -1 "$VEC")"
check ".sca run line 'run MMc-7-DATE-TIME-PID'" grep -Eq '^run MMc-7-[0-9]{8}-[0-9]{2}:[0-9]{2}:[0-9]{2}-[0-9]+$' "$SCA"
for a in configname datetime experiment inifile iterationvars iterationvarsf measurement network processid repetition replication resultdir runnumber seedset; do
    check ".sca has 'attr $a'" grep -q "^attr $a " "$SCA"
done
check ".sca attr values: quoted iterationvars, replication #1, runnumber 7" \
    grep -qx 'attr iterationvars "$n=2, $rho=0.5"' "$SCA"
check ".sca attr replication #1" grep -qx 'attr replication #1' "$SCA"
check ".sca attr iterationvarsf n=2,rho=0.5-" grep -qx 'attr iterationvarsf n=2,rho=0.5-' "$SCA"
check ".sca itervar lines (itervar n 2, itervar rho 0.5)" bash -c "grep -qx 'itervar n 2' '$SCA' && grep -qx 'itervar rho 0.5' '$SCA'"
# config lines: command-line options first, then MMc, MM1 and General entries in file order
expect_eq ".sca config lines in section order (command line, MMc, MM1, General)" \
    "result-dir numServers=2 rho=0.5 repeat=2 network numServers=1 rho=0.5" \
    "$(awk '/^config result-dir / { printf "result-dir " } /^config \*\*\.numServers / { printf "numServers=%s ", $3 }
             /^config \*\*\.rho / { printf "rho=%s ", $3 } /^config repeat / && $3 == 2 { printf "repeat=2 " }
             /^config network / { printf "network " }' "$SCA" | words)"
check ".sca quotes config values with spaces" grep -qx 'config description "M/M/c queue: number of servers x load"' "$SCA"
check ".sca has scalars with attr lines (unit)" bash -c "grep -A4 '^scalar Queueing.queue queueingTime:mean' '$SCA' | grep -qx 'attr unit s'"
check ".sca has per-server utilization scalars" bash -c "[ \$(grep -c '^scalar Queueing.server\[[01]\] busy:timeavg 0\.' '$SCA') = 2 ]"
check ".sca statistics have the 7 fields, histograms have tab-separated bins summing to count" check_sca "$SCA"
check ".sca par lines with quoted string values" grep -qx 'par Queueing.server\[0\] typename "\\"Server\\""' "$SCA"
check ".sca ends with an empty line" test -z "$(tail -1 "$SCA")"
check ".vec/.vci: vector ids declared, block offsets/sizes/counts/ranges/min/max/sum match" check_vec_vci "$VEC" "$VCI"
check ".vec data lines are tab-separated 'ID EVENT TIME VALUE'" grep -Eq $'^0\t[0-9]+\t[0-9.]+\t[0-9.e+-]+$' "$VEC"
check ".vci repeats the run header of the .vec" cmp -s <(sed -n '2,/^$/p' "$VCI") <(sed -n '1,/^$/p' "$VEC")
check "several blocks per vector are indexed (vector-buffer flushes)" bash -c "[ \$(grep -c \$'^0\t' '$VCI') -ge 2 ]"

# the checkers reject broken files (so the checks above can fail)
check_fails() {  # NAME CMD...: PASS if CMD fails
    local name="$1"
    shift
    if "$@" >/dev/null 2>&1; then fail "$name"; else pass "$name"; fi
}
B="$OUT/broken"
mkdir -p "$B"
cp "$VEC" "$B/a.vec"
awk -F'\t' 'NF == 2 && !done && $1 ~ /^[0-9]+$/ { split($2, f, " "); sub(/^[0-9]+/, f[1] + 1, $2); done = 1 } { print }' OFS='\t' "$VCI" >"$B/a.vci"
check_fails "vec/vci checker rejects a shifted block offset" check_vec_vci "$B/a.vec" "$B/a.vci"
awk -F'\t' 'NF == 2 && !done && $1 ~ /^[0-9]+$/ { n = split($2, f, " "); f[n - 4] += 1; s = f[1]; for (i = 2; i <= n; i++) s = s " " f[i]; $2 = s; done = 1 } { print }' OFS='\t' "$VCI" >"$B/a.vci"
check_fails "vec/vci checker rejects a wrong block count" check_vec_vci "$B/a.vec" "$B/a.vci"
cp "$VCI" "$B/a.vci"
printf '99\t1\t0.5\t1\n' >>"$B/a.vec"
check_fails "vec/vci checker rejects data of an undeclared vector" check_vec_vci "$B/a.vec" "$B/a.vci"
grep -v '^field stddev' "$SCA" >"$B/a.sca"
check_fails "sca checker rejects a statistic with a missing field" check_sca "$B/a.sca"
sed '0,/^bin\t/s/^bin\t\([^\t]*\)\t/bin \1 /' "$SCA" >"$B/b.sca"
check_fails "sca checker rejects a bin line that is not tab-separated" check_sca "$B/b.sca"
sed '0,/^bin\t[^\t]*\t[1-9]/s/^\(bin\t[^\t]*\t\)\([0-9]*\)$/\1999999/' "$SCA" >"$B/c.sca"
check_fails "sca checker rejects bins that do not sum to the count" check_sca "$B/c.sca"

# nan/inf where meaningful
"$Q" -s -c Capacity -r 0 --sim-time-limit=5s --result-dir "$OUT/cap" >/dev/null
check "nan: Erlang C waiting time with finite capacity" grep -qx 'scalar Queueing theoreticalQueueingTime nan' "$OUT/cap"/*.sca
check "finite capacity drops jobs" grep -Eq '^scalar Queueing.queue dropped:count [1-9]' "$OUT/cap"/*.sca
"$Q" -s -c General --**.rho=1.5 --sim-time-limit=2s --result-dir "$OUT/unstable" >/dev/null
check "inf: Erlang C waiting time of an overloaded queue (rho=1.5)" grep -qx 'scalar Queueing theoreticalQueueingTime inf' "$OUT/unstable"/*.sca
# all files written so far pass the format checks
allok=1
for f in $(find "$OUT" -name '*.sca' | grep -v -e /faulty/ -e /broken/); do check_sca "$f" >/dev/null || { allok=0; check_sca "$f" | head -3; }; done
check "every successful run's .sca passes the format check" test $allok = 1
allok=1
for f in $(find "$OUT" -name '*.vec' | grep -v /broken/); do check_vec_vci "$f" "${f%.vec}.vci" >/dev/null || { allok=0; check_vec_vci "$f" "${f%.vec}.vci" | head -3; }; done
check "every .vec/.vci pair (including the failed runs' partial ones) is consistent" test $allok = 1
# the modelled system: measured mean queueing time close to the Erlang C value
"$Q" -s -c General --**.numServers=2 --**.rho=0.7 --sim-time-limit=2000s --**.vector-recording=false --result-dir "$OUT/erlang" >/dev/null
check "M/M/2 at rho=0.7: simulated mean queueing time within 5% of Erlang C" awk '
    /^scalar Queueing.queue queueingTime:mean / { m = $4 } /^scalar Queueing theoreticalQueueingTime / { t = $4 }
    END { d = (m - t) / t; if (d < 0) d = -d; exit !(t > 0 && d < 0.05) }' "$OUT/erlang"/*.sca

# the checkers themselves accept genuine OMNeT++ 6.1 files
if [ -n "${OPP_TESTDATA_DIR:-}" ]; then
    for f in "$OPP_TESTDATA_DIR"/*.sca; do check "format checker accepts real OMNeT++ file $(basename "$f")" check_sca "$f"; done
    for f in "$OPP_TESTDATA_DIR"/*.vec; do check "vec/vci checker accepts real OMNeT++ file $(basename "$f")" check_vec_vci "$f" "${f%.vec}.vci"; done
fi

echo "SUMMARY: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
