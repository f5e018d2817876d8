#!/bin/sh
# SPDX-License-Identifier: MIT
# Weights are finite numbers (docs/graphml.md): subnormal and extreme ones
# are read, written back by metrics --graphml and read again unchanged.
# The rejected ones are in tests/data/bad/weights.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1
{
	echo '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
	echo '<key id="w" for="edge" attr.name="weight" attr.type="double"/>'
	echo '<graph edgedefault="directed"><node id="a"/><node id="b"/><node id="c"/>'
	for w in 4e-320 2.5e-310 1e-400 1.7976931348623157e308 -0.5 0.1; do
		echo "<edge source=\"a\" target=\"b\"><data key=\"w\">$w</data></edge>"
	done
	echo '<edge source="b" target="c"/></graph></graphml>'
} > in.graphml
cm validate in.graphml > /dev/null 2> err
status $? 0 "subnormal and extreme weights are valid"
cm metrics -q --graphml once.graphml in.graphml > /dev/null
status $? 0 "metrics --graphml writes them back"
cm metrics -q --graphml twice.graphml once.graphml > /dev/null
status $? 0 "the written file is read again"
grep -o '<data key="weight">[^<]*' once.graphml | sed 's/.*>//' > got
printf '%s\n' 3.999955468730732e-320 2.5000000000000171e-310 0 1.7976931348623157e+308 \
	-0.5 0.10000000000000001 > want
same got want "every weight is written, the subnormals as the doubles read"
cmp -s once.graphml twice.graphml; ok $? "writing back again gives the same file"
done_testing
