#!/bin/sh
# SPDX-License-Identifier: MIT
# `clustermap import`: node and edge sheets (CSV), mappings, surveys,
# matrices, workbooks and templates, against tests/cli/expected/import/:
# the GraphML written, the messages (pointing at cells), the summary, the
# exit status, and that a failed import writes nothing.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP/tests/data/import" || exit 1
EXP="$TOP/tests/cli/expected/import"

# run NAME WANT ARGS...: the GraphML (on success) and stderr against
# NAME.graphml and NAME.err, and the exit status.
run() {
	name=$1 want=$2
	shift 2
	cm import "$@" > "$TMP/out" 2> "$TMP/err"
	status $? "$want" "import $name: exit $want"
	if [ "$want" -eq 0 ]; then
		same "$TMP/out" "$EXP/$name.graphml" "import $name: GraphML"
		cm validate "$TMP/out" > /dev/null 2>&1
		status $? 0 "import $name: the output validates"
	else
		[ ! -s "$TMP/out" ]; ok $? "import $name: nothing on stdout"
	fi
	same "$TMP/err" "$EXP/$name.err" "import $name: messages and summary"
}

# ---------------------------------------------------------------- CSV pairs
run pair 0 --nodes nodes.csv --edges edges.csv
run missing 1 --nodes nodes.csv --edges edges-missing.csv
run add-missing 0 --nodes nodes.csv --edges edges-missing.csv --add-missing
run quote 1 --nodes nodes.csv --edges edges-quote.csv
run latin1 1 --nodes nodes.csv --edges edges-latin1.csv
run european 0 --nodes nodes-eu.csv --edges edges-eu.csv
run edges-only 0 --edges edges-only.csv
# Markup characters, tabs, line ends and UTF-8 in ids, labels, relations and
# extra columns: the expected file is what libxml2's xmlTextWriter wrote, the
# bytes the writer keeps since it writes without it.
run escapes 0 --nodes nodes-escapes.csv --edges edges-escapes.csv

# ---------------------------------------------------------------- mapping, survey, matrix
run survey 0 --nodes firms.csv --edges answers.csv --map survey.map
run survey-unmapped 1 --nodes firms.csv --edges answers-unmapped.csv --map survey.map
run bad-map 1 --nodes firms.csv --edges answers.csv --map bad.map
run matrix 0 --matrix matrix.csv --relation advice --nodes matrix-props.csv --map matrix.map
run matrix-receive 0 --matrix matrix.csv --relation advice --rows receive
run matrix-bad 1 --matrix matrix-bad.csv --relation advice
run matrix-comma 1 --matrix matrix.csv --relation advice --decimal .

# ---------------------------------------------------------------- workbooks
run book 0 book.xlsx
run formula 1 formula.xlsx
run date 1 date.xlsx
run bomb 1 bomb.xlsx
run max-bytes 1 book.xlsx --max-bytes 1000
run notbook 1 notbook.xlsx
run notzip 1 notzip.xlsx
run nosheet 1 book.xlsx --edges-sheet answers
run wine 0 ../../../samples/wine-survey.xlsx --map ../../../samples/wine-survey.map
run wine-unmapped 1 ../../../samples/wine-survey.xlsx

# ---------------------------------------------------------------- templates
cm import --template "$TMP/t1.xlsx" && cm import --template "$TMP/t2.xlsx"
status $? 0 "import --template FILE.xlsx exits 0"
cmp -s "$TMP/t1.xlsx" "$TMP/t2.xlsx"; ok $? "the template is the same bytes every time"
cm import "$TMP/t1.xlsx" > "$TMP/out" 2> "$TMP/err"
status $? 0 "the blank template imports"
grep -q "read 0 actors and 0 ties" "$TMP/err"; ok $? "the blank template holds no actor"
cm import "$TMP/t1.xlsx" --edges-sheet instructions > /dev/null 2> "$TMP/err"
status $? 1 "the template's instructions are no edge sheet"
grep -q "t1.xlsx\[instructions\]!A1: error: the edge sheet has neither" "$TMP/err"
ok $? "the template has an instructions sheet, read through the workbook"
cm import --template "$TMP/pair"
status $? 0 "import --template DIR exits 0"
same "$TMP/pair/nodes.csv" "$EXP/template-nodes.csv" "template nodes.csv"
same "$TMP/pair/edges.csv" "$EXP/template-edges.csv" "template edges.csv"
cm import --nodes "$TMP/pair/nodes.csv" --edges "$TMP/pair/edges.csv" > /dev/null 2>&1
status $? 0 "the blank CSV pair imports"
cm import --template /nonexistent/dir/t.xlsx 2> /dev/null
status $? 1 "a template that cannot be written fails"

# Parallel ties stay parallel: two bianchi -> rossi supply ties.
cm import --nodes nodes.csv --edges edges.csv 2> /dev/null |
	grep -c '<edge source="bianchi" target="rossi"' > "$TMP/n"
[ "$(cat "$TMP/n")" = 2 ]; ok $? "parallel ties are kept"

# A failed import leaves no output file, and an existing one untouched.
mkdir "$TMP/o"
echo keep > "$TMP/o/out.graphml"
cm import --nodes nodes.csv --edges edges-missing.csv -o "$TMP/o/out.graphml" 2> /dev/null
status $? 1 "import -o of a bad sheet fails"
[ "$(cat "$TMP/o/out.graphml")" = keep ]; ok $? "a failed import leaves -o as it was"
cm import --nodes nodes.csv --edges edges-missing.csv -o "$TMP/o/new.graphml" 2> /dev/null
[ "$(ls "$TMP/o")" = out.graphml ]; ok $? "a failed import creates no file, temporary or not"
cm import --nodes nodes.csv --edges edges.csv -o "$TMP/ok.graphml" -q > "$TMP/so" 2> "$TMP/e"
status $? 0 "import -o -q exits 0"
[ ! -s "$TMP/so" ] && [ ! -s "$TMP/e" ]; ok $? "import -o -q: nothing on stdout or stderr"
same "$TMP/ok.graphml" "$EXP/pair.graphml" "import -o writes the same GraphML"

# Usage errors.
for args in "" "--edges" "--matrix m.csv" "--rows sideways --edges edges.csv" \
	"--delimiter ab --edges edges.csv" "--nodes-sheet x --edges edges.csv" \
	"book.xlsx --edges edges.csv"; do
	# shellcheck disable=SC2086 # the arguments, split
	cm import $args > /dev/null 2>&1
	status $? 2 "import $args: usage error"
done

# employees from a sheet is text until it is written: the GraphML carries it
# as the model's own int key, and a second round keeps it so.
cm import --nodes nodes.csv --edges edges.csv -o "$TMP/emp.graphml" 2> /dev/null
grep -qx '  <key id="employees" for="node" attr.name="employees" attr.type="int"/>' "$TMP/emp.graphml" &&
	grep -q '<data key="employees">45</data>' "$TMP/emp.graphml"
ok $? "import: employees written as the model's int key"
cm metrics --graphml "$TMP/emp2.graphml" "$TMP/emp.graphml" > /dev/null 2>&1
grep -qx '  <key id="employees" for="node" attr.name="employees" attr.type="int"/>' "$TMP/emp2.graphml"
ok $? "import: employees stays the int key through a round trip"

done_testing
