#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints the closing line of the test run, "N passed, N failed, N skipped",
# counting every TAP test point of every test script (from the .trs files).
pass=0 fail=0 skip=0
for t in "$@"; do
	trs="${t%.sh}.trs"
	[ -f "$trs" ] || continue
	p=$(grep -c '^:test-result: PASS' "$trs")
	x=$(grep -c '^:test-result: XFAIL' "$trs")
	s=$(grep -c '^:test-result: SKIP' "$trs")
	f=$(grep -c '^:test-result: \(FAIL\|XPASS\|ERROR\)' "$trs")
	pass=$((pass + p + x)) skip=$((skip + s)) fail=$((fail + f))
done
echo "$pass passed, $fail failed, $skip skipped"
