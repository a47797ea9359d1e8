#!/usr/bin/env bash
# talks beside its peers on the same generated rounds, at 1,000, 10,000 and 100,000 rounds:
#  - first screen: milliseconds from starting the program in a 120x35 tmux pane until the
#    first round's id is on screen, for talks cold (--no-cache), talks reopening an
#    unchanged file (load cache), csvlens and VisiData on the same rounds as CSV;
#  - `talks list venue:geneve` cold against python's json.load of the same rounds as JSON.
# Peers that are not installed are skipped (their cells say so). Each figure is the best of
# RUNS runs (default 3). The load cache goes to target/scale/cache, never the user's.
# Usage: benches/peers.sh [SIZES...]   (from the repository root; needs tmux)
set -euo pipefail

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
runs=${RUNS:-3}
command -v tmux >/dev/null || { echo "peers.sh: tmux is needed to time first screens" >&2; exit 1; }

cargo build --release --quiet --bin talks --example gen
dir=target/scale
mkdir -p "$dir"
export XDG_CACHE_HOME="$PWD/$dir/cache"
talks=$PWD/target/release/talks

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Milliseconds until a tmux pane running the command shows $1 (gives up after 5 minutes).
first_screen_ms() {
    local want=$1 session="peers-$$" start end
    shift
    start=$(now_ms)
    tmux new-session -d -s "$session" -x 120 -y 35 "$@"
    until tmux capture-pane -p -t "$session" 2>/dev/null | grep -qF -- "$want"; do
        if (( $(now_ms) - start > 300000 )); then break; fi
        sleep 0.005
    done
    end=$(now_ms)
    tmux kill-session -t "$session" 2>/dev/null || true
    echo $(( end - start ))
}

# The best of $runs runs of a function printing milliseconds.
best() {
    local best="" ms
    for _ in $(seq "$runs"); do
        ms=$("$@")
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$best"
}

run_ms() {
    local start
    start=$(now_ms)
    "$@" >/dev/null 2>&1
    echo $(( $(now_ms) - start ))
}

printf '| rounds | talks first screen, cold | talks, cache hit | csvlens | VisiData | talks list cold ÷ json.load |\n'
printf '|---:|---:|---:|---:|---:|---:|\n'
for n in "${sizes[@]}"; do
    file="$dir/gen-$n.ron"
    [ -f "$file" ] || target/release/examples/gen --rounds "$n" -o "$file"
    csv="$dir/gen-$n.csv"
    json="$dir/gen-$n.json"
    [ -f "$csv" ] || "$talks" --no-cache --data "$file" list --format csv >"$csv"
    [ -f "$json" ] || "$talks" --no-cache --data "$file" list --format json >"$json"
    # The earliest round: the first row of talks (date order) and of the CSV.
    first=$(sed -n 2p "$csv" | cut -d, -f1)
    cold=$(best first_screen_ms "$first" "$talks" --no-cache --data "$file")
    "$talks" --data "$file" list id:no-such-round >/dev/null 2>&1 # writes the cache entry
    hit=$(best first_screen_ms "$first" "$talks" --data "$file")
    lens="not installed"
    if command -v csvlens >/dev/null; then lens="$(best first_screen_ms "$first" csvlens "$csv") ms"; fi
    vd="not installed"
    if command -v vd >/dev/null; then vd="$(best first_screen_ms "$first" vd "$csv") ms"; fi
    list=$(best run_ms "$talks" --no-cache --data "$file" list venue:geneve)
    py=$(best run_ms python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$json")
    ratio=$(awk -v a="$list" -v b="$py" 'BEGIN { printf "%.2f", a / b }')
    printf '| %d | %d ms | %d ms | %s | %s | %s (%d / %d ms) |\n' "$n" "$cold" "$hit" "$lens" "$vd" "$ratio" "$list" "$py"
done
