#!/bin/sh
# bench/storebench.sh: the store-write benchmark of `make bench-store` (issue
# 17). Builds bench/storebench from this tree and from a baseline commit
# (BASE, default the commit before the write-path work), then builds the
# same store of EVENTS synthetic events with each, alternating, ROUNDS
# times, and prints each run's events/s and peak RSS and the median ratio.
# The baseline is built from `git archive BASE` in a temporary folder with
# this tree's bench/storebench/main.go and bench/bigfacts, which use only
# graph.Open, Store.PutFactsBatch and the model types.
set -eu
BASE=${BASE:-42cb0de}
EVENTS=${EVENTS:-1000000}
ROUNDS=${ROUNDS:-1}
GO=${GO:-go}
# FLAGS: more flags for both builds, e.g. -as-load (open as eventgraph load does)
FLAGS=${FLAGS:-}
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-store.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$root"
$GO build -o "$tmp/new" ./bench/storebench
mkdir "$tmp/base-src"
git archive "$BASE" | tar -x -C "$tmp/base-src"
mkdir -p "$tmp/base-src/bench/storebench" "$tmp/base-src/bench/bigfacts"
cp bench/storebench/main.go "$tmp/base-src/bench/storebench/main.go"
cp bench/bigfacts/bigfacts.go "$tmp/base-src/bench/bigfacts/bigfacts.go"
(cd "$tmp/base-src" && $GO build -o "$tmp/base" ./bench/storebench)
echo "store build: $EVENTS synthetic events (bench/storebench), baseline $BASE, $ROUNDS round(s), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while [ "$i" -lt "$ROUNDS" ]; do
	i=$((i + 1))
	for v in base new; do
		# shellcheck disable=SC2086
		GOMAXPROCS=${GOMAXPROCS:-1} "$tmp/$v" -events "$EVENTS" -db "$tmp/db-$v" -label "$v" $FLAGS | tee -a "$tmp/out"
	done
done
awk '
/events\/s=/ {
	for (f = 1; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] }
	if ($1 == "base") { b[nb++] = v["events/s"]; br[nbr++] = v["peak-rss-MB"]; bc[nbc++] = v["cpu-s"] }
	else { n[nn++] = v["events/s"]; nr[nnr++] = v["peak-rss-MB"]; nc[nnc++] = v["cpu-s"] }
}
END {
	m = (nb < nn) ? nb : nn
	for (i = 0; i < m; i++) { r[i] = n[i] / b[i] }
	# median of the per-round ratios (sort: m is small)
	for (i = 0; i < m; i++) for (j = i + 1; j < m; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
	printf "events/s: baseline %s, this tree %s; ratio (median of rounds) %.2fx\n", b[0], n[0], r[int((m - 1) / 2)]
	printf "CPU seconds: baseline %s, this tree %s (first round)\n", bc[0], nc[0]
	printf "peak RSS MB: baseline %s, this tree %s (goal: >= 70000 events/s, <= 500 MB)\n", br[0], nr[0]
}' "$tmp/out"
