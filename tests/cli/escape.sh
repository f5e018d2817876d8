#!/bin/sh
# SPDX-License-Identifier: MIT
# Input quoted in messages and text reports is escaped (docs/graphml.md,
# "Messages"): an id, a label, a file name or an argument holding a newline
# or a C1 control cannot forge a line or drive the terminal. The reader's
# own messages are checked by tests/data/bad/forged-id.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1
NL='
'
C1=$(printf '\302\233') # U+009B, CSI

# no_controls FILE NAME: no C0 control but newline, no DEL, no C1 in FILE.
no_controls() {
	! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1" &&
		! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"
	ok $? "$2"
}

sed -e 's|>Boeing Commercial Airplanes<|>Boeing\&#10;Forged line\&#x9b;31m<|' \
	"$DATA/../../samples/hub-and-spoke.graphml" > hub.graphml
cm classify hub.graphml > out 2> err
status $? 0 "classify: a label with a newline is read"
tr '\n' ' ' < out | grep -q 'converges on *Boeing\\nForged line\\u{9B}31m (large firm'
ok $? "classify text: the label's newline and CSI are escaped"
no_controls out "classify text: no raw control characters"

printf '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="r" for="edge" attr.name="relation"/><graph id="g&#10;x" edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"><data key="r">lay&#10;er&#x9b;</data></edge></graph></graphml>\n' > t.graphml
cm info -q t.graphml > out
status $? 0 "info: ids with controls are read"
grep -q '^snapshot 1: id g\\nx$' out; ok $? "info text: the graph id is escaped"
grep -q '^    lay\\ner\\u{9B}  1 directed, 0 undirected$' out
ok $? "info text: the layer name is escaped and the columns kept"
no_controls out "info text: no raw control characters"
cm validate t.graphml 2> err > /dev/null
grep -q "relation 'lay\\\\ner\\\\u{9B}' is not" err; ok $? "warning: the relation is escaped"

bad="a${NL}b${C1}.graphml"
cm validate "$bad" 2> err
status $? 1 "a missing file whose name has a newline exits 1"
printf '%s\n' 'a\nb\u{9B}.graphml: error: cannot open: No such file or directory' > want
same err want "the file name is escaped in the message"
cm validate --max-nodes "1${NL}2" x.graphml 2> err
status $? 2 "a bad argument is a usage error"
grep -q "^clustermap validate: '1\\\\n2' is not a whole number$" err
ok $? "the argument is escaped in the usage message"
cm "x${NL}error: FORGED" 2> err
status $? 2 "an unknown command is a usage error"
[ "$(wc -l < err)" -eq 2 ] && grep -q "^clustermap: unknown command 'x\\\\nerror: FORGED'$" err
ok $? "the command name is escaped"

# The metrics, diff and timeline text reports: ids, labels, layer names,
# graph ids, attribute names and values from the file are escaped.
OLD="$DATA/escape/forged-old.graphml"
NEW="$DATA/escape/forged-new.graphml"
# forged NAME FILE: no forged line and no raw control in a report.
forged() {
	! grep -q '^forged.graphml:' "$2"; ok $? "$1: no forged diagnostic line"
	no_controls "$2" "$1: no raw control characters"
}
cm metrics -q -n -g sector "$OLD" > out
status $? 0 "metrics: forged ids are read"
forged "metrics text" out
grep -q '^  a\\nforged.graphml:1:1: error: FORGED  ' out; ok $? "metrics text: the id is escaped in the actor table"
grep -q '^snapshot: g\\nforged.graphml:1:1: error: GID$' out; ok $? "metrics text: the graph id is escaped"
grep -q '^  b\\u{9B}31m  ' out; ok $? "metrics text: a C1 control is escaped"
grep -q '^Actors, supplier\\nforged.graphml:3:3: error: REL layer$' out; ok $? "metrics text: the layer name is escaped"
cm diff -q --permutations 5 "$OLD" "$NEW" > out
status $? 0 "diff: forged ids are read"
forged "diff text" out
grep -Eq '^  \+ c -> a\\nforged.graphml:1:1: error: FORGED( \(.*\))?$' out; ok $? "diff text: a formed tie's ends are escaped"
grep -q '^new: h\\nforged.graphml:1:1: error: GID2 (' out; ok $? "diff text: the snapshot name is escaped"
cm timeline -q "$OLD" "$NEW" > out
status $? 0 "timeline: forged ids are read"
forged "timeline text" out
grep -q '^  h\\nforged.graphml:1:1: error: GID2      3      2 ' out; ok $? "timeline text: the snapshot's name is escaped in its column"
done_testing
