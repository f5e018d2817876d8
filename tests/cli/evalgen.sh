#!/bin/sh
# SPDX-License-Identifier: MIT
# The calibration evaluation at small size (tools/evalgen.py,
# docs/classification.md "Calibration of the confidence levels"): networks
# written from Markusen's descriptions, up to 200 actors, on held-out seeds;
# verdicts at "high" must be right at least 95% of the time and at
# "medium" at least 75%. The generator gives the same networks for the same
# seeds.
. "$top_srcdir/tests/cli/lib.sh"
EVALGEN="$TOP/tools/evalgen.py"
python3 "$EVALGEN" list --small --seeds 2001-2010 > "$TMP/a"
python3 "$EVALGEN" list --small --seeds 2001-2010 > "$TMP/b"
cmp -s "$TMP/a" "$TMP/b"; ok $? "the same seeds give the same networks"
grep -Eq 'external_hub|mix_|with_' "$TMP/a"; ok $? "the small set holds ambiguous designs"
python3 "$EVALGEN" report --small --check --jobs 1 --seeds 2001-2010 \
	--clustermap "$CLUSTERMAP" > "$TMP/report" 2> "$TMP/err"
status $? 0 "high right >= 95%, medium right >= 75% on the small held-out set"
diag < "$TMP/report"
diag < "$TMP/err"
grep -q '^| high | ' "$TMP/report"; ok $? "the reliability table has a row per level"
done_testing
