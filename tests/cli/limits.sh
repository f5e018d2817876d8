#!/bin/sh
# SPDX-License-Identifier: MIT
# Content past a limit set on the command line: each --max-* option stops the
# read with its own message (tests/cli/expected/limits.txt) and exit 1;
# exactly at the limit passes; 0 means no limit; bad values are usage errors.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
P=samples/prato.graphml # 60 nodes, 453 edges, depth 4, ids up to 16 bytes
: > "$TMP/all"
for opt in "--max-nodes 2" "--max-edges 5" "--max-depth 3" "--max-id-length 5" \
	"--max-value-length 10" "--max-bytes 100"; do
	cm validate $opt "$P" > "$TMP/out" 2> "$TMP/err"
	status $? 1 "validate $opt exits 1"
	[ ! -s "$TMP/out" ]; ok $? "validate $opt: nothing on stdout"
	echo "validate $opt" >> "$TMP/all"
	cat "$TMP/err" >> "$TMP/all"
done
same "$TMP/all" "$TOP/tests/cli/expected/limits.txt" "each limit has its message"

# A limit met in the middle of an element's attributes stops the read there
# (the attributes after it are never looked at).
printf '%s\n' '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">' \
	'<graph id="prato-2019" edgedefault="undirected"><node id="a"/></graph></graphml>' \
	> "$TMP/longid.graphml"
cm validate --max-id-length 4 "$TMP/longid.graphml" > /dev/null 2> "$TMP/err"
status $? 1 "a graph id past --max-id-length exits 1"
grep -q ':2:48: error: id length exceeds the limit of 4; raise it with --max-id-length$' \
	"$TMP/err"
ok $? "and names the option"

# The boundaries: exactly at a limit is allowed, one below is not.
cm validate --max-nodes 60 --max-edges 453 --max-depth 4 "$P" > /dev/null 2>&1
status $? 0 "exactly at the node, edge and depth limits is valid"
cm validate --max-nodes 59 "$P" > /dev/null 2>&1; status $? 1 "one node too many"
cm validate --max-edges 452 "$P" > /dev/null 2>&1; status $? 1 "one edge too many"
size=$(wc -c < "$P")
cm validate --max-bytes "$size" "$P" > /dev/null 2>&1; status $? 0 "exactly --max-bytes is valid"
cm validate --max-bytes $((size - 1)) "$P" > /dev/null 2>&1; status $? 1 "one byte too many"
cm validate --max-nodes 0 --max-edges 0 --max-bytes 0 "$P" > /dev/null 2>&1
status $? 0 "0 means no limit"
cm validate --max-bytes 100 - < "$P" > /dev/null 2>&1; status $? 1 "limits apply to stdin"

# info honours the same limits and writes no report.
cm info --max-nodes 2 "$P" > "$TMP/out" 2> /dev/null
status $? 1 "info --max-nodes 2 exits 1"
[ ! -s "$TMP/out" ]; ok $? "info past a limit writes no report"

# At most 1000 warnings are kept per file, and they cannot hide an error
# that comes after them.
awk 'BEGIN {
	print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
	print "<key id=\"k\" for=\"node\" attr.name=\"kind\"/><graph>"
	for (i = 0; i < 1100; i++) printf "<node id=\"n%d\"><data key=\"k\">bakery</data></node>\n", i
	print "<node id=\"n1\"/></graph></graphml>"
}' > "$TMP/flood.graphml"
cm validate "$TMP/flood.graphml" > /dev/null 2> "$TMP/err"
status $? 1 "an error after 1100 warnings makes the file invalid"
tail -n 1 "$TMP/err" | grep -q "error: duplicate node id 'n1'"
ok $? "and is still printed"
grep -c warning "$TMP/err" > "$TMP/n"; echo 1000 > "$TMP/want"
same "$TMP/n" "$TMP/want" "1000 warnings are kept"

# Bad values are usage errors.
for v in -1 2x "" 1e3; do
	cm validate --max-nodes "$v" "$P" > /dev/null 2>&1
	status $? 2 "--max-nodes '$v' is a usage error"
done

# Memory follows the input (issue 23, items 3 and 4). Peak memory (the
# maximum resident set, a bound and not a timing) is measured with GNU time
# (/usr/bin/time, Debian's package "time"); without it, and under valgrind
# or AddressSanitizer, which inflate it, the bound is skipped. The inputs
# are generated in $TMP, never committed.
real=$(dirname "$CLUSTERMAP")/.libs
peak_ok() { # peak_ok KB-FILE NAME [MB]: the peak stayed under MB (200)
	if [ ! -x /usr/bin/time ]; then
		skip "$2" "/usr/bin/time (GNU time) is not installed"
	elif [ -n "${CM_VALGRIND:-}" ] ||
		grep -aqs __asan_init "$real/clustermap" "$real/libclustermap.so"; then
		skip "$2" "no honest peak memory under valgrind or sanitizers"
	else
		kb=$(tail -n 1 "$1")
		[ "$kb" -lt $((${3:-200} * 1024)) ]; ok $? "$2 (peak $((kb / 1024)) MB)"
	fi
}
peak() { # peak KB-FILE CMD...: runs cm under GNU time when there is one
	kb=$1
	shift
	if [ -x /usr/bin/time ] && [ -z "${CM_VALGRIND:-}" ]; then
		/usr/bin/time -o "$kb" -f %M "$CLUSTERMAP" "$@"
	else
		cm "$@"
	fi
}

# 20,000 node keys, each used on one node (2 MB): columns are sparse.
awk 'BEGIN {
	print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
	for (i = 0; i < 20000; i++) printf "<key id=\"k%d\" for=\"node\" attr.name=\"a%d\"/>\n", i, i
	print "<graph edgedefault=\"undirected\">"
	for (i = 0; i < 20000; i++) printf "<node id=\"n%d\"><data key=\"k%d\">x</data></node>\n", i, i
	print "</graph></graphml>"
}' > "$TMP/keys.graphml"
peak "$TMP/kb" validate "$TMP/keys.graphml" > /dev/null 2>&1
status $? 0 "20,000 keys each used once are valid"
peak_ok "$TMP/kb" "and take less than 200 MB"

# A million empty <graph/> (8 MB): stopped at the 10,001st.
awk 'BEGIN {
	print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
	for (i = 0; i < 1000000; i++) printf "<graph/>"
	print "</graphml>"
}' > "$TMP/snapshots.graphml"
peak "$TMP/kb" validate "$TMP/snapshots.graphml" > /dev/null 2> "$TMP/err"
status $? 1 "a million snapshots exit 1"
grep -q ':2:80007: error: <graph> count exceeds the limit of 10000; raise it with --max-snapshots$' \
	"$TMP/err"
ok $? "and name --max-snapshots"
peak_ok "$TMP/kb" "and take less than 200 MB"
# An actor with 700,000 ties (21 MB): Graphviz's edge dictionary overflowed
# the stack past about 600,000 ties between two actors. Parallel ties are
# drawn as one weighted line, so the drawing stays small.
awk 'BEGIN {
	print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
	print "<graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>"
	for (i = 0; i < 700000; i++) print "<edge source=\"a\" target=\"b\"/>"
	print "</graph></graphml>"
}' > "$TMP/hub.graphml"
peak "$TMP/kb" render -o "$TMP/hub.svg" "$TMP/hub.graphml" > /dev/null 2> "$TMP/err"
status $? 0 "render of an actor with 700,000 ties exits 0"
[ "$(grep -c 'class="edge"' "$TMP/hub.svg")" -eq 2 ] # the tie and the legend's sample
ok $? "and draws them as one line"
peak_ok "$TMP/kb" "and takes less than 400 MB" 400
rm -f "$TMP/hub.graphml" "$TMP/keys.graphml" "$TMP/snapshots.graphml"
printf '%s\n' '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">' \
	'<graph/><graph/><graph/></graphml>' > "$TMP/three.graphml"
cm validate --max-snapshots 3 "$TMP/three.graphml" > /dev/null 2>&1
status $? 0 "exactly --max-snapshots is valid"
cm validate --max-snapshots 2 "$TMP/three.graphml" > /dev/null 2>&1
status $? 1 "one snapshot too many"

# Attributes per element (issue 23, item 5): libxml2 checks them for
# duplicates quadratically, and only once it has all of them, so their
# number is counted on the bytes before libxml2 sees them
# (src/lib/graphml/xmlscan.c); the message points at the first value past
# the limit.
awk 'BEGIN {
	printf "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph><node id=\"a\""
	for (i = 0; i < 300; i++) printf " a%d=\"1\"", i
	print "/></graph></graphml>"
}' > "$TMP/attrs.graphml"
# FILE holds a <node> with 301 attributes: refused at WHERE (FILE:LINE:COL
# or its tail) naming the element and the option, read with the limit at 301.
attrs_301() { # FILE WHERE WHAT IN
	cm validate "$1" > /dev/null 2> "$TMP/err"
	status $? 1 "$3 with 301 attributes exits 1"
	grep -q "$2: error: attribute count of <node> exceeds the limit of 256; raise it with --max-attributes\$" \
		"$TMP/err"
	ok $? "and names the element and --max-attributes"
	cm validate --max-attributes 301 "$1" > /dev/null 2>&1
	status $? 0 "exactly --max-attributes is valid$4"
}
attrs_301 "$TMP/attrs.graphml" ':1:2266' "an element" ""
cm validate --max-attributes 0 --max-snapshots 0 "$TMP/attrs.graphml" > /dev/null 2>&1
status $? 0 "0 means no limit for them too"

# 100,000 attributes (1.2 MB) took 17 s before the read stopped, a million
# (8.8 MB) more than ten minutes, 200,000 namespace declarations 31 s:
# refused as the start tag is read, in a few megabytes. Peak memory is the
# bound; the time is not measured.
awk 'BEGIN {
	printf "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph><node id=\"a\""
	for (i = 0; i < 100000; i++) printf " a%d=\"1\"", i
	print "/></graph></graphml>"
}' > "$TMP/big.graphml"
(cd "$TMP" && peak "$TMP/kb" validate big.graphml) > /dev/null 2> "$TMP/err"
status $? 1 "an element with 100,000 attributes exits 1"
grep -qxF "$(cat "$TMP/err")" "$TOP/docs/graphml.md"
ok $? "at the 257th, as docs/graphml.md shows"
peak_ok "$TMP/kb" "and takes less than 100 MB" 100
rm -f "$TMP/big.graphml"
awk 'BEGIN {
	printf "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
	for (i = 0; i < 200000; i++) printf " xmlns:p%d=\"urn:%d\"", i, i
	print "><graph/></graphml>"
}' > "$TMP/attrs.graphml"
peak "$TMP/kb" info "$TMP/attrs.graphml" > "$TMP/out" 2> "$TMP/err"
status $? 1 "200,000 namespace declarations exit 1"
grep -q ':1:5202: error: attribute count of <graphml> exceeds the limit of 256' "$TMP/err"
ok $? "namespace declarations count"
[ ! -s "$TMP/out" ]; ok $? "and info writes no report"
peak_ok "$TMP/kb" "and take less than 100 MB" 100
rm -f "$TMP/attrs.graphml"

# The same for GEXF and for the XML parts of a workbook.
awk 'BEGIN {
	print "<gexf xmlns=\"http://www.gexf.net/1.3\" version=\"1.3\"><graph><nodes>"
	printf "<node id=\"a\""
	for (i = 0; i < 300; i++) printf " a%d=\"1\"", i
	print "/></nodes></graph></gexf>"
}' > "$TMP/attrs.gexf"
attrs_301 "$TMP/attrs.gexf" 'attrs.gexf:2:2204' "a GEXF element" " in GEXF"
if command -v python3 > /dev/null && python3 -c 'import zipfile' 2> /dev/null; then
	cm import --template "$TMP/template.xlsx" &&
		python3 - "$TMP/template.xlsx" "$TMP/book.xlsx" <<'PY'
import sys, zipfile
src, dst = (zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w"))
for name in src.namelist():
    data = src.read(name)
    if name == "xl/worksheets/sheet2.xml":
        extra = "".join(' x%d="1"' % i for i in range(300)).encode()
        data = data.replace(b'<c r="A1"', b'<c r="A1"' + extra, 1)
    dst.writestr(name, data)
dst.close()
PY
	(cd "$TMP" && cm import book.xlsx) > "$TMP/out" 2> "$TMP/err"
	status $? 1 "a workbook cell with 301 attributes exits 1"
	grep -qxF "$(head -n 1 "$TMP/err")" "$TOP/docs/import.md"
	ok $? "and names the part, the element and --max-attributes, as docs/import.md shows"
	[ ! -s "$TMP/out" ]; ok $? "and imports nothing"
else
	for t in 1 2 3; do skip "a workbook cell with 301 attributes ($t)" "no python3"; done
fi

# Encodings that could hide a start tag from the count are refused
# (tests/data/bad/encoding-*); UTF-16 and ISO-8859-1 read as UTF-8 does.
if iconv -f UTF-8 -t UTF-16 < /dev/null > /dev/null 2>&1; then
	sed 's/encoding="UTF-8"/encoding="UTF-16"/' samples/prato.graphml | iconv -f UTF-8 -t UTF-16 \
		> "$TMP/prato16.graphml"
	sed 's/encoding="UTF-8"/encoding="ISO-8859-1"/' samples/prato.graphml |
		iconv -f UTF-8 -t ISO-8859-1 > "$TMP/prato1.graphml"
	cm info "$P" > "$TMP/want"
	for f in prato16 prato1; do
		cm info "$TMP/$f.graphml" | sed "s|$TMP/$f.graphml|$P|" > "$TMP/out"
		same "$TMP/out" "$TMP/want" "$f.graphml reads as the UTF-8 sample"
	done
else
	for t in 1 2; do skip "UTF-16 and ISO-8859-1 samples ($t)" "no iconv"; done
fi

done_testing
