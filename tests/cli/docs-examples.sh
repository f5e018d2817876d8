#!/bin/sh
# SPDX-License-Identifier: MIT
# Examples in docs/time.md and docs/json.md are what the program prints, so
# that the pages cannot drift from it. time.md: every console block runs
# from a scratch folder holding the samples and the test data; its shown
# lines are the output's first lines (up to a "..." line), or, for a block
# marked "(excerpt ...)", lines found in the output. A block the page marks
# "<!-- checked by tests/cli/X.sh -->" is left to that test. json.md: each
# JSON block follows a "<!-- example: clustermap ARGS -->" line and every
# member it shows is in that command's output (tests/cli/docs_json.py).
. "$top_srcdir/tests/cli/lib.sh"
mkdir "$TMP/run" && ln -s "$TOP/samples" "$TMP/run/samples" && ln -s "$TOP/tests" "$TMP/run/tests"
cd "$TMP/run" || exit 1

# One file per command: cmdN (continuation lines joined), shownN, excerptN.
awk -v dir="$TMP" '
	/^<!-- checked by / { skip = 1; next }
	/^```console/ { inblock = 1; if (skip) { inblock = 2 } skip = 0; next }
	/^```/ { inblock = 0; next }
	inblock == 1 && cont { sub(/^ */, ""); line = line " " $0 }
	inblock == 1 && /^\$ / && !cont { n++; line = substr($0, 3) }
	inblock == 1 && (/^\$ / || cont) {
		cont = sub(/ *\\$/, "", line)
		if (!cont) {
			if (line ~ /\(excerpt/) { sub(/ *\(excerpt.*/, "", line); print 1 > (dir "/excerpt" n) }
			print line > (dir "/cmd" n)
		}
		next
	}
	inblock == 1 && n { print > (dir "/shown" n) }
	END { print n + 0 > (dir "/count") }
' "$TOP/docs/time.md"
count=$(cat "$TMP/count")
[ "$count" -ge 4 ]; ok $? "docs/time.md shows commands ($count)"
i=1
while [ "$i" -le "$count" ]; do
	line=$(cat "$TMP/cmd$i")
	touch "$TMP/shown$i"
	# "mkdir d && clustermap ...": the page's own shell words.
	sh -c "$(echo "$line" | sed 's/^clustermap /"$CLUSTERMAP" /; s/&& clustermap /\&\& "$CLUSTERMAP" /')" \
		> "$TMP/out" 2>&1 < /dev/null
	status $? 0 "docs/time.md: $line"
	sed '/^\.\.\.$/d' "$TMP/shown$i" > "$TMP/want"
	if [ -e "$TMP/excerpt$i" ]; then
		missing=$(grep -vxF -f "$TMP/out" "$TMP/want")
		[ -z "$missing" ]; ok $? "docs/time.md: the excerpt of $line is in its output"
		[ -z "$missing" ] || echo "$missing" | diag
	elif [ -s "$TMP/shown$i" ]; then
		sed '/^\.\.\.$/,$d' "$TMP/shown$i" > "$TMP/want"
		head -n "$(wc -l < "$TMP/want")" "$TMP/out" > "$TMP/got"
		same "$TMP/got" "$TMP/want" "docs/time.md: output of $line"
		# Lines shown after a "..." are further on in the output.
		sed '1,/^\.\.\.$/d;/^\.\.\.$/d' "$TMP/shown$i" > "$TMP/later"
		missing=$(grep -vxF -f "$TMP/out" "$TMP/later")
		[ -z "$missing" ]; ok $? "docs/time.md: the later lines of $line are in its output"
		[ -z "$missing" ] || echo "$missing" | diag
	fi
	i=$((i + 1))
done

python3 "$TOP/tests/cli/docs_json.py" "$TOP/docs/json.md" "$CLUSTERMAP" > "$TMP/json.tap" 2>&1
status $? 0 "docs/json.md: every JSON example is in its command's output"
diag < "$TMP/json.tap"
done_testing
