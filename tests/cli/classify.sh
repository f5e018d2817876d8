#!/bin/sh
# SPDX-License-Identifier: MIT
# classify: the expected type and evidence on every bundled sample (text and
# JSON against expected files), one result per snapshot, the same output for
# the same seed, usage errors, and the confusion-matrix evaluation over
# generated archetypes at small size (tools/evaluate).
. "$top_srcdir/tests/cli/lib.sh"
EXP="$TOP/tests/cli/expected"
BUILD=$(cd "${top_builddir:-.}" && pwd)
cd "$TOP/samples" || exit 1

for s in prato hub-and-spoke satellite-platform state-anchored; do
	cm classify "$s.graphml" > "$TMP/$s.txt" 2> "$TMP/err"
	status $? 0 "$s: exit 0"
	same "$TMP/$s.txt" "$EXP/classify-$s.txt" "$s: text report"
	cm classify --format json "$s.graphml" > "$TMP/$s.json" 2> "$TMP/err"
	same "$TMP/$s.json" "$EXP/classify-$s.json" "$s: JSON report"
done
# The verdicts themselves, stated once more where a reader looks first.
for pair in prato:italianate hub-and-spoke:hub_and_spoke \
	satellite-platform:satellite_platform state-anchored:state_anchored; do
	s=${pair%%:*} t=${pair#*:}
	grep -q "^  \"type\": \"$t\"," "$TMP/$s.json"; ok $? "$s is classified $t"
done

# Several snapshots: one result each, in a JSON array; the drift sample
# moves from an Italianate district to a hub-and-spoke one.
cm classify -f json --stability 5 --replicates 5 drift.graphml > "$TMP/drift.json" 2>&1
status $? 0 "drift: exit 0"
n=$(grep -c '^    "input":' "$TMP/drift.json"); [ "$n" -eq 5 ]; ok $? "drift: five results ($n)"
grep '^    "type":' "$TMP/drift.json" | sed 's/[ ",]//g' | sed -n '1p;3,5p' > "$TMP/drift.types"
printf 'type:italianate\ntype:hub_and_spoke\ntype:hub_and_spoke\ntype:hub_and_spoke\n' > "$TMP/want"
same "$TMP/drift.types" "$TMP/want" "drift: italianate first, hub_and_spoke last"
# 2012, the year of the transition, is a hybrid or has low confidence.
cm classify --stability 5 --replicates 5 drift.graphml | grep '^drift.graphml \[2012\]' |
	grep -Eq 'hybrid|confidence low'
ok $? "drift: 2012 is a hybrid or has low confidence"

# Same seed, same output; another seed changes only random parts.
cm classify -f json --seed 7 hub-and-spoke.graphml > "$TMP/a.json"
cm classify -f json --seed 7 hub-and-spoke.graphml > "$TMP/b.json"
cmp -s "$TMP/a.json" "$TMP/b.json"; ok $? "same seed gives the same output"
cm classify -o "$TMP/out.txt" prato.graphml; status $? 0 "-o writes a file"
same "$TMP/out.txt" "$EXP/classify-prato.txt" "-o output equals stdout output"

# Usage and input errors.
cm classify --help > "$TMP/help"; status $? 0 "--help exits 0"
grep -q -- '--replicates N' "$TMP/help"; ok $? "--help lists --replicates"
cm classify > /dev/null 2>&1; status $? 2 "no file is a usage error"
cm classify -f csv prato.graphml > /dev/null 2>&1; status $? 2 "csv is a usage error"
cm classify --replicates x prato.graphml > /dev/null 2>&1; status $? 2 "bad number is a usage error"
cm classify --hybrid-margin 3 prato.graphml > /dev/null 2>&1; status $? 2 "margin out of range"
cm classify missing.graphml > "$TMP/out" 2> /dev/null; status $? 1 "missing file exits 1"
[ ! -s "$TMP/out" ]; ok $? "nothing on stdout for a missing file"

# Too little to classify: a network with three actors.
cat > "$TMP/tiny.graphml" <<'XML'
<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="r" for="edge" attr.name="relation" attr.type="string"/>
<graph edgedefault="directed"><node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"><data key="r">supplier</data></edge></graph></graphml>
XML
cm classify -f json "$TMP/tiny.graphml" > "$TMP/tiny.json"
status $? 0 "tiny network: exit 0"
grep -q '"type": "unclassified"' "$TMP/tiny.json"; ok $? "tiny network is unclassified"
grep -q '"why": "only 3 local actors (at least 5 needed)"' "$TMP/tiny.json"
ok $? "tiny network says why"

# Regression: two supply ties among three actors made rewiring fail, and the
# gates of a too-small network gave empty reasons.
cm classify "$DATA/edge-cases/tiny-supply.graphml" > "$TMP/tiny.txt" 2>&1
status $? 0 "too small to rewire: exit 0"
grep -c 'fails: only 3 local actors (at least 5 needed)' "$TMP/tiny.txt" > "$TMP/n"
echo 4 | cmp -s - "$TMP/n"; ok $? "every gate names why it fails"

# Evidence guards: a plain export without attributes or relations is
# unclassified, with null scores and what to add; missing data is never
# read as a value.
cm classify -f json "$DATA/classify/no-attributes.graphml" > "$TMP/plain.json"
status $? 0 "no attributes: exit 0"
grep -q '"type": "unclassified"' "$TMP/plain.json"; ok $? "no attributes: unclassified"
grep -A5 '"scores"' "$TMP/plain.json" | grep -c ': null' > "$TMP/n"
echo 4 | cmp -s - "$TMP/n"; ok $? "no attributes: the four scores are null"
grep -q '"what_to_add": "node attributes kind' "$TMP/plain.json"; ok $? "no attributes: what to add"
grep -q '"why": "ownership unknown for 20 of 20 local firms"' "$TMP/plain.json"
ok $? "unknown ownership is said to be unknown"
grep -q '"enright": null' "$TMP/plain.json"; ok $? "no Enright stage without kinds"
(cd "$DATA/classify" && cm classify no-attributes.graphml) > "$TMP/plain.txt"
same "$TMP/plain.txt" "$EXP/classify-no-attributes.txt" "no attributes: text report"
grep -q 'external 0%' "$TMP/plain.txt"; status $? 1 "no 'external 0%' for unknown ownership"

# A relation that was never asked for is not recorded, not zero: its
# indicators are null, the text names it, and confidence is at most medium.
(cd "$DATA/classify" && cm classify advice-only.graphml) > "$TMP/advice.txt"
status $? 0 "advice only: exit 0"
same "$TMP/advice.txt" "$EXP/classify-advice-only.txt" "advice only: text report"
grep -q '^  unrecorded  supplier, association ties' "$TMP/advice.txt"; ok $? "advice only: names the unrecorded relations"
head -1 "$TMP/advice.txt" | grep -q 'confidence high'; status $? 1 "advice only: confidence is not high"
grep -q 'collective efficiency passive' "$TMP/advice.txt"; status $? 1 "advice only: no 'passive' without association or supply ties"
cm classify -f json "$DATA/classify/advice-only.graphml" > "$TMP/advice.json"
grep -A4 '"id": "association_coverage"' "$TMP/advice.json" | grep -q '"why": "association ties not recorded"'
ok $? "advice only: association coverage is null with its reason"

# Shares below their least count are null with the count they need.
"$BUILD/tools/archetypes" -n 20 -s 3 satellite_platform > "$TMP/small.graphml"
cm classify -f json --replicates 0 --stability 0 "$TMP/small.graphml" > "$TMP/small.json"
grep -Eq '"why": "[0-9] local (supply|information) ties; needs 10"' "$TMP/small.json"
ok $? "a share on fewer than 10 ties is null with its count"

# Regression: a hybrid of Italianate and hub-and-spoke said the SMEs'
# information share twice, and "Only 100% of local SMEs" for a high one.
"$BUILD/tools/archetypes" -n 200 -s 1 --mix italianate hub_and_spoke > "$TMP/hybrid.graphml"
cm classify --replicates 5 "$TMP/hybrid.graphml" > "$TMP/hybrid.txt" 2>&1
status $? 0 "generated hybrid: exit 0"
grep -q 'hybrid of italianate and hub_and_spoke' "$TMP/hybrid.txt"; ok $? "generated hybrid is a hybrid"
tr '\n' ' ' < "$TMP/hybrid.txt" | tr -s ' ' | grep -o 'exchange information with' | wc -l > "$TMP/n"
echo 1 | cmp -s - "$TMP/n"; ok $? "the SMEs' information share is said once"
tr '\n' ' ' < "$TMP/hybrid.txt" | tr -s ' ' | grep -Eq 'Only ([5-9][0-9]|100)% of local SMEs'
status $? 1 "no \"Only\" for a high share"

# Markusen's types (docs/classification.md, "Where each number comes
# from"). An externally owned hub leans toward the satellite platform: a
# hybrid, or at most medium confidence, the limit named.
(cd "$DATA/classify" && cm classify external-hub.graphml) > "$TMP/exthub.txt"
status $? 0 "external hub: exit 0"
same "$TMP/exthub.txt" "$EXP/classify-external-hub.txt" "external hub: text report"
head -1 "$TMP/exthub.txt" | grep -Eq ': (hybrid of .*|hub_and_spoke \(confidence (medium|low))'
ok $? "an externally owned hub is a hybrid or at most medium confidence"
grep -q '^  confidence  .*limited by external hub' "$TMP/exthub.txt"; ok $? "external hub: the limit is named"
head -1 "$TMP/hub-and-spoke.txt" | grep -q 'hub_and_spoke (confidence' &&
	! grep -q 'limited by external hub' "$TMP/hub-and-spoke.txt"
ok $? "the same hub locally owned: hub_and_spoke, not held down as an external hub"
# Prato stays Italianate with a clear margin; its two large firms, which do
# not lead the buying, weigh nothing against it.
grep -q '"type": "italianate"' "$TMP/prato.json"; ok $? "Prato is Italianate"
m=$(sed -n 's/^  "margin": \([0-9.]*\),$/\1/p' "$TMP/prato.json")
awk -v m="$m" 'BEGIN { exit !(m >= 0.5) }'; ok $? "Prato's margin is clear ($m >= 0.5)"
grep -q 'hub_and_spoke fails: the large firms among the top buyers do not lead' "$EXP/classify-prato.txt"
ok $? "Prato: large firms that do not lead open no hub gate"
# The Italianate variant with strong local institutions: a public service
# centre and a municipal office that advise most firms neither count
# against it nor open the state-anchored gate.
cm classify -f json "$DATA/classify/prato-institutions.graphml" > "$TMP/inst.json"
grep -q '"type": "italianate"' "$TMP/inst.json"; ok $? "Prato with public institutions stays Italianate"
grep -A2 '"state_anchored": {' "$TMP/inst.json" | grep -q '"holds": false'
ok $? "a service centre that only brokers opens no state-anchored gate"
grep -q 'a public body is the top broker but not a dominant buyer' "$TMP/inst.json"
ok $? "the state-anchored gate says why"

# p-values: exact where the null has a closed form, permutation otherwise;
# Prato's top_buyers_large has the exact hypergeometric z of 5.89.
grep -A8 '"id": "top_buyers_large"' "$TMP/prato.json" > "$TMP/tbl"
grep -q '"z": 5.886' "$TMP/tbl"; ok $? "top_buyers_large: exact z 5.89"
grep -q '"p_method": "exact hypergeometric"' "$TMP/tbl"; ok $? "top_buyers_large: exact p"
grep -A8 '"id": "sme_degree"' "$TMP/prato.json" | grep -q '"p_method": "permutation, 99 replicates"'
ok $? "sme_degree: permutation p with 99 replicates"
grep -A8 '"id": "buyer_top1_share"' "$TMP/prato.json" | grep -q '"p_method": "same tiers, 99 replicates"'
ok $? "buyer_top1_share: compared within the same tiers"
grep -A8 '"id": "hierarchy"' "$TMP/prato.json" | grep -q '"p_method": "rewiring, 99 replicates"'
ok $? "hierarchy: direction-preserving rewiring"
# Strongest evidence lists only what a null model finds unlikely by chance
# (or what has no null model).
sed -n '/Strongest evidence/,/^$/p' "$EXP/classify-hub-and-spoke.txt" | awk 'NR > 2 && NF { p = $4; if (p != "-" && p + 0 >= 0.05) bad = 1 } END { exit bad }'
ok $? "strongest evidence: every p below 0.05"

# The evaluation at small size: >= 95% correct on clean archetypes, hybrids
# flagged (hybrid or low confidence) in >= 95%, same seed same output.
"$BUILD/tools/evaluate" --sizes 20,60,150,400 --seeds 5 --hybrids --stability 10 > "$TMP/eval" 2> "$TMP/eval.err"
status $? 0 "evaluation meets its criteria"
diag < "$TMP/eval"
done_testing
