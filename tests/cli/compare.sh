#!/bin/sh
# SPDX-License-Identifier: MIT
# diff and timeline: expected output in every format, the three input forms
# of one series give identical results, the chart is well-formed SVG with
# one line per measure, QAP r against an independent computation, errors.
. "$top_srcdir/tests/cli/lib.sh"
EXP="$TOP/tests/cli/expected"
cd "$DATA/time" || exit 1
SAMPLES="$TOP/samples"
P="--permutations 200 --seed 3"

# ---------------------------------------------------------------- expected output
for f in text json csv; do
	cm diff $P -f $f pair-old.graphml pair-new.graphml > "$TMP/out" 2> "$TMP/err"
	status $? 0 "diff -f $f exits 0"
	same "$TMP/out" "$EXP/diff-pair.$f" "diff -f $f output"
	cm timeline $P -f $f pair-old.graphml pair-new.graphml > "$TMP/out" 2> "$TMP/err"
	status $? 0 "timeline -f $f exits 0"
	same "$TMP/out" "$EXP/timeline-pair.$f" "timeline -f $f output"
done
cm timeline $P drift-20*.graphml > "$TMP/out" 2> "$TMP/err"
same "$TMP/out" "$EXP/timeline-drift.text" "timeline of the drift series"
[ ! -s "$TMP/err" ]; ok $? "nothing on stderr"

# exact counts of the constructed pair, read from the JSON
if "${PYTHON3:-false}" -c 'import json' 2> /dev/null; then
	cm diff -f json --permutations 0 pair-old.graphml pair-new.graphml > "$TMP/d.json"
	"$PYTHON3" - "$TMP/d.json" > "$TMP/counts" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))["diff"]
a = d["actors"]
print("actors", [x["key"] for x in a["entered"]], [x["key"] for x in a["left"]], a["stayed"])
for l in d["layers"]:
    print(l["layer"], l["formed"]["count"], l["dissolved"]["count"], l["persisted"]["count"],
          round(l["jaccard"], 6))
EOF
	cat > "$TMP/want" <<'EOF'
actors ['g'] ['f'] 5
supplier 2 3 2 0.285714
association 2 0 2 0.5
information 1 1 1 0.333333
all 4 3 4 0.363636
EOF
	same "$TMP/counts" "$TMP/want" "constructed pair: exact counts per layer"
else
	skip "constructed pair: exact counts per layer" "no python3"
fi

# ---------------------------------------------------------------- three input forms
# Several files, one file with several graphs, one dated graph: same result
# (only the file names differ).
strip() { grep -v '"source"' "$1"; }
cm timeline $P -f json drift-20*.graphml > "$TMP/files.json"
cm timeline $P -f json "$SAMPLES/drift.graphml" > "$TMP/graphs.json"
cm timeline $P -f json --by year "$SAMPLES/drift-dated.graphml" > "$TMP/by.json"
cm timeline $P -f json --at 2009,2012,2015,2018,2021 "$SAMPLES/drift-dated.graphml" \
	> "$TMP/at.json"
strip "$TMP/files.json" > "$TMP/a"
for form in graphs by at; do
	strip "$TMP/$form.json" > "$TMP/b"
	cmp -s "$TMP/a" "$TMP/b"; ok $? "timeline: files and $form give identical results"
done
cm timeline $P -f csv drift-20*.graphml > "$TMP/a.csv"
cm timeline $P -f csv --by year "$SAMPLES/drift-dated.graphml" > "$TMP/b.csv"
cmp -s "$TMP/a.csv" "$TMP/b.csv"; ok $? "timeline CSV: files and dated graph identical"
cm diff $P -f json drift-2009.graphml drift-2021.graphml | strip /dev/stdin > "$TMP/a"
cm diff $P -f json --at 2009,2021 "$SAMPLES/drift-dated.graphml" | strip /dev/stdin > "$TMP/b"
cmp -s "$TMP/a" "$TMP/b"; ok $? "diff: two files and the dated graph at two years identical"
# the 2009 -> 2021 change of every layer equals the one of the series file
cm timeline $P -f csv --at 2009,2021 "$SAMPLES/drift-dated.graphml" > "$TMP/c.csv"
cm timeline $P -f csv drift-2009.graphml drift-2021.graphml > "$TMP/d.csv"
cmp -s "$TMP/c.csv" "$TMP/d.csv"; ok $? "timeline --at two years equals the two files"

# ---------------------------------------------------------------- QAP oracle
# r of the supplier (directed) and information (undirected) layers, 2009 ->
# 2021, computed from the files with the standard library only.
if "${PYTHON3:-false}" -c 'import json, xml.etree.ElementTree' 2> /dev/null; then
	cm diff -f json --permutations 0 drift-2009.graphml drift-2021.graphml > "$TMP/q.json"
	"$PYTHON3" - drift-2009.graphml drift-2021.graphml "$TMP/q.json" > "$TMP/qap" <<'EOF'
import json, math, sys
import xml.etree.ElementTree as ET
NS = "{http://graphml.graphdrawing.org/xmlns}"
def read(path):
    g = ET.parse(path).getroot().find(NS + "graph")
    nodes = [n.get("id") for n in g.iter(NS + "node")]
    ties = {}
    for e in g.iter(NS + "edge"):
        rel = [d.text for d in e if d.get("key") == "relation"][0]
        ties.setdefault(rel, set()).add((e.get("source"), e.get("target")))
    return nodes, ties
(n0, t0), (n1, t1) = read(sys.argv[1]), read(sys.argv[2])
common = sorted(set(n0) & set(n1))
got = {l["layer"]: l["qap"]["r"] for l in json.load(open(sys.argv[3]))["diff"]["layers"]}
for rel, directed in (("supplier", True), ("information", False)):
    def cells(ties):
        s = set(ties) if directed else set(tuple(sorted(p)) for p in ties)
        return [1 if ((a, b) in s) else 0 for a in common for b in common
                if (a != b if directed else a < b)]
    x, y = cells(t0.get(rel, ())), cells(t1.get(rel, ()))
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    r = sxy / math.sqrt(sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))
    print(rel, "ok" if abs(r - got[rel]) < 1e-9 else "r %.12f, clustermap %.12f" % (r, got[rel]))
EOF
	printf 'supplier ok\ninformation ok\n' > "$TMP/want"
	same "$TMP/qap" "$TMP/want" "QAP r equals Pearson over the matrix cells (python)"
else
	skip "QAP r equals Pearson over the matrix cells (python)" "no python3"
fi

# ---------------------------------------------------------------- chart
cm timeline $P --plot "$TMP/chart.svg" \
	--measures supplier:density,supplier:centralization.in_degree,transitivity \
	"$SAMPLES/drift.graphml" > /dev/null 2> "$TMP/err"
status $? 0 "timeline --plot exits 0"
if command -v xmllint > /dev/null; then
	xmllint --noout "$TMP/chart.svg" 2> "$TMP/err"; ok $? "the chart is well-formed XML"
else
	skip "the chart is well-formed XML" "no xmllint"
fi
n=$(grep -c '<g class="series"' "$TMP/chart.svg")
[ "$n" -eq 3 ]; ok $? "one series per measure ($n)"
grep -q '>all ties: transitivity</text>' "$TMP/chart.svg"; ok $? "legend names layer and measure"
grep -q '>supplier ties: in-degree centralization</text>' "$TMP/chart.svg"
ok $? "legend names a measure in words"
grep -q '>Network measures over time</text>' "$TMP/chart.svg"; ok $? "the default title"
cm timeline $P --plot "$TMP/titled.svg" --title 'Wool & yarn: 2009-2021' \
	--caption 'Source: drift sample <invented>' --verdicts \
	--measures information:centralization.degree "$SAMPLES/drift.graphml" > /dev/null
status $? 0 "--title, --caption, --verdicts exit 0"
grep -q '>Wool &amp; yarn: 2009-2021</text>' "$TMP/titled.svg"; ok $? "--title, escaped"
grep -q '>Source: drift sample &lt;invented&gt;</text>' "$TMP/titled.svg"
ok $? "--caption, escaped"
grep -q '>information ties: degree centralization</text>' "$TMP/titled.svg"
ok $? "the issue's series, in words"
[ "$(grep -c '>hub-and-spoke</text>' "$TMP/titled.svg")" -eq 4 ] &&
	grep -q '>Italianate</text>' "$TMP/titled.svg"
ok $? "--verdicts: each snapshot's verdict under its year"
grep -q '>Italianate</text>' "$TMP/chart.svg"; status $? 1 "no verdicts unless asked"
cm timeline --title x "$SAMPLES/drift.graphml" > /dev/null 2>&1
status $? 2 "--title without --plot is a usage error"
cm timeline --plot "$TMP/v.svg" --verdicts --no-classify "$SAMPLES/drift.graphml" > /dev/null 2>&1
status $? 2 "--verdicts with --no-classify is a usage error"
for o in --title --caption --verdicts; do
	cm timeline --help | grep -q -- "$o"; ok $? "timeline --help lists $o"
	sed 's/\\-/-/g' "$TOP/man/clustermap.1" | grep -q -- "$o"; ok $? "man page lists $o"
done
grep -q '>2021</text>' "$TMP/chart.svg"; ok $? "x ticks are the snapshot years"
cm timeline --plot "$TMP/bad.svg" --measures density,nonsense "$SAMPLES/drift.graphml" \
	> "$TMP/out" 2> "$TMP/err"
status $? 1 "unknown measure exits 1"
echo "error: unknown measure 'nonsense'; see docs/metrics.md for the network-level measures" \
	> "$TMP/want"
same "$TMP/err" "$TMP/want" "unknown measure message"
[ ! -e "$TMP/bad.svg" ] && [ ! -s "$TMP/out" ]; ok $? "no chart and no report are left behind"

# ---------------------------------------------------------------- diagrams
cm diff $P --diagram "$TMP/change.svg" pair-old.graphml pair-new.graphml > /dev/null 2> "$TMP/err"
status $? 0 "diff --diagram draws the change diagram"
if command -v xmllint > /dev/null; then
	xmllint --noout "$TMP/change.svg" 2> "$TMP/err"; ok $? "the change diagram is well-formed"
else
	skip "the change diagram is well-formed" "no xmllint"
fi
for word in "actor entered" "actor left" "tie persisted" "tie formed" "tie dissolved"; do
	grep -q ">$word<" "$TMP/change.svg"; ok $? "change legend: $word"
done
cm diff --diagram "$TMP/change.txt" pair-old.graphml pair-new.graphml > /dev/null 2>&1
status $? 2 "a diagram without a known extension is a usage error"
mkdir "$TMP/multiples"
cm timeline $P --render-dir "$TMP/multiples" "$SAMPLES/drift.graphml" > /dev/null 2> "$TMP/err"
status $? 0 "timeline --render-dir exits 0"
ls "$TMP/multiples" > "$TMP/got"
printf '2009.svg\n2012.svg\n2015.svg\n2018.svg\n2021.svg\n' > "$TMP/want"
same "$TMP/got" "$TMP/want" "one diagram per snapshot"
# shared positions: the drawing may be cropped differently, but the leader
# sits at the same place relative to the association in every snapshot
pos() { grep -A3 "<title>$2</title>" "$1" | grep -o 'cx="[^"]*" cy="[^"]*"' | head -1 | tr -dc '0-9.\n -' | tr -s ' '; }
for y in 2009 2021; do
	set -- $(pos "$TMP/multiples/$y.svg" leader) $(pos "$TMP/multiples/$y.svg" assoc)
	awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN { printf "%.2f %.2f\n", a - c, b - d }' \
		> "$TMP/rel$y"
done
[ -n "$(cat "$TMP/rel2009")" ] && cmp -s "$TMP/rel2009" "$TMP/rel2021"
ok $? "the same actors keep their relative positions from 2009 to 2021"

# ---------------------------------------------------------------- errors and usage
cm diff "$SAMPLES/drift.graphml" > /dev/null 2> "$TMP/err"
status $? 1 "diff of a five-snapshot file exits 1"
echo "clustermap diff: error: the input holds 5 snapshots, not two; give OLD and NEW, or pick two years with --at" > "$TMP/want"
same "$TMP/err" "$TMP/want" "diff names the snapshot count"
cm timeline --by year drift-2009.graphml > /dev/null 2> "$TMP/err"
status $? 1 "slicing a graph without dates exits 1"
echo "drift-2009.graphml: error: no dates to slice by; give nodes or edges a year, start or end" > "$TMP/want"
same "$TMP/err" "$TMP/want" "no dates message"
cm timeline --at 2012,2009 "$SAMPLES/drift-dated.graphml" > /dev/null 2> "$TMP/err"
status $? 1 "years out of order exit 1"
cm timeline --by year "$SAMPLES/drift.graphml" > /dev/null 2> "$TMP/err"
status $? 1 "slicing a file of several graphs exits 1"
cm diff --match-by label pair-old.graphml pair-new.graphml > /dev/null 2> "$TMP/err"
status $? 1 "matching by an attribute some nodes lack exits 1"
echo "pair-old.graphml: error: node 'c' has no label to match by; give every node one or match by id" > "$TMP/want"
same "$TMP/err" "$TMP/want" "missing match attribute message"
cm diff a b c > /dev/null 2>&1; status $? 2 "diff of three files is a usage error"
cm diff > /dev/null 2>&1; status $? 2 "diff without files is a usage error"
cm diff --at 2009 "$SAMPLES/drift-dated.graphml" > /dev/null 2>&1
status $? 2 "diff --at one year is a usage error"
cm timeline --by month x > /dev/null 2>&1; status $? 2 "--by month is a usage error"
cm timeline --at 20x9 x > /dev/null 2>&1; status $? 2 "a bad year list is a usage error"
cm timeline --permutations -1 x > /dev/null 2>&1; status $? 2 "negative permutations: usage"
cm timeline -f yaml x > /dev/null 2>&1; status $? 2 "unknown format is a usage error"
cm diff --help > "$TMP/out"; status $? 0 "diff --help exits 0"
grep -q -- '--match-by' "$TMP/out"; ok $? "diff --help lists --match-by"
cm timeline --help > "$TMP/out"; status $? 0 "timeline --help exits 0"
grep -q -- '--plot' "$TMP/out"; ok $? "timeline --help lists --plot"
done_testing
