#!/bin/sh
# SPDX-License-Identifier: MIT
# Hostile and broken input: entity expansion, external entities, a DOCTYPE
# naming a local file, XInclude and locators, deep nesting, a 100 MB
# attribute value and random bytes are each rejected (or, for XInclude and
# locators, ignored) quickly with a clear message, and no file but the input
# is ever opened. The id- and value-length limits are tested just under and
# just over (tests/cli/limits.sh does bytes, nodes, edges and depth). The
# big files are generated here, in $TMP, never committed.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1
HEAD='<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
# Seconds a rejection may take (valgrind is some 50 times slower).
if [ -n "${CM_VALGRIND:-}" ]; then QUICK=300; else QUICK=20; fi

now() { date +%s; }

# rejected NAME FILE EXPECTED-MESSAGE-PATTERN [OPTIONS...]: exit 1, quickly,
# with a message matching the pattern, nothing on stdout.
rejected() {
	name=$1 file=$2 pattern=$3
	shift 3
	t0=$(now)
	cm validate "$@" "$file" > out 2> err
	rc=$?
	took=$(($(now) - t0))
	status "$rc" 1 "$name: exits 1"
	grep -q -- "$pattern" err
	ok $? "$name: says '$pattern'"
	[ ! -s out ]; ok $? "$name: nothing on stdout"
	[ "$took" -le "$QUICK" ]; ok $? "$name: rejected in ${took}s"
	head -3 err | diag
}

# A file the reader must never open: opening a FIFO with no writer blocks,
# so a read of it would hang (and time out) instead of passing.
mkfifo trap.dtd trap.graphml || exit 1

# Billion laughs: ten levels of ten-fold entity expansion.
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE graphml ['
	echo '<!ENTITY lol0 "lol">'
	for i in 1 2 3 4 5 6 7 8 9; do
		printf '<!ENTITY lol%d "' $i
		for j in 1 2 3 4 5 6 7 8 9 10; do printf '&lol%d;' $((i - 1)); done
		echo '">'
	done
	echo ']>'
	echo "$HEAD<graph edgedefault=\"directed\"><node id=\"&lol9;\"/></graph></graphml>"
} > laughs.graphml
rejected "entity expansion" laughs.graphml "DOCTYPE declarations are not allowed"

# An external entity that would read a local file into a node id.
cat > xxe.graphml << EOT
<?xml version="1.0"?>
<!DOCTYPE graphml [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
$HEAD<graph edgedefault="directed"><node id="&xxe;"/></graph></graphml>
EOT
rejected "external entity" xxe.graphml "DOCTYPE declarations are not allowed"
! grep -q 'root:' err; ok $? "external entity: nothing of the file leaks into messages"

# An entity used without any declaration is not fetched from anywhere.
echo "$HEAD<graph edgedefault=\"directed\"><node id=\"a\">&xxe;</node></graph></graphml>" > undef.graphml
rejected "undeclared entity" undef.graphml "Entity 'xxe' not defined"

# A DOCTYPE that names a local file (a FIFO: opening it would hang).
cat > doctype.graphml << EOT
<?xml version="1.0"?>
<!DOCTYPE graphml SYSTEM "trap.dtd">
$HEAD<graph edgedefault="directed"/></graphml>
EOT
rejected "DOCTYPE naming a local file" doctype.graphml "DOCTYPE declarations are not allowed"

# XInclude and locators are never followed: dropped with a warning.
cat > include.graphml << EOT
<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xi="http://www.w3.org/2001/XInclude"
 xmlns:xlink="http://www.w3.org/1999/xlink"><graph edgedefault="directed">
<xi:include href="trap.graphml" parse="xml"/><node id="a"/><locator xlink:href="trap.graphml"/>
</graph></graphml>
EOT
t0=$(now)
cm validate include.graphml > out 2> err
status $? 0 "XInclude and locator: the rest of the file is read"
[ $(($(now) - t0)) -le "$QUICK" ]; ok $? "XInclude and locator: never opened"
grep -q 'locators are never followed' err; ok $? "locator: dropped with a warning"

# 100000 nested elements: stopped at the depth limit.
{
	printf '%s<graph edgedefault="directed"><node id="a">' "$HEAD"
	i=0
	while [ $i -lt 1000 ]; do
		printf '<x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x>'
		printf '<x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x>'
		printf '<x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x>'
		printf '<x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x>'
		printf '<x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x><x>'
		i=$((i + 1))
	done
} > deep.graphml
rejected "deep nesting" deep.graphml "nesting depth exceeds the limit of 64"

# A 100 MB attribute value.
{
	printf '%s<graph edgedefault="directed"><node id="a" note="' "$HEAD"
	head -c 100000000 /dev/zero | tr '\0' a
	printf '"/></graph></graphml>\n'
} > big.graphml
rejected "100 MB attribute value" big.graphml "10 MB limit"
rm -f big.graphml

# A 100 MB id is stopped the same way; a 2 MB <data> value at the value limit.
{
	printf '%s<key id="k" for="node" attr.name="note"/><graph edgedefault="directed">' "$HEAD"
	printf '<node id="a"><data key="k">'
	head -c 2000000 /dev/zero | tr '\0' a
	printf '</data></node></graph></graphml>\n'
} > value.graphml
rejected "2 MB value" value.graphml "value length exceeds the limit of 1048576"

# Random bytes (a fixed pseudo-random sequence, so that runs agree).
LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 262144; i++) printf "%c", int(rand() * 256) }' \
	> random.graphml
rejected "random bytes" random.graphml "not an XML file"

# Id and value lengths just under and just over their limits.
id8="abcdefgh" val10="0123456789"
cat > lengths.graphml << EOT
$HEAD<key id="k" for="node" attr.name="note"/><graph edgedefault="directed">
<node id="$id8"><data key="k">$val10</data></node></graph></graphml>
EOT
cm validate --max-id-length 8 --max-value-length 10 lengths.graphml > /dev/null 2>&1
status $? 0 "id of 8 bytes and value of 10 bytes at --max-id-length 8 --max-value-length 10"
rejected "id one byte over --max-id-length" lengths.graphml "id length exceeds the limit of 7" \
	--max-id-length 7
rejected "value one byte over --max-value-length" lengths.graphml \
	"value length exceeds the limit of 9" --max-value-length 9
# Edge ends and key ids count as ids too.
cat > endpoint.graphml << EOT
$HEAD<graph edgedefault="directed"><node id="a"/><node id="b"/>
<edge source="a" target="b" id="$id8"/></graph></graphml>
EOT
cm validate --max-id-length 8 endpoint.graphml > /dev/null 2>&1
status $? 0 "edge id at --max-id-length"
rejected "edge id over --max-id-length" endpoint.graphml "id length exceeds" --max-id-length 7

# A key id longer than 255 bytes (under the id limit) works like any other.
long=$(head -c 300 /dev/zero | tr '\0' k)
cat > longkey.graphml << EOT
$HEAD<key id="$long" for="node" attr.name="kind"/><graph edgedefault="directed">
<node id="a"><data key="$long">university</data></node></graph></graphml>
EOT
cm validate longkey.graphml > out 2> err
status $? 0 "a 300-byte key id is found again"
cm info -f json longkey.graphml 2> /dev/null | grep -q '"university": 1'
ok $? "its value is read"

# An error after the context's 1000 kept diagnostics still fails the file.
{
	printf '%s<key id="k" for="node" attr.name="kind"/><graph edgedefault="directed">\n' "$HEAD"
	i=0
	while [ $i -lt 1001 ]; do
		printf '<node id="n%d"><data key="k">bakery</data></node>\n' $i
		i=$((i + 1))
	done
	printf '<edge source="n0" target="ghost"/></graph></graphml>\n'
} > many.graphml
cm validate many.graphml > out 2> err
status $? 1 "an error past 1000 warnings still makes the file invalid"
! grep -q valid out; ok $? "and it is not called valid"
done_testing
