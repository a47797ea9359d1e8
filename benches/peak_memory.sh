#!/usr/bin/env bash
# Peak memory (maximum resident set size) of `talks check FILE` beside a bare RON parse of
# the same file (examples/bare_parse.rs), at 1,000, 10,000 and 100,000 generated rounds;
# then what the browser holds, opened cold (--no-cache) and from the load cache.
# Usage: benches/peak_memory.sh [SIZES...]   (from the repository root)
set -euo pipefail

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
if [ ! -x /usr/bin/time ]; then
    echo "peak_memory.sh: /usr/bin/time is missing (GNU time, package \`time\`)" >&2
    exit 1
fi

cargo build --release --quiet --bin talks --example gen --example bare_parse
dir=target/scale
mkdir -p "$dir"
# The load cache of these runs, never the user's.
export XDG_CACHE_HOME="$PWD/$dir/cache"

# Maximum resident set size in KB of a command; its output is discarded.
peak_kb() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}

printf '| rounds | file MB | talks check peak MB | bare parse peak MB | ratio | open cold peak MB | ÷ file | open from cache peak MB | ÷ file |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for n in "${sizes[@]}"; do
    file="$dir/gen-$n.ron"
    [ -f "$file" ] || target/release/examples/gen --rounds "$n" -o "$file"
    check=$(peak_kb target/release/talks check "$file")
    bare=$(peak_kb target/release/examples/bare_parse "$file")
    # What the browser holds: the validated dataset plus every index (`list` builds them).
    opened=$(peak_kb target/release/talks --no-cache --data "$file" list id:no-such-round)
    target/release/talks --data "$file" list id:no-such-round >/dev/null # writes the cache entry
    cached=$(peak_kb target/release/talks --data "$file" list id:no-such-round)
    size=$(stat -c %s "$file")
    awk -v n="$n" -v s="$size" -v c="$check" -v b="$bare" -v o="$opened" -v h="$cached" \
        'BEGIN { printf "| %d | %.0f | %.0f | %.0f | %.2f× | %.0f | %.2f× | %.0f | %.2f× |\n", n, s/1e6, c/1024, b/1024, c/b, o/1024, o*1024/s, h/1024, h*1024/s }'
done
