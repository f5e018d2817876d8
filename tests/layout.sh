#!/bin/sh
# SPDX-License-Identifier: MIT
# The tree's boundaries (docs/layout.md): each dependency's headers only in
# its stage's folder, private headers included only from the same stage or
# the stages below it, and the CLI over the public header alone. The build
# holds most of this through per-stage flags; jansson's header sits in the
# compiler's default path, so only this check holds that one.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP/src" || exit 1

# The stages in the order data flows; a stage may include the ones before it.
STAGES="core graphml import graph metrics classify render compare report"

rank() {
	i=0
	for s in $STAGES; do
		[ "$s" = "$1" ] && echo $i && return
		i=$((i + 1))
	done
	echo -1
}

# only PATTERN FOLDER... : the files that include PATTERN lie in FOLDERs.
only() {
	pat=$1
	shift
	grep -rlE "^#[[:space:]]*include[[:space:]]*<($pat)" lib cli > "$TMP/hits"
	for f in "$@"; do
		grep -v "^lib/$f/" "$TMP/hits" > "$TMP/rest"
		mv "$TMP/rest" "$TMP/hits"
	done
	[ ! -s "$TMP/hits" ]
	ok $? "<$pat...> is included only in $*"
	diag < "$TMP/hits"
}
only 'libxml/' graphml import
only 'gvc\.h|cgraph\.h|graphviz/' render
only 'jansson\.h' report
only 'igraph' graph
only 'omp\.h' graph

# No source file outside a stage folder.
ls lib/*.c lib/*.h > "$TMP/loose" 2> /dev/null
[ ! -s "$TMP/loose" ]
ok $? "every library file sits in a stage folder"
diag < "$TMP/loose"

# Every stage folder is a known stage, and includes only downwards.
: > "$TMP/up"
for d in lib/*/; do
	s=$(basename "$d")
	r=$(rank "$s")
	[ "$r" -ge 0 ]
	ok $? "src/lib/$s is a stage of docs/layout.md"
	grep -HoE '^#[[:space:]]*include[[:space:]]*"[a-z_]+/[a-z_]+\.h"' "$d"*.[ch] |
		sed 's/:.*"\([a-z_]*\)\/.*/ \1/' | while read -r f t; do
		[ "$(rank "$t")" -le "$r" ] || echo "$f includes $t (a later stage)" >> "$TMP/up"
	done
done
[ ! -s "$TMP/up" ]
ok $? "private headers are included from the same or a later stage only"
diag < "$TMP/up"

# The CLI: the public header and its own.
grep -HE '^#[[:space:]]*include[[:space:]]*"' cli/*.c cli/*.h |
	grep -vE '"(clustermap|cli|config)\.h"' > "$TMP/cli"
[ ! -s "$TMP/cli" ]
ok $? "the CLI includes only clustermap.h, cli.h and config.h"
diag < "$TMP/cli"

done_testing
