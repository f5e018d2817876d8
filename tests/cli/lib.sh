# SPDX-License-Identifier: MIT
# TAP helpers for the CLI tests. Source it; run commands from the fixture
# folder so that file names in messages are stable.
: "${top_srcdir:=.}" "${CLUSTERMAP:=./clustermap}"
TOP=$(cd "$top_srcdir" && pwd)
DATA="$TOP/tests/data"
tap_n=0
tap_fail=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cm-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Under valgrind when CM_VALGRIND is set (see .ci/run).
cm() {
	if [ -n "${CM_VALGRIND:-}" ]; then
		$CM_VALGRIND "$CLUSTERMAP" "$@"
	else
		"$CLUSTERMAP" "$@"
	fi
}

ok() { # ok COND-STATUS NAME
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_fail=$((tap_fail + 1))
	fi
}

skip() { # skip NAME REASON
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# todo NAME REASON: a known defect outside the project, reported as such
# (TAP TODO: the harness counts it as an expected failure, not a pass).
todo() {
	tap_n=$((tap_n + 1))
	echo "not ok $tap_n - $1 # TODO $2"
}

diag() { sed 's/^/# /'; }

# same GOT-FILE EXPECTED-FILE NAME: passes when the files are equal; shows
# the difference otherwise. CM_REGEN=1 rewrites the expected file instead.
same() {
	if [ -n "${CM_REGEN:-}" ]; then cp "$1" "$2"; fi
	if diff -u "$2" "$1" > "$TMP/diff" 2>&1; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag < "$TMP/diff"
	fi
}

# status CODE EXPECTED NAME
status() {
	if [ "$1" -eq "$2" ]; then ok 0 "$3"; else ok 1 "$3 (exit $1, expected $2)"; fi
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_fail" -eq 0 ]
}
