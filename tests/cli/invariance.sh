#!/bin/sh
# SPDX-License-Identifier: MIT
# Invariance (docs/classification.md, "Invariance"): reordered copies of every
# sample and of generated archetypes give byte-identical JSON apart from the
# input's name; renamed copies the same type, confidence level and
# deterministic indicators; two wineries tied at the top-three cut give the
# same result in either row order (docs/findings.md #38).
. "$top_srcdir/tests/cli/lib.sh"
BUILD=$(cd "${top_builddir:-.}" && pwd)
SHUFFLES=${CM_SHUFFLES:-3}
RENAMES=${CM_RENAMES:-2}
if [ -z "${PYTHON3:-}" ]; then
	echo "1..0 # SKIP python3 not found"
	exit 0
fi
HELP="$PYTHON3 $TOP/tests/cli/invariance.py"

# The JSON of a classification without its "input" lines.
result() { # result FILE OUT
	cm classify -f json "$1" 2> "$TMP/err" | grep -v '^ *"input":' > "$2"
}

shuffled() { # shuffled NAME FILE: byte-identical output for each reordering
	result "$2" "$TMP/ref.json"
	[ -s "$TMP/ref.json" ]; ok $? "$1: classified"
	k=1
	while [ $k -le "$SHUFFLES" ]; do
		$HELP shuffle "$k" "$2" "$TMP/shuffled.graphml"
		result "$TMP/shuffled.graphml" "$TMP/shuffled.json"
		same "$TMP/shuffled.json" "$TMP/ref.json" "$1: reordering $k gives the same output"
		k=$((k + 1))
	done
}

renamed() { # renamed NAME FILE: same verdict for each renaming
	k=1
	while [ $k -le "$RENAMES" ]; do
		$HELP rename "$k" "$2" "$TMP/renamed.graphml"
		result "$TMP/renamed.graphml" "$TMP/renamed.json"
		$HELP same-verdict "$TMP/ref.json" "$TMP/renamed.json" > "$TMP/why"
		ok $? "$1: renaming $k gives the same verdict"
		diag < "$TMP/why"
		k=$((k + 1))
	done
}

both() { # both NAME FILE
	shuffled "$1" "$2"
	renamed "$1" "$2"
}

cd "$TOP/samples" || exit 1
for f in *.graphml; do
	both "${f%.graphml}" "$f"
done

# Archetypes: each type, a hybrid, and one with missing attributes and noise.
gen() { # gen NAME ARGS...
	name=$1
	shift
	"$BUILD/tools/archetypes" "$@" > "$TMP/$name.graphml"
	both "$name" "$TMP/$name.graphml"
}
gen italianate -n 60 -s 3 italianate
gen hub -n 60 -s 3 hub_and_spoke
gen satellite -n 60 -s 1 satellite_platform
gen state -n 60 -s 3 state_anchored
gen hybrid -n 80 -s 2 --mix hub_and_spoke italianate
gen noisy -n 40 -s 4 --missing 0.2 --noise 0.1 satellite_platform

# Two wineries, one large, tie at the cut of the top three buyers: their
# rows in either order give the same output, with half a place each.
cd "$DATA/invariance" || exit 1
result wine.graphml "$TMP/wine.json"
result wine-swapped.graphml "$TMP/swapped.json"
same "$TMP/swapped.json" "$TMP/wine.json" "wine: the tied wineries' row order does not matter"
grep -A3 '"id": "top_buyers_large"' "$TMP/wine.json" | grep -q '"value": 0.1666666667,'
ok $? "wine: the large winery holds half of the third place"
# Tied for first with a medium winery, the large one does not lead local
# buying: no hub (docs/classification.md, "Gates").
sed -n '/"gates"/,/"margin"/p' "$TMP/wine.json" | grep -A2 '"hub_and_spoke": {' |
	grep -q '"why": "the large firms among the top buyers do not lead'
ok $? "wine: a large firm tied for first, not leading, is no hub"
both wine wine.graphml

done_testing
