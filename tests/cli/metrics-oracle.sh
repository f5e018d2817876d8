#!/bin/sh
# SPDX-License-Identifier: MIT
# Values of `metrics` on seeded random graphs against python-igraph and
# networkx (tests/cli/metrics_oracle.py); skipped without them.
. "$top_srcdir/tests/cli/lib.sh"
if [ -z "${PYTHON3:-}" ] || ! "$PYTHON3" -c 'import igraph, networkx' 2> /dev/null; then
	echo "1..0 # SKIP ${PYTHON3:-python3} lacks igraph or networkx"
	exit 0
fi
"$PYTHON3" "$TOP/tests/cli/metrics_oracle.py" "$CLUSTERMAP" "$TMP"
