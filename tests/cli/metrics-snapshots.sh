#!/bin/sh
# SPDX-License-Identifier: MIT
# `clustermap metrics` on outputs of several snapshots: CSV rows and JSON
# objects name their input and snapshot, the CSV with the same id, label
# and year as the JSON (tests/cli/expected/metrics-waves.*),
# a single snapshot keeps the plain form; the core/periphery search in the
# report (starts run; a long core list cut short in text, whole in JSON).
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
EXP="$TOP/tests/cli/expected"
WAVES=tests/data/time/waves.graphml
FLOR=tests/data/reference/florentine.graphml
CAMP=tests/data/reference/campnet.graphml

have_python() { [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import json' 2> /dev/null; }

# check NAME EXPECTED-FILE ARGS...: exits 0, output as expected, stderr empty.
check() {
	name=$1 want=$2
	shift 2
	cm metrics -q --permutations 0 "$@" > "$TMP/out" 2> "$TMP/err"
	status $? 0 "$name exits 0"
	same "$TMP/out" "$EXP/$want" "$name output"
	[ ! -s "$TMP/err" ]; ok $? "$name: nothing on stderr"
}

# One file, three snapshots: the first with id, label and year, the second
# with id and year, the third with neither.
check "three snapshots, csv" metrics-waves.csv -f csv "$WAVES"
head -n 1 "$TMP/out" | grep -q ',liaison,community,input,snapshot,snapshot.label,snapshot.year'
ok $? "csv: input and snapshot (id, label, year) are the last columns"
grep -q "^a,,,,,,all,.*,$WAVES,w1,first wave,2016" "$TMP/out"
ok $? "csv: rows of snapshot w1 give its id, label and year"
grep -q "^a,,,,,,all,.*,$WAVES,w2,,2019" "$TMP/out"
ok $? "csv: rows of snapshot w2 give its id and year"
[ "$(tr -d '\r' < "$TMP/out" | grep -c ",$WAVES,,,\$")" -eq 9 ]
ok $? "csv: the graph without id, label or year has empty snapshot fields (9 rows)"
check "three snapshots, json" metrics-waves.json -f json "$WAVES"
if have_python; then
	"$PYTHON3" - "$TMP/out" << 'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
want = [{"id": "w1", "label": "first wave", "year": 2016},
        {"id": "w2", "label": "", "year": 2019},
        {"id": "", "label": "", "year": None}]
sys.exit(0 if [r["snapshot"] for r in d] == want else 1)
EOF
	ok $? "json: every object names its snapshot (id, label, year)"
else
	skip "json: every object names its snapshot" "no python3"
fi

# A single snapshot keeps the form it always had.
cm metrics -q -f csv "$FLOR" > "$TMP/one.csv"
head -n 1 "$TMP/one.csv" | tr -d '\r' | grep -q ',community$'
ok $? "one snapshot, csv: no snapshot column"
cm metrics -q -f json "$FLOR" > "$TMP/one.json"
grep -q '"snapshot"' "$TMP/one.json"; status $? 1 "one snapshot, json: no snapshot field"

# A batch of files: every row says which file it comes from.
cm metrics -q -f csv --permutations 0 "$FLOR" "$CAMP" > "$TMP/batch.csv"
[ "$(grep -c '^id,label,kind,size,ownership,location,layer,.*,input,snapshot' "$TMP/batch.csv")" -eq 1 ]
ok $? "batch csv: one header, with input and snapshot"
grep -q "^Medici,Medici,,,,,marriage,.*,$FLOR," "$TMP/batch.csv" &&
	grep -q "^MICHAEL,,,,,,interaction,.*,$CAMP," "$TMP/batch.csv"
ok $? "batch csv: rows name their file"
fields=$(tr -d '\r' < "$TMP/batch.csv" | awk -F, '{print NF}' | sort -u | wc -l)
[ "$fields" -eq 1 ]; ok $? "batch csv: every row has as many fields as the header"
cm metrics -q -f json --permutations 0 "$FLOR" "$CAMP" > "$TMP/batch.json"
[ "$(grep -c '"snapshot": {' "$TMP/batch.json")" -eq 2 ]
ok $? "batch json: each object has a snapshot"

# Core/periphery: a 30-clique with one pendant actor on each member. Its
# core is the clique (fit 1); 60 actors are searched locally, 64 starts.
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
	print "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>"
	print "<graph id=\"cp\" edgedefault=\"undirected\">"
	for (i = 1; i <= 60; i++) printf "<node id=\"n%02d\"/>\n", i
	for (i = 1; i <= 30; i++)
		for (j = i + 1; j <= 30; j++)
			printf "<edge source=\"n%02d\" target=\"n%02d\"><data key=\"r\">information</data></edge>\n", i, j
	for (i = 31; i <= 60; i++)
		printf "<edge source=\"n%02d\" target=\"n%02d\"><data key=\"r\">information</data></edge>\n", i, i - 30
	print "</graph></graphml>"
}' > "$TMP/core.graphml"
cm metrics -q --permutations 0 "$TMP/core.graphml" > "$TMP/core.txt"
status $? 0 "large core: exits 0"
line=$(grep '^Core/periphery (all layer)' "$TMP/core.txt")
ids=$(echo "$line" | sed 's/.*core of 30://; s/\.\.\..*//' | wc -w)
[ "$ids" -eq 20 ]; ok $? "text: the first 20 of a core of 30"
echo "$line" | grep -q 'n01 n02 .* n20 \.\.\. and 10 more (all in --format json)$'
ok $? "text: and says how many more, and where they are"
grep -q '^  search: local, best of 64 starts$' "$TMP/core.txt"
ok $? "text: the local search and its starts"
cm metrics -q -f json --permutations 0 "$TMP/core.graphml" > "$TMP/core.json"
if have_python; then
	"$PYTHON3" - "$TMP/core.json" << 'EOF'
import json, sys
cp = json.load(open(sys.argv[1]))["layers"]["all"]["core_periphery"]
core = ["n%02d" % i for i in range(1, 31)]
sys.exit(0 if cp["core"] == core and cp["core_size"] == 30 and cp["fit"] == 1
         and cp["search"] == "heuristic" and cp["starts"] == 64 else 1)
EOF
	ok $? "json: the whole core, the heuristic search and its 64 starts"
else
	skip "json: the whole core and the starts" "no python3"
fi
# Up to 20 actors the search is exhaustive: no starts, no search line.
grep -q '"search": "exhaustive",' "$EXP/metrics-florentine.json" &&
	cm metrics -q -f json "$FLOR" | grep -q '"starts": 0,'
ok $? "json: an exhaustive search has 0 starts"
cm metrics -q "$FLOR" | grep -q 'search:'; status $? 1 "text: no search line when exhaustive"
done_testing
