#!/bin/sh
# SPDX-License-Identifier: MIT
# Coding choices the user can set: --size-bands (employee thresholds),
# --direction RELATION=reverse and the file's own direction declaration,
# --flip-information as the alias of information=reverse; accepted by every
# command that reads a network, with usage errors for malformed values.
. "$top_srcdir/tests/cli/lib.sh"
cd "$DATA/classify" || exit 1
S="$TOP/samples"
Q="--replicates 5 --stability 5"

# A hub-and-spoke survey recorded buyer -> seller reads as something else
# unless its direction is given, by option or by the file itself.
cm classify -f json $Q "$S/hub-and-spoke.graphml" | grep -v '"input"' > "$TMP/ref"
cm classify -f json $Q hub-buyer-seller.graphml | grep -v '"input"' > "$TMP/raw"
grep -q '"type": "hub_and_spoke"' "$TMP/raw"; status $? 1 "buyer -> seller without the flag is not read as a hub"
cm classify -f json $Q --direction supplier=reverse hub-buyer-seller.graphml | grep -v '"input"' > "$TMP/flag"
same "$TMP/flag" "$TMP/ref" "--direction supplier=reverse restores the sample's result"
cm classify -f json $Q --direction supply=reverse hub-buyer-seller.graphml | grep -v '"input"' > "$TMP/alias"
same "$TMP/alias" "$TMP/ref" "relation aliases fold (supply is supplier)"
cm classify -f json $Q hub-declared.graphml | grep -v '"input"' > "$TMP/decl"
same "$TMP/decl" "$TMP/ref" "a file declaring direction supplier=reverse needs no flag"
cm classify -f json $Q --direction supplier=reverse hub-declared.graphml | grep -v '"input"' > "$TMP/both"
same "$TMP/both" "$TMP/ref" "declared and given: reversed once"

# --flip-information is --direction information=reverse.
cm metrics -f json "$S/prato.graphml" --flip-information > "$TMP/flip" 2>&1
cm metrics -f json "$S/prato.graphml" --direction information=reverse > "$TMP/dir" 2>&1
same "$TMP/dir" "$TMP/flip" "--flip-information equals --direction information=reverse"
cm metrics -f json "$S/prato.graphml" > "$TMP/plain" 2>&1
cmp -s "$TMP/plain" "$TMP/dir"; status $? 1 "reversing information changes the directed measures"

# Size bands: Prato's firms of 120 and 265 staff; with large from 100 the
# share of large firms doubles.
cm classify -f json $Q "$S/prato.graphml" | grep -A4 '"id": "large_share"' | grep '"value"' > "$TMP/eu"
cm classify -f json $Q --size-bands 10,50,100 "$S/prato.graphml" | grep -A4 '"id": "large_share"' | grep '"value"' > "$TMP/moved"
grep -q '0.0434782' "$TMP/eu"; ok $? "EU bands: 1 of 23 local firms is large"
grep -q '0.0869565' "$TMP/moved"; ok $? "--size-bands 10,50,100: 2 of 23 are large"
cm classify -f json $Q --size-bands 10,50,250 "$S/prato.graphml" | grep -v '"input"' > "$TMP/a"
cm classify -f json $Q "$S/prato.graphml" | grep -v '"input"' > "$TMP/b"
same "$TMP/a" "$TMP/b" "--size-bands 10,50,250 is the default"

# Every command that reads a network takes both options.
for c in validate info metrics classify; do
	cm $c --size-bands 5,20,100 --direction supplier=reverse "$S/prato.graphml" > /dev/null 2>&1
	status $? 0 "$c takes --size-bands and --direction"
	cm $c --help | grep -q -- '--size-bands MICRO,SMALL,LARGE'; ok $? "$c --help lists --size-bands"
done
cm diff --permutations 0 --direction supplier=reverse --size-bands 5,20,100 \
	"$DATA/time/pair-old.graphml" "$DATA/time/pair-new.graphml" > /dev/null 2>&1
status $? 0 "diff takes both"

# Usage errors.
for bad in 10,50 10,5,250 0,50,250 10,50,250,1000 a,b,c 10,50,250x; do
	cm info --size-bands "$bad" "$S/prato.graphml" > /dev/null 2>&1
	status $? 2 "--size-bands $bad is a usage error"
done
for bad in supplier supplier=forward =reverse supplier=reverse,; do
	cm info --direction "$bad" "$S/prato.graphml" > /dev/null 2>&1
	status $? 2 "--direction $bad is a usage error"
done

# An unreadable declaration is a warning, and ignored.
sed 's|<data key="direction">supplier=reverse</data>|<data key="direction">supplier=sideways</data>|' \
	hub-declared.graphml > "$TMP/baddecl.graphml"
cm classify -f json $Q "$TMP/baddecl.graphml" > "$TMP/out" 2> "$TMP/err"
status $? 0 "a bad declaration is not an error"
grep -q "graph attribute direction: 'supplier=sideways' is not RELATION=reverse; ignored" "$TMP/err"
ok $? "a bad declaration is a warning that says so"
done_testing
