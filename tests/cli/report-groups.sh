#!/bin/sh
# SPDX-License-Identifier: MIT
# clustermap report above --interactive-max: the map's groups (kind of actor
# by side of the region, a kind or location not given kept apart), their
# members, ties within and between them per layer, and the members of highest
# betweenness, against values worked out by hand for tests/data/report/
# groups.graphml; the same groups for reordered and renamed copies of it and
# of samples/prato.graphml. tests/browser/report.py draws them.
. "$top_srcdir/tests/cli/lib.sh"
cd "$DATA/report" || exit 1
EXP="$TOP/tests/cli/expected"
if [ -z "${PYTHON3:-}" ] && ! command -v python3 > /dev/null 2>&1; then
	echo "1..0 # SKIP python3 not found"
	exit 0
fi
PY="${PYTHON3:-python3}"
GROUPS="$PY $TOP/tests/cli/report-groups.py"
MIX="$PY $TOP/tests/cli/invariance.py"

# By hand (layers in the reader's order: supplier 0, information 1): the firms
# inside (f1, f2, f3) hold supplier f1-f2, f2-f3 and information f1-f2 within;
# supplier f3-f4 and f1-f4 join them to the firm outside, f5-f1 to the firm
# whose location is not given, n1-f2 to the actor of no kind inside;
# information f1-a1 and f2-a1 to the association; a1-u1 and u1-f4 reach the
# university, n2-n1 joins the two of no kind. Betweenness on all layers: f2
# holds every path of n1 and n2 to the rest (14), f1 those of f5 and more (9),
# f3 few (1.5).
cm report --interactive-max 8 -o "$TMP/g.html" groups.graphml 2> "$TMP/err"
status $? 0 "a report of 9 actors with --interactive-max 8 exits 0"
$GROUPS "$TMP/g.html" > "$TMP/g.json"
same "$TMP/g.json" "$EXP/report-groups.json" "the groups, their members and ties"

cm report --interactive-max 9 -o "$TMP/a.html" groups.graphml 2> "$TMP/err"
[ "$($GROUPS "$TMP/a.html")" = "no groups" ] && grep -q '"x":\[' "$TMP/a.html"
ok $? "up to --interactive-max the actors are drawn one by one, without groups"

# Reordered and renamed copies: the same groups, ties and top members.
for f in groups.graphml "$TOP/samples/prato.graphml"; do
	name=$(basename "$f" .graphml)
	cm report --interactive-max 10 -o "$TMP/ref.html" "$f" 2> "$TMP/err"
	$GROUPS "$TMP/ref.html" > "$TMP/ref.json"
	for how in shuffle rename; do
		for k in 1 2; do
			$MIX $how $k "$f" "$TMP/mixed.graphml"
			cm report --interactive-max 10 -o "$TMP/mixed.html" "$TMP/mixed.graphml" \
				2> "$TMP/err"
			$GROUPS "$TMP/mixed.html" > "$TMP/mixed.json"
			same "$TMP/mixed.json" "$TMP/ref.json" "$name: $how $k gives the same groups"
		done
	done
done
done_testing
