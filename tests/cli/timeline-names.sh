#!/bin/sh
# SPDX-License-Identifier: MIT
# timeline names the actors behind its counts: who entered, who left and
# whose attributes changed (a takeover) in every snapshot, by key and
# label, in text, CSV and JSON; --no-names leaves the labels out, as in
# diff and metrics.
. "$top_srcdir/tests/cli/lib.sh"
EXP="$TOP/tests/cli/expected"
cd "$DATA/time" || exit 1
P="--permutations 0 --no-classify"
W="wine-2019.graphml wine-2023.graphml"

for f in text csv json; do
	cm timeline $P -f $f $W > "$TMP/out" 2> "$TMP/err"
	status $? 0 "timeline -f $f exits 0"
	same "$TMP/out" "$EXP/timeline-names.$f" "timeline -f $f names the actors"
done

# The takeover and the firm that entered, by name, in every format.
cm timeline $P $W | grep -q 'changed: W01 (Cantina Rossi): ownership local -> external'
ok $? "text: the takeover, by name"
cm timeline $P -f csv $W | grep -q ',"X01 (Nordic Wine Import AB)",'
ok $? "csv: the firm that entered, by name"

# --no-names: keys only, everywhere; the counts stay.
for f in text csv json; do
	cm timeline $P --no-names -f $f $W > "$TMP/bare.$f"
	status $? 0 "--no-names -f $f exits 0"
	! grep -q 'Cantina Rossi\|Nordic Wine' "$TMP/bare.$f"
	ok $? "--no-names -f $f: no labels"
done
grep -q 'changed: W01: ownership local -> external' "$TMP/bare.text"
ok $? "--no-names text: the key and the change stay"
grep -q ',"X01","G09","G07; W01",' "$TMP/bare.csv"
ok $? "--no-names csv: the keys stay"

cm timeline --help > "$TMP/help"
grep -q -- '--no-names' "$TMP/help"; ok $? "timeline --help lists --no-names"

done_testing
