#!/bin/sh
# SPDX-License-Identifier: MIT
# classify's sensitivity (docs/classification.md, "Sensitivity"): the
# reruns that flip the verdict are named, in text and JSON; confidence is
# limited by them and the confidence line names the quantity with the value
# used; a reversed relation is listed but lowers nothing; --stability 0
# runs none; large networks drop a capped sample of actors. Also the words
# of the guards and of a share that opens a sentence.
. "$top_srcdir/tests/cli/lib.sh"
BUILD=$(cd "${top_builddir:-.}" && pwd)
cd "$DATA/classify" || exit 1

# Three wineries of 95 to 140 staff are "medium" under the EU bands: coding
# every firm one band larger makes them large and the verdict hub-and-spoke.
cm classify wine-bands.graphml > "$TMP/wine.txt"
status $? 0 "wine: exit 0"
grep -q '^              coding every firm one size band larger flips to hub_and_spoke$' "$TMP/wine.txt"
ok $? "wine: the band shift that flips the verdict is named"
grep -Eq '^  sensitivity [0-9]+ of [0-9]+ reruns keep the verdict \(2 band shifts, ' "$TMP/wine.txt"
ok $? "wine: the sensitivity line counts the reruns"
head -1 "$TMP/wine.txt" | grep -q 'confidence high'; status $? 1 "wine: a flipped verdict is not high"
cm classify -f json wine-bands.graphml > "$TMP/wine.json"
python3 - "$TMP/wine.json" > "$TMP/check" 2>&1 <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
s = j["sensitivity"]
assert s["changes"]["size_bands"] == {"runs": 2, "flips": 1}, s["changes"]
f = [x for x in s["flips"] if x["change"] == "size_bands"]
assert f and f[0]["to"] == "hub_and_spoke" and f[0]["actor"] is None, f
assert s["keep"] == s["reruns"] - sum(c["flips"] for c in s["changes"].values())
assert s["changes"]["actor"]["runs"] == s["local_actors"] == 26, s
PY
ok $? "wine: JSON sensitivity names the change, its kind and the verdict"
diag < "$TMP/check"

cd "$TOP/samples" || exit 1
# The confidence line names what limits it, with the value used. Without
# the reruns, Prato's lead (not the margin) over hub-and-spoke; with them,
# the band change that turns it into a hybrid.
cm classify --stability 0 prato.graphml > "$TMP/prato.txt"
grep -q '^  confidence  high (0.803), limited by lead: lead 0.642 over hub_and_spoke$' "$TMP/prato.txt"
ok $? "prato: limited by the lead, printed with its value"
cm classify prato.graphml > "$TMP/prato-s.txt"
grep -q '^  confidence  medium (0.55), limited by sensitivity: coding every firm one size band larger flips to hybrid' "$TMP/prato-s.txt"
ok $? "prato: with the reruns, limited by the band change that flips it"
cm classify --stability 0 -f json prato.graphml > "$TMP/prato.json"
python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["confidence"]; assert abs(c["score"] - c["lead"] / 0.8) < 1e-9, c' "$TMP/prato.json"
ok $? "prato: the score is the lead the line prints, scaled"

# Dropping the hub flips the hub-and-spoke sample: the flip names the actor.
cm classify -f json hub-and-spoke.graphml > "$TMP/hub.json"
python3 - "$TMP/hub.json" > "$TMP/check" 2>&1 <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
f = [x for x in j["sensitivity"]["flips"] if x["change"] == "actor"]
assert any(x["what"] == "dropping 'Boeing Commercial Airplanes'" and x["actor"] for x in f), f
assert j["confidence"]["level"] != "high" and j["confidence"]["limited_by"] == "sensitivity", j["confidence"]
assert j["confidence"]["limit"].endswith("(and other changes)"), j["confidence"]
PY
ok $? "hub: dropping the hub is a flip that names it; confidence limited by it"
diag < "$TMP/check"

# Reversing the supply ties flips the state-anchored sample, which keeps
# its confidence: a reversal checks the coding and lowers nothing.
cm classify state-anchored.graphml > "$TMP/state.txt"
grep -q '^              supplier ties reversed flips to ' "$TMP/state.txt"; ok $? "state: the reversal is listed"
head -1 "$TMP/state.txt" | grep -q 'confidence high'; ok $? "state: a reversal alone leaves confidence high"

cm classify -f json --stability 0 prato.graphml > "$TMP/none.json"
grep -q '^  "sensitivity": null,' "$TMP/none.json"; ok $? "--stability 0: no sensitivity"
grep -q '"limited_by": "lead"' "$TMP/none.json"; ok $? "--stability 0: confidence without a sensitivity part"

# Above 60 local actors a capped sample is dropped: 30,000 / actors, 10 to 60.
"$BUILD/tools/archetypes" -n 1000 -s 4 satellite_platform > "$TMP/big.graphml"
cm classify -f json --replicates 0 --stability 4 "$TMP/big.graphml" > "$TMP/big.json"
python3 - "$TMP/big.json" > "$TMP/check" 2>&1 <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["sensitivity"]
runs, nl = s["changes"]["actor"]["runs"], s["local_actors"]
assert runs == max(10, min(60, 30000 // nl)) and runs < nl, (runs, nl)
assert s["changes"]["ties"]["runs"] == 2, s["changes"]
PY
ok $? "large network: a capped sample of actors, half of --stability tie drops"
diag < "$TMP/check"

# Regressions: "1 ties" (a count of one is singular), and a share opening
# a sentence started lowercase ("an unknown share ... of local SMEs").
cat > "$TMP/one.graphml" <<'XML'
<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="r" for="edge" attr.name="relation" attr.type="string"/>
<graph edgedefault="directed"><node id="a"/><node id="b"/><node id="c"/><node id="d"/><node id="e"/><node id="f"/>
<edge source="a" target="b"><data key="r">supplier</data></edge>
<edge source="a" target="c"><data key="r">information</data></edge><edge source="c" target="d"><data key="r">information</data></edge>
<edge source="d" target="e"><data key="r">information</data></edge><edge source="e" target="f"><data key="r">information</data></edge>
</graph></graphml>
XML
cm classify -f json "$TMP/one.graphml" > "$TMP/one.json"
grep -q '"why": "1 local supply tie; needs 10"' "$TMP/one.json"; ok $? "one tie is singular"
grep -q '"why": "1 local supply ties' "$TMP/one.json"; status $? 1 "no \"1 local supply ties\""
"$BUILD/tools/archetypes" -n 60 -s 2 hub_and_spoke | grep -v 'information</data>' > "$TMP/noinfo.graphml"
cm classify "$TMP/noinfo.graphml" | tr '\n' ' ' | tr -s ' ' > "$TMP/noinfo.txt"
grep -q '\. An unknown share (information ties not recorded) of local SMEs' "$TMP/noinfo.txt"
ok $? "an unknown share opening a sentence is capitalised"
grep -q '\. an unknown share' "$TMP/noinfo.txt"; status $? 1 "no sentence starts lowercase"
done_testing
