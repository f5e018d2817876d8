#!/bin/sh
# SPDX-License-Identifier: MIT
# diff speaks in names and reports what changed about the actors present in
# both snapshots: a takeover (ownership local -> external) and a grower that
# grew, on a small wine cluster (tests/data/time/wine-*.graphml) in every
# format (tests/cli/expected/diff-wine.*); persisted ties listed only with
# --persisted; --no-names; -o names the report, --diagram the picture.
. "$top_srcdir/tests/cli/lib.sh"
EXP="$TOP/tests/cli/expected"
cd "$DATA/time" || exit 1
P="--permutations 0 --no-classify"

for f in text json csv; do
	cm diff $P -f $f wine-2019.graphml wine-2023.graphml > "$TMP/out" 2> "$TMP/err"
	status $? 0 "wine diff -f $f exits 0"
	same "$TMP/out" "$EXP/diff-wine.$f" "wine diff -f $f output"
	[ ! -s "$TMP/err" ]; ok $? "wine diff -f $f: nothing on stderr"
done

# The takeover, by name, in each format.
cm diff $P wine-2019.graphml wine-2023.graphml > "$TMP/t"
grep -qx '  W01 (Cantina Rossi): ownership local -> external' "$TMP/t"
ok $? "text: the takeover with the winery's name"
grep -qx '  G07 (Vigneti Colle Alto): size micro -> small; employees 8 -> 12' "$TMP/t"
ok $? "text: a grower that grew, its size class and its count"
grep -qx 'changed: 2' "$TMP/t"; ok $? "text: two actors changed"
grep -qx '  + W01 (Cantina Rossi) -> X01 (Nordic Wine Import AB)' "$TMP/t"
ok $? "text: a tie formed, named at both ends"
grep -q '^  firm           1: X01 (Nordic Wine Import AB)$' "$TMP/t"
ok $? "text: the entered actor by name"
grep -q '^  = ' "$TMP/t"; status $? 1 "text: persisted ties not listed by default"
grep -q '^ *supplier  *yes  *3  *3  *1  *1  *2 ' "$TMP/t"
ok $? "text: persisted ties still counted"
grep -q '^attribute,,changed,W01,Cantina Rossi,,,,ownership,,local,external,$' \
	"$EXP/diff-wine.csv"
ok $? "csv: the takeover row"
grep -q '"attribute": "ownership",' "$EXP/diff-wine.json" &&
	grep -q '"new": "external"' "$EXP/diff-wine.json"
ok $? "json: the takeover's change"

# --persisted lists them, in every format.
cm diff $P --persisted wine-2019.graphml wine-2023.graphml > "$TMP/p"
grep -qx '  = G07 (Vigneti Colle Alto) -> W01 (Cantina Rossi)' "$TMP/p"
ok $? "--persisted: persisted ties listed by name"
cm diff $P --persisted -f csv wine-2019.graphml wine-2023.graphml > "$TMP/p.csv"
[ "$(grep -c '^tie,[a-z]*,persisted,' "$TMP/p.csv")" -eq 4 ]
ok $? "--persisted: four persisted tie rows in CSV"
cm diff $P --persisted -f json wine-2019.graphml wine-2023.graphml > "$TMP/p.json"
[ "$(grep -c '"ties": \[' "$TMP/p.json")" -gt "$(grep -c '"ties": \[' "$EXP/diff-wine.json")" ]
ok $? "--persisted: JSON lists the persisted ties"

# --no-names: keys only.
cm diff $P --no-names wine-2019.graphml wine-2023.graphml > "$TMP/n"
grep -q 'Cantina' "$TMP/n"; status $? 1 "--no-names: no labels in text"
grep -qx '  W01: ownership local -> external' "$TMP/n"; ok $? "--no-names: the change by key"
cm diff $P --no-names -f json wine-2019.graphml wine-2023.graphml > "$TMP/n.json"
grep -q '"labels"\|Cantina' "$TMP/n.json"; status $? 1 "--no-names: no labels in JSON"

# Matched by label, the label is the key: it cannot change, and is not
# shown twice.
cm diff $P --match-by label wine-2019.graphml wine-2023.graphml > "$TMP/l"
grep -qx '  Cantina Rossi: ownership local -> external' "$TMP/l"
ok $? "--match-by label: the takeover under the label"

# -o is the report, as in every other command; the old use for the diagram
# is refused with the new way to say it.
cm diff $P -o "$TMP/report.txt" wine-2019.graphml wine-2023.graphml > "$TMP/out"
[ ! -s "$TMP/out" ] && cmp -s "$TMP/report.txt" "$EXP/diff-wine.text"
ok $? "-o writes the report"
cm diff $P -o "$TMP/d.svg" wine-2019.graphml wine-2023.graphml > /dev/null 2> "$TMP/err"
status $? 2 "-o with a picture's name is a usage error"
grep -q "^clustermap diff: -o names the report now; draw the diagram with --diagram $TMP/d.svg\$" \
	"$TMP/err"
ok $? "and says to use --diagram"
[ ! -e "$TMP/d.svg" ]; ok $? "and writes nothing"
cm diff $P --diagram "$TMP/d.svg" -o "$TMP/r.txt" wine-2019.graphml wine-2023.graphml
status $? 0 "--diagram with -o exits 0"
grep -q '<svg' "$TMP/d.svg" && cmp -s "$TMP/r.txt" "$EXP/diff-wine.text"
ok $? "--diagram draws, -o reports"
for o in --persisted --no-names --diagram "-o, --output"; do
	cm diff --help | grep -q -- "$o"; ok $? "diff --help lists $o"
	o1=$(echo "$o" | sed 's/.*--/--/')
	sed 's/\\-/-/g' "$TOP/man/clustermap.1" | grep -q -- "$o1"; ok $? "man page lists $o1"
done

# The example of docs/time.md ("Names and attribute changes") is what the
# command prints, up to its "..." line.
awk '/<!-- checked by tests\/cli\/diff-names.sh -->/ { want = 1; next }
	want && /^```console/ { inblock = 1; next }
	inblock && /^```/ { exit }
	inblock' "$TOP/docs/time.md" > "$TMP/block"
args=$(sed -n '1s/^\$ clustermap //p' "$TMP/block")
[ -n "$args" ]; ok $? "docs/time.md shows a checked diff example"
sed '1d;/^\.\.\.$/,$d' "$TMP/block" > "$TMP/shown"
# shellcheck disable=SC2086 # the page's words, as a shell would split them
cm $args > "$TMP/out" 2>&1
status $? 0 "docs/time.md: clustermap $args exits 0"
head -n "$(wc -l < "$TMP/shown")" "$TMP/out" > "$TMP/got"
same "$TMP/got" "$TMP/shown" "docs/time.md: the example's output"
done_testing
