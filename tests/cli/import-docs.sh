#!/bin/sh
# SPDX-License-Identifier: MIT
# docs/import.md: every "$ clustermap ..." line of its console blocks runs,
# from a scratch folder holding the samples and the test data, and prints
# what the page shows (up to a "..." line); the commands of its sh blocks
# run; the sample workbook is what tools/make_workbooks.py writes.
. "$top_srcdir/tests/cli/lib.sh"
PAGE="$TOP/docs/import.md"
console_examples "$PAGE" 5
mkdir "$TMP/run" && ln -s "$TOP/samples" "$TMP/run/samples" && ln -s "$TOP/tests" "$TMP/run/tests"
cd "$TMP/run" || exit 1

# sh blocks: the commands run ("\" continues a line).
sed -n '/^```sh/,/^```/p' "$PAGE" | grep -v '^```' | sed -e ':a' -e '/\\$/{N;s/\\\n *//;ba' -e '}' \
	> "$TMP/sh"
while read -r prog args; do
	[ "$prog" = clustermap ] || continue
	# shellcheck disable=SC2086
	cm $args > /dev/null 2>&1 < /dev/null
	status $? 0 "docs/import.md: clustermap $args"
done < "$TMP/sh"

# The bundled workbooks hold what the generator writes (compared part by
# part: another zlib may compress the same parts to other bytes).
same_book() {
	"$PYTHON3" -c 'import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:])
sys.exit(a.namelist() != b.namelist() or any(a.read(n) != b.read(n) for n in a.namelist()))' "$1" "$2"
}
if [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import zipfile' 2> /dev/null; then
	mkdir "$TMP/gen" "$TMP/fix"
	"$PYTHON3" "$TOP/tools/make_workbooks.py" "$TMP/gen" "$TMP/fix"
	same_book "$TMP/gen/wine-survey.xlsx" "$TOP/samples/wine-survey.xlsx"
	ok $? "samples/wine-survey.xlsx is what tools/make_workbooks.py writes"
	for f in "$TMP"/fix/*.xlsx; do
		if [ "${f##*/}" = notzip.xlsx ]; then
			cmp -s "$f" "$TOP/tests/data/import/${f##*/}"
		else
			same_book "$f" "$TOP/tests/data/import/${f##*/}"
		fi
		ok $? "tests/data/import/${f##*/} is what tools/make_workbooks.py writes"
	done
else
	skip "samples/wine-survey.xlsx is what tools/make_workbooks.py writes" "no python3"
fi
done_testing
