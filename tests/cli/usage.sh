#!/bin/sh
# SPDX-License-Identifier: MIT
# Arguments that used to be taken silently, or failed late with a wrong
# reason, are usage errors (exit 2) that name the option.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1
S="$DATA/../../samples/prato.graphml"

# usage NAME PATTERN COMMAND...: exit 2, the pattern in the message, no output.
usage() {
	name=$1 pattern=$2
	shift 2
	cm "$@" > out 2> err
	status $? 2 "$name: exits 2"
	grep -q -- "$pattern" err; ok $? "$name: says '$pattern'"
}

usage "--stability past the bound" "--stability takes 0 to 10000" \
	classify --stability 99999999999 "$S"
usage "--stability 10001" "--stability takes 0 to 10000" classify --stability 10001 "$S"
usage "--replicates past the bound" "--replicates takes 0 to 10000" \
	classify --replicates 1000000000 "$S"
cm classify --stability 0 --replicates 0 "$S" > /dev/null
status $? 0 "--stability 0 --replicates 0 are still allowed"
usage "--map garbage" "'garbage' is not a pair" info --map garbage "$S"
usage "--map =x" "'=x' is not a pair" info --map =x "$S"
usage "--map kind=" "'kind=' is not a pair" info --map kind= "$S"
usage "--map with an empty pair" "is not a pair" info --map kind=category, "$S"
cm info --map kind=category,relation=type "$S" > /dev/null
status $? 0 "--map with two pairs is still allowed"
usage "render --snapshot 0" "--snapshot counts from 1" render --snapshot 0 -o x.svg "$S"
[ ! -e x.svg ]; ok $? "render --snapshot 0 writes nothing"

usage "-o X --graphml X" "name the same file 'X'" metrics -o X --graphml X "$S"
[ ! -e X ]; ok $? "-o X --graphml X writes nothing"
: > Y
ln -s Y L
usage "-o Y --graphml a link to Y" "name the same file 'L'" metrics -o Y --graphml L "$S"
usage "two outputs on stdout" "name the same file '-'" metrics --graphml - "$S"
usage "-o X --save-positions X" "name the same file 'X.svg'" \
	render -o X.svg --save-positions X.svg "$S"
usage "diff --output X --diagram X" "name the same file 'd.svg'" \
	diff -o d.svg --diagram d.svg "$S" "$S"
# Two spellings of one file that does not exist yet (issue 23, item 12):
# the folder is resolved and the name compared, links followed.
usage "-o N1 --graphml ./N1" "name the same file './N1'" metrics -o N1 --graphml ./N1 "$S"
[ ! -e N1 ]; ok $? "-o N1 --graphml ./N1 writes nothing"
mkdir sub
usage "-o N2 --graphml sub/../N2" "name the same file 'sub/../N2'" \
	metrics -o N2 --graphml sub/../N2 "$S"
usage "an absolute and a relative spelling" "name the same file 'N3'" \
	metrics -o "$PWD/N3" --graphml N3 "$S"
usage "-o N4.svg --save-positions ./N4.svg" "name the same file './N4.svg'" \
	render -o N4.svg --save-positions ./N4.svg "$S"
[ ! -e N4.svg ]; ok $? "and writes nothing"
ln -s N5.svg dangling.svg
usage "--save-positions a dangling link to -o's file" "name the same file 'dangling.svg'" \
	render -o N5.svg --save-positions dangling.svg "$S"
usage "diff --output ./d2.svg --diagram d2.svg" "name the same file './d2.svg'" \
	diff -o ./d2.svg --diagram d2.svg "$S" "$S"
cm metrics -o sub/N6 --graphml N6 "$S" > /dev/null 2>&1
status $? 0 "the same name in two folders is two files"
[ -s sub/N6 ] && [ -s N6 ]; ok $? "and both are written"
done_testing
