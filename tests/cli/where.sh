#!/bin/sh
# SPDX-License-Identifier: MIT
# Every error names its file and its reason, "FILE: error: reason": the
# input for what is wrong with the data or the options applied to it, the
# output (<stdout> for standard output) for a failed write.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1
cp "$DATA/../../samples/prato.graphml" p.graphml

# says NAME LINE COMMAND...: exit 1 and exactly LINE on stderr.
says() {
	name=$1
	echo "$2" > want
	shift 2
	cm "$@" > /dev/null 2> err
	status $? 1 "$name: exits 1"
	same err want "$name: message"
}

says "render --size-by" \
	"p.graphml: error: unknown measure 'nosuch' for --size-by; use one of: size, none, degree, in_degree, out_degree, strength, betweenness, betweenness_norm, closeness, harmonic, eigenvector, pagerank, coreness, constraint, effective_size, coordinator, itinerant, gatekeeper, representative, liaison, community" \
	render --size-by nosuch -o x.svg p.graphml
says "render --color-by" \
	"p.graphml: error: no actor has attribute 'nosuch' for --color-by; use kind, community, role or a node attribute" \
	render --color-by nosuch -o x.svg p.graphml
says "metrics --graphml into a missing folder" \
	"missing/x.graphml: error: cannot create output: No such file or directory" \
	metrics --graphml missing/x.graphml p.graphml

if [ -w /dev/full ]; then
	full="<stdout>: error: write failed: No space left on device"
	for c in classify "classify -f json" "metrics -f json" "render -f dot -o -"; do
		# shellcheck disable=SC2086 # c holds the command and its options
		cm $c p.graphml > /dev/full 2> err
		status $? 1 "$c into a full stdout: exits 1"
		grep -qx -- "$full" err; ok $? "$c into a full stdout: names ENOSPC"
		! grep -q 'Input/output error\|p.graphml' err
		ok $? "$c into a full stdout: no guessed reason, not the input's name"
	done
	cm validate p.graphml > /dev/full 2> err
	grep -q 'standard output: No space left on device' err
	ok $? "validate into a full stdout names ENOSPC"
else
	skip "full standard output" "no /dev/full"
fi
done_testing
