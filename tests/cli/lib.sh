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

# counts_and_content FORMAT TEXT MESSAGE FIXTURE EDGES: the checks every
# line-based reader shares. A file of TEXT (printf's format) whose header
# counts far more actors than it describes exits 1 with MESSAGE ("$TMP/huge"
# stands for the file), before the actors are made: memory follows the file,
# not the count. FIXTURE, copied under a .txt name, is still read as FORMAT
# (told by its content), with EDGES ties.
counts_and_content() {
	printf "$2" > "$TMP/huge"
	cm info "$TMP/huge" > /dev/null 2> "$TMP/err"
	status $? 1 "$1: a header counting more actors than the file holds exits 1"
	grep -qxF "$TMP/huge$3" "$TMP/err"
	ok $? "$1: the count named, against the file's size"
	cp "$4" "$TMP/fixture.txt"
	cm info "$TMP/fixture.txt" 2> /dev/null | grep -qx "  edges: $5"
	ok $? "$1: detected by content"
}

# status CODE EXPECTED NAME
status() {
	if [ "$1" -eq "$2" ]; then ok 0 "$3"; else ok 1 "$3 (exit $1, expected $2)"; fi
}

# console_examples PAGE MIN: every "$ clustermap ..." line of PAGE's console
# blocks runs from a scratch folder holding the samples and the test data
# (so that what they write with -o stays out of the source tree) and prints
# what the page shows, up to a "..." line; a shown error means exit 1. PAGE
# must show at least MIN commands. The doc-example tests share it.
console_examples() {
	ce_page=$1
	ce_name=${1#"$TOP"/}
	rm -rf "$TMP/ce" && mkdir "$TMP/ce" "$TMP/ce/run" || return 1
	ln -s "$TOP/samples" "$TMP/ce/run/samples" && ln -s "$TOP/tests" "$TMP/ce/run/tests"
	awk -v dir="$TMP/ce" '
		/^```console/ { inblock = 1; next }
		/^```/ { inblock = 0; next }
		inblock && /^\$ clustermap / { n++; sub(/^\$ clustermap /, ""); print > (dir "/cmd" n); next }
		inblock && n { print > (dir "/shown" n) }
		END { print n + 0 > (dir "/count") }
	' "$ce_page"
	ce_count=$(cat "$TMP/ce/count")
	[ "$ce_count" -ge "$2" ]; ok $? "$ce_name shows commands ($ce_count)"
	ce_i=1
	while [ "$ce_i" -le "$ce_count" ]; do
		ce_args=$(cat "$TMP/ce/cmd$ce_i")
		touch "$TMP/ce/shown$ce_i"
		ce_want=0
		grep -q ': error: ' "$TMP/ce/shown$ce_i" && ce_want=1
		# shellcheck disable=SC2086 # the page's words, as a shell would split them
		(cd "$TMP/ce/run" && cm $ce_args) > "$TMP/ce/out" 2>&1 < /dev/null
		status $? $ce_want "$ce_name: clustermap $ce_args"
		sed '/^ *\.\.\.$/,$d' "$TMP/ce/shown$ce_i" > "$TMP/ce/want"
		head -n "$(wc -l < "$TMP/ce/want")" "$TMP/ce/out" > "$TMP/ce/got"
		same "$TMP/ce/got" "$TMP/ce/want" "$ce_name: output of clustermap $ce_args"
		ce_i=$((ce_i + 1))
	done
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_fail" -eq 0 ]
}
