#!/bin/sh
# SPDX-License-Identifier: MIT
# Layers measured in worker processes (--jobs N > 1, and by default on
# large networks) give byte for byte what one process gives, in every
# format, on every sample and reference network; the same for classify,
# which measures through the same code.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1

for f in samples/*.graphml tests/data/reference/*.graphml; do
	name=$(basename "$f" .graphml)
	for fmt in json csv; do
		cm metrics -q -f $fmt --jobs 1 "$f" > "$TMP/one" 2>&1
		status $? 0 "$name: metrics -f $fmt in one process"
		cm metrics -q -f $fmt --jobs 3 "$f" > "$TMP/three" 2>&1
		status $? 0 "$name: metrics -f $fmt in three processes"
		cmp -s "$TMP/one" "$TMP/three"
		ok $? "$name: -f $fmt the same in one and in three processes"
	done
done

# A warning raised while a worker measures its layer reaches stderr once.
f=tests/data/reference/campnet.graphml
cm metrics -f json --jobs 1 "$f" > /dev/null 2> "$TMP/err1"
cm metrics -f json --jobs 3 "$f" > /dev/null 2> "$TMP/err3"
cmp -s "$TMP/err1" "$TMP/err3"
ok $? "campnet: the same warnings in one and in three processes"

done_testing
