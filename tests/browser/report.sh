#!/bin/sh
# SPDX-License-Identifier: MIT
# Opens the reports of samples/prato.graphml and of the drift series
# (samples/drift.graphml), and of a pair whose names hold markup
# (tests/data/report/), and the maps in groups of prato and of
# tests/data/report/groups.graphml, in headless Chromium (tests/browser/report.py says
# what it checks); the screenshots and printed PDFs stay in tests/browser/
# of the build tree. SKIP, with the reason, where Chromium or python3 is missing.
: "${top_srcdir:=.}" "${CLUSTERMAP:=./clustermap}"
OUT=tests/browser
for c in "${CHROMIUM:-}" chromium chromium-browser google-chrome; do
	[ -n "$c" ] && command -v "$c" > /dev/null 2>&1 && { chromium=$c; break; }
done
if [ -z "${chromium:-}" ]; then
	echo "1..0 # SKIP chromium not found (tools/install-deps installs it)"
	exit 0
fi
if ! command -v python3 > /dev/null 2>&1; then
	echo "1..0 # SKIP python3 not found"
	exit 0
fi
mkdir -p "$OUT"
export CM_REPORT_DOC="$top_srcdir/docs/report.md" # quotes the grouped map's search
exec python3 "$top_srcdir/tests/browser/report.py" "$CLUSTERMAP" "$chromium" "$OUT" \
	"prato=$top_srcdir/samples/prato.graphml" "drift=$top_srcdir/samples/drift.graphml" \
	"wine=$top_srcdir/tests/data/report/wine-2019.graphml,$top_srcdir/tests/data/report/wine-2020.graphml" \
	"groups:prato-groups=$top_srcdir/samples/prato.graphml" \
	"groups:groups=$top_srcdir/tests/data/report/groups.graphml"
