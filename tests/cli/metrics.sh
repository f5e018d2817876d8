#!/bin/sh
# SPDX-License-Identifier: MIT
# `clustermap metrics`: text, JSON and CSV reports on the reference networks
# compared with tests/cli/expected/metrics-*; --graphml write-back; sampling;
# batches with a bad file; usage errors; every option in --help and the man page.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
EXP="$TOP/tests/cli/expected"
FLOR=tests/data/reference/florentine.graphml
CAMP=tests/data/reference/campnet.graphml

json_ok() { # json_ok FILE NAME: the file parses as JSON (skipped without Python)
	if [ -z "${PYTHON3:-}" ] || ! "$PYTHON3" -c 'import json' 2> /dev/null; then
		skip "$2" "no python3"
		return
	fi
	"$PYTHON3" -c 'import json, sys; json.load(open(sys.argv[1]))' "$1" > /dev/null 2>&1
	ok $? "$2"
}

# check NAME EXPECTED-FILE ARGS...: exits 0, output as expected, stderr empty.
check() {
	name=$1 want=$2
	shift 2
	cm metrics -q "$@" > "$TMP/out" 2> "$TMP/err"
	status $? 0 "$name exits 0"
	same "$TMP/out" "$EXP/$want" "$name output"
	[ ! -s "$TMP/err" ]; ok $? "$name: nothing on stderr"
}

check "florentine text" metrics-florentine.txt "$FLOR"
check "florentine marriage actors" metrics-florentine-marriage.txt --layer marriage --nodes "$FLOR"
check "florentine json" metrics-florentine.json --format json "$FLOR"
json_ok "$TMP/out" "florentine json parses"
check "campnet json" metrics-campnet.json -f json --groups gender --layer interaction "$CAMP"
json_ok "$TMP/out" "campnet json parses"
check "campnet csv" metrics-campnet.csv -f csv --groups gender "$CAMP"
check "campnet text, weighted, inside only" metrics-campnet.txt --weighted --inside-only \
	--groups gender --permutations 99 --seed 7 --nodes "$CAMP"

# Warnings of the reader go to stderr unless --quiet.
cm metrics "$FLOR" > /dev/null 2> "$TMP/err"
grep -q "read as a custom layer" "$TMP/err"; ok $? "reader warnings on stderr"

# Reproducible: same seed, same output (communities, permutations).
cm metrics -q -f json --seed 5 "$CAMP" > "$TMP/a"
cm metrics -q -f json --seed 5 "$CAMP" > "$TMP/b"
cmp -s "$TMP/a" "$TMP/b"; ok $? "same seed, same result"

# Standard input and -o.
cm metrics -q -f json - < "$FLOR" > "$TMP/stdin.json"
grep -q '"input": "<stdin>"' "$TMP/stdin.json"; ok $? "reads standard input"
cm metrics -q -o "$TMP/report.txt" "$FLOR" > "$TMP/out"
[ ! -s "$TMP/out" ]; ok $? "-o: stdout stays empty"
same "$TMP/report.txt" "$EXP/metrics-florentine.txt" "-o writes the report"

# Sampling is announced in the output.
cm metrics -q -f json --approx 5 --layer marriage "$FLOR" > "$TMP/out"
grep -q '"method": "sampled"' "$TMP/out" && grep -q '"sources": 5' "$TMP/out"
ok $? "--approx 5: JSON says sampled from 5 sources"
cm metrics -q --approx 5 --layer marriage "$FLOR" > "$TMP/out"
grep -q "marriage betweenness estimated from 5 sampled sources" "$TMP/out"
ok $? "--approx 5: text says so"
cm metrics -q -f json --exact --threads 2 "$FLOR" > "$TMP/out"
grep -q '"method": "sampled"' "$TMP/out"; status $? 1 "--exact never samples"

# --graphml: the measures as node attributes, readable by our reader.
cm metrics -q --graphml "$TMP/out.graphml" "$FLOR" > /dev/null
status $? 0 "--graphml exits 0"
cm validate "$TMP/out.graphml" > /dev/null 2>&1; status $? 0 "written GraphML validates"
grep -q 'attr.name="betweenness_norm"' "$TMP/out.graphml"; ok $? "measures declared as keys"
cm info -f json "$TMP/out.graphml" > "$TMP/info.json" 2> /dev/null
grep -q '"nodes": 16' "$TMP/info.json" && grep -q '"edges": 35' "$TMP/info.json"
ok $? "written GraphML keeps nodes and edges"
cm metrics -q -f json "$TMP/out.graphml" | sed 's/"input": "[^"]*"/"input": ""/' > "$TMP/again"
sed 's/"input": "[^"]*"/"input": ""/' "$EXP/metrics-florentine.json" > "$TMP/want"
same "$TMP/again" "$TMP/want" "measures of the written network are those of the original"

# Names beside ids: label, kind, size, ownership and location in CSV and
# JSON, empty (CSV) or null (JSON) where the file gives none; --no-names
# leaves them out.
PRATO=samples/prato.graphml
cm metrics -q -f csv --layer all --permutations 0 "$PRATO" > "$TMP/names.csv"
head -n 1 "$TMP/names.csv" | grep -q '^id,label,kind,size,ownership,location,layer,degree,'
ok $? "csv: the name columns follow the id"
grep -q '^lan-bardazzi,Lanificio Bardazzi S.p.A.,firm,large,local,inside,all,' "$TMP/names.csv"
ok $? "csv: a firm's name, kind, size (from its employees), ownership, location"
grep -q '^uni-pin,Polo universitario di Prato,university,medium,local,inside,all,' "$TMP/names.csv"
ok $? "csv: the university's kind"
cm metrics -q -f csv --no-names --layer all --permutations 0 "$PRATO" > "$TMP/plain.csv"
head -n 1 "$TMP/plain.csv" | grep -q '^id,layer,degree,'; ok $? "--no-names: the plain columns"
grep -q 'Lanificio' "$TMP/plain.csv"; status $? 1 "--no-names: no labels"
cm metrics -q -f json --layer all --permutations 0 "$PRATO" > "$TMP/names.json"
grep -q '"label": "Lanificio Bardazzi S.p.A.",' "$TMP/names.json" &&
	grep -q '"ownership": "external",' "$TMP/names.json"
ok $? "json: names and attributes of the actors"
grep -c '"kind": null,' "$EXP/metrics-campnet.json" | grep -q '^[1-9]'
ok $? "json: a kind the file does not give is null, not a default"
cm metrics -q -f json --no-names --layer all --permutations 0 "$PRATO" > "$TMP/plain.json"
grep -q '"label"' "$TMP/plain.json"; status $? 1 "--no-names: no label in JSON"

# The write-back keeps every input attribute (employees too) and the
# measures of every layer, the other layers' as LAYER.MEASURE.
cm metrics -q --permutations 0 --graphml "$TMP/prato.graphml" "$PRATO" > /dev/null
grep -q 'attr.name="employees"' "$TMP/prato.graphml"; ok $? "write-back declares employees"
n_in=$(grep -c '<data key="employees">' "$PRATO")
n_out=$(grep -c '<data key="employees">[0-9]*</data>' "$TMP/prato.graphml")
[ "$n_in" -gt 0 ] && [ "$n_out" -ge "$n_in" ]; ok $? "write-back keeps every employees value"
for a in betweenness supplier.betweenness association.degree information.constraint; do
	grep -q "attr.name=\"$a\"" "$TMP/prato.graphml"; ok $? "write-back has $a"
done
cm info "$TMP/prato.graphml" 2> /dev/null | grep -q 'size:      micro 21, small 23, medium 11, large 5'
ok $? "write-back reads back with the same sizes"

# The example of docs/metrics.md ("Output: names beside ids") is what the
# command prints, up to its "..." line.
awk '/<!-- checked by tests\/cli\/metrics.sh -->/ { want = 1; next }
	want && /^```console/ { inblock = 1; next }
	inblock && /^```/ { exit }
	inblock' docs/metrics.md > "$TMP/block"
args=$(sed -n '1s/^\$ clustermap //p' "$TMP/block")
[ -n "$args" ]; ok $? "docs/metrics.md shows a checked example"
sed '1d;/^\.\.\.$/,$d' "$TMP/block" > "$TMP/shown"
# shellcheck disable=SC2086 # the page's words, as a shell would split them
cm $args | tr -d '\r' > "$TMP/out"
head -n "$(wc -l < "$TMP/shown")" "$TMP/out" > "$TMP/got"
same "$TMP/got" "$TMP/shown" "docs/metrics.md: the example's output"

# Batch: a bad file is reported, the others still measured, exit 1.
cm metrics -q -f csv "$FLOR" tests/data/bad/empty.graphml "$CAMP" > "$TMP/out" 2> "$TMP/err"
status $? 1 "batch with a bad file exits 1"
grep -q '^MICHAEL,,,,,,interaction,' "$TMP/out"; ok $? "files after the bad one are measured"
[ "$(grep -c '^id,label,' "$TMP/out")" -eq 1 ]; ok $? "one CSV header for the batch"
grep -q 'empty.graphml' "$TMP/err"; ok $? "the bad file is named on stderr"
cm metrics -q -f json "$FLOR" "$CAMP" > "$TMP/out"
json_ok "$TMP/out" "JSON of a batch is one array"

# A file of several snapshots: a JSON array, one object per snapshot.
DRIFT=samples/drift.graphml
snaps=$(grep -c '<graph ' "$DRIFT")
cm metrics -q -f json "$DRIFT" > "$TMP/out"
status $? 0 "several snapshots exit 0"
if [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import json' 2> /dev/null; then
	n=$("$PYTHON3" -c 'import json, sys; d = json.load(open(sys.argv[1])); print(len(d) if isinstance(d, list) else 0)' "$TMP/out")
	[ "$n" -eq "$snaps" ]; ok $? "several snapshots: an array of $snaps objects"
else
	skip "several snapshots: an array" "no python3"
fi
cm metrics -q --graphml "$TMP/x.graphml" "$DRIFT" > /dev/null 2> "$TMP/err"
status $? 1 "--graphml with several snapshots exits 1"
grep -q "needs a file with one snapshot" "$TMP/err"; ok $? "and says why"

# Failures and usage errors.
cm metrics -q --layer nosuch "$FLOR" > /dev/null 2> "$TMP/err"
status $? 1 "unknown layer exits 1"
grep -q "no layer 'nosuch'.*layers: marriage, business, all" "$TMP/err"; ok $? "and lists the layers"
cm metrics -q --groups nosuch "$FLOR" > /dev/null 2> "$TMP/err"
status $? 1 "unknown group attribute exits 1"
cm metrics > /dev/null 2>&1; status $? 2 "no file is a usage error"
cm metrics --format xml "$FLOR" > /dev/null 2>&1; status $? 2 "unknown format is a usage error"
cm metrics --threads 0 "$FLOR" > /dev/null 2>&1; status $? 2 "--threads 0 is a usage error"
cm metrics --seed x "$FLOR" > /dev/null 2>&1; status $? 2 "non-numeric seed is a usage error"
cm metrics --exact --approx 10 "$FLOR" > /dev/null 2>&1; status $? 2 "--exact with --approx is a usage error"
cm metrics --graphml x.graphml "$FLOR" "$CAMP" > /dev/null 2>&1; status $? 2 "--graphml takes one file"

# Regression: community detection hung on a network without ties.
timeout 60 "$CLUSTERMAP" metrics -q --format json "$DATA/edge-cases/edgeless.graphml" > "$TMP/out" 2>&1
status $? 0 "a network without ties finishes"
grep -q '"community": 2' "$TMP/out"; ok $? "and each actor is its own community"

# Every option is in --help and in the man page.
cm metrics --help > "$TMP/help"; status $? 0 "--help exits 0"
for opt in layer nodes groups format output graphml weighted inside-only permutations seed \
	approx exact threads map quiet help; do
	grep -q -- "--$opt" "$TMP/help"; ok $? "--help lists --$opt"
	sed "s/\\\\//g" "$TOP/man/clustermap.1" | grep -q -- "--$opt"; ok $? "man page lists --$opt"
done
done_testing
