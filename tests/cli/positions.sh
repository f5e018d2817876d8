#!/bin/sh
# SPDX-License-Identifier: MIT
# Saved positions read back for any id: a newline, a carriage return,
# quotes, a tab, a comma, a '%', a leading space (RFC 4180 records that
# take more than one line). tests/cli/render.sh has the layouts and pins.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1
cat > ids.graphml <<'XML'
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<graph edgedefault="directed">
<node id="line&#10;break"/><node id="cr&#13;&#10;lf"/><node id="say &quot;hi&quot;"/>
<node id="tab&#9;bed"/><node id="a,b"/><node id="50%"/><node id=" lead"/>
<node id="&quot;&#10;&quot;,1,2&#10;x"/><node id="plain"/>
<edge source="line&#10;break" target="plain"/><edge source="a,b" target="50%"/>
<edge source="say &quot;hi&quot;" target="tab&#9;bed"/>
<edge source="cr&#13;&#10;lf" target=" lead"/>
<edge source="&quot;&#10;&quot;,1,2&#10;x" target="plain"/>
</graph>
</graphml>
XML
cm render ids.graphml -f dot -o a.dot --save-positions pos1.csv 2> err
status $? 0 "--save-positions with odd ids exits 0"
cm render ids.graphml -f dot -o b.dot --positions pos1.csv --save-positions pos2.csv 2> err
status $? 0 "the saved positions are read back"
[ ! -s err ]; ok $? "no message reading them back"
same pos2.csv pos1.csv "every actor pinned where it was saved"
# A record whose quote never ends is reported at the line it starts on.
printf 'id,x,y\nplain,1,2\n"open\nstill,3,4\n' > open.csv
cm render ids.graphml -f dot -o c.dot --positions open.csv 2> err
status $? 1 "an unterminated quote exits 1"
echo 'open.csv:3:1: error: unterminated quote; expected id,x,y' > want
same err want "an unterminated quote is reported where the record starts"
# Lines after a record of two lines keep their numbers.
printf 'id,x,y\n"two\nlines",1,2\nplain,1,oops\n' > lines.csv
cm render ids.graphml -f dot -o d.dot --positions lines.csv 2> err
echo 'lines.csv:4:9: error: not a number; expected id,x,y' > want
same err want "line numbers count the lines inside a quoted id"
done_testing
