#!/bin/sh
# SPDX-License-Identifier: MIT
# Safe output: every -o file is written to a temporary file in the same
# folder and renamed into place, so a failure (bad input, a write error, a
# file-size limit standing in for a full disk) never leaves a truncated file
# or destroys the previous one, and no temporary file stays behind. Writing
# to a full disk (/dev/full) or a closed stdout is an error with exit 1.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1
P="$TOP/samples/prato.graphml"
BAD="$DATA/bad/malformed.graphml"

# no_temp NAME: nothing but the expected files in the folder.
no_temp() {
	left=$(ls -A | grep -c '\.tmp-')
	[ "$left" -eq 0 ]; ok $? "$1: no temporary file left"
}

# kept NAME FILE: FILE still holds its old content.
kept() {
	[ "$(cat "$2")" = "OLD" ]; ok $? "$1: the previous $2 is intact"
}

# -o writes what stdout would have shown.
for cmd in info metrics; do
	cm $cmd "$P" > stdout.txt 2> /dev/null
	cm $cmd -o out.txt "$P" > printed.txt 2> /dev/null
	status $? 0 "$cmd -o exits 0"
	same out.txt stdout.txt "$cmd -o writes the report"
	[ ! -s printed.txt ]; ok $? "$cmd -o prints nothing on stdout"
	no_temp "$cmd -o"
done

# A failed read leaves the previous output alone.
for cmd in info metrics; do
	echo OLD > out.txt
	cm $cmd -o out.txt "$BAD" > /dev/null 2> err.txt
	status $? 1 "$cmd -o with a bad input exits 1"
	kept "$cmd -o with a bad input" out.txt
	no_temp "$cmd -o with a bad input"
done
echo OLD > out.txt
cm info -o out.txt "$P" "$BAD" > /dev/null 2>&1
status $? 1 "info -o over a batch with a bad file exits 1"
kept "info -o over a batch with a bad file" out.txt
echo OLD > out.svg
cm render "$BAD" -o out.svg > /dev/null 2>&1
status $? 1 "render -o with a bad input exits 1"
kept "render -o with a bad input" out.svg
no_temp "render -o with a bad input"

# A write that fails half-way (the file-size limit stands in for a full
# disk: with SIGXFSZ ignored, write() fails with EFBIG).
for cmd in info metrics; do
	echo OLD > out.txt
	(trap '' XFSZ; ulimit -f 1 && cm $cmd -o out.txt "$P") > /dev/null 2> err.txt
	status $? 1 "$cmd -o failing half-way exits 1"
	grep -q 'write failed' err.txt; ok $? "$cmd -o failing half-way says so"
	kept "$cmd -o failing half-way" out.txt
	no_temp "$cmd -o failing half-way"
done

# An output folder that does not exist.
cm info -o missing/out.txt "$P" > /dev/null 2> err.txt
status $? 1 "-o into a missing folder exits 1"
grep -q 'missing/out.txt: error: cannot create output' err.txt
ok $? "-o into a missing folder says so"

# A full disk and a closed stdout, for every command that prints a result.
for cmd in info validate metrics; do
	cm $cmd "$P" > /dev/full 2> err.txt
	status $? 1 "$cmd > /dev/full exits 1"
	grep -q 'No space left on device' err.txt; ok $? "$cmd > /dev/full says why"
	cm $cmd "$P" >&- 2> err.txt
	status $? 1 "$cmd with stdout closed exits 1"
	[ "$(wc -l < err.txt)" -ge 1 ] && grep -q 'error' err.txt
	ok $? "$cmd with stdout closed says so"
done
cm --help > /dev/full 2> /dev/null; status $? 1 "--help > /dev/full exits 1"

# With stdout closed, the output file must not receive what was meant for
# stdout (the freed descriptor is not reused for it).
cm info -o out.txt "$P" >&- 2> /dev/null
status $? 0 "info -o with stdout closed still writes its file"
cm info "$P" > want.txt 2> /dev/null
same out.txt want.txt "info -o with stdout closed: the file holds the report only"
# A closed stdin is a read error, not an empty file.
cm validate - <&- > /dev/null 2> err.txt
status $? 1 "validate - with stdin closed exits 1"
done_testing
