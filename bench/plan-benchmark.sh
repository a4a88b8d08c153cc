#!/usr/bin/env bash
# Benchmark of the offline plan: wall time and peak memory (maximum resident set size) from a cold JVM, each
# command run RUNS times (default 10), reported as median, min and max.
#   bench/plan-benchmark.sh [RUNS]
# Measured: the plan of one stage and of all stages through bin/platform-infra (what the README gives), an empty
# Pulumi Java program under the same mock engine with the same flags (the floor), and the plan of one stage with
# plain `java -jar` (default JVM flags, no class data sharing archive) for comparison.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
launcher="$root/bin/platform-infra"
jar="$root/target/platform-infra.jar"
work="$root/target/bench"
stages=$(find "$root" -maxdepth 1 -name 'Pulumi.*.yaml' | wc -l)
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 1; }

# Build the jar and its archive first, so that no measured run pays for them.
"$launcher" --version >/dev/null

# The floor: compiled against the jar, archived the same way the launcher archives the plan.
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jar" "$root/bench/EmptyProgram.java"
jar --create --file "$work/empty-program.jar" -C "$work/classes" .
empty=(java "@$root/bin/jvm.options" -cp "$work/empty-program.jar:$jar")
"${empty[@]}" -XX:DumpLoadedClassList="$work/empty.classlist" EmptyProgram
"${empty[@]}" -Xshare:dump -XX:SharedClassListFile="$work/empty.classlist" \
  -XX:SharedArchiveFile="$work/empty.jsa" >/dev/null 2>&1

# measure LABEL COMMAND...: prints "LABEL | median | min | max | peak memory"
measure() {
  local label="$1"; shift
  local times=() peak=0 line
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1
    read -r seconds kilobytes < "$work/time.txt"
    times+=("$seconds")
    (( kilobytes > peak )) && peak=$kilobytes
  done
  line=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "%.2f s | %.2f s | %.2f s", median, t[1], t[NR] }')
  printf '| %s | %s | %d MB |\n' "$label" "$line" $(( peak / 1024 ))
  echo "${line%% s*}" > "$work/median.txt"
}

echo "Offline plan benchmark: $runs cold runs each, $(nproc) CPUs, $(java -version 2>&1 | head -1)"
echo
echo "| Command | Median | Min | Max | Peak memory |"
echo "| --- | --- | --- | --- | --- |"
measure "\`bin/platform-infra plan --stack dev\`" "$launcher" plan --stack dev
one=$(cat "$work/median.txt")
measure "\`bin/platform-infra plan --all\` ($stages stages)" "$launcher" plan --all
all=$(cat "$work/median.txt")
measure "empty program, same engine and flags (floor)" "${empty[@]}" -XX:SharedArchiveFile="$work/empty.jsa" EmptyProgram
measure "\`java -jar target/platform-infra.jar plan --stack dev\` (default flags, no archive)" \
  java -jar "$jar" plan --stack dev
echo
if (( stages > 1 )); then
  awk -v one="$one" -v all="$all" -v n="$stages" \
    'BEGIN { printf "Each extra stage in one JVM adds %.2f s (median of all stages minus one, per extra stage).\n", (all - one) / (n - 1) }'
fi
