#!/bin/sh
# SPDX-License-Identifier: MIT
# The Python package's tests (tests/python/test_*.py, pytest), as TAP: one
# test point per pytest test. The package is imported from the build tree
# (PYTHONPATH=python), so this also checks that it finds the library just
# built without being told where.
: "${top_srcdir:=.}" "${top_builddir:=.}" "${PYTHON:=python3}"
SRC=$(cd "$top_srcdir" && pwd)
BUILD=$(cd "$top_builddir" && pwd)
if ! "$PYTHON" -c 'import pytest' 2>/dev/null; then
	echo "1..0 # SKIP pytest is not installed (Debian: python3-pytest)"
	exit 0
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cm-pytest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# A sanitizer build's library needs its runtime loaded before Python starts;
# Python's own allocations are not the library's leaks.
lib="$BUILD/.libs/libclustermap.so"
preload=$(ldd "$lib" 2>/dev/null | awk '/lib(asan|ubsan)\.so/ { printf "%s%s", sep, $3; sep = ":" }')
if [ -n "$preload" ]; then
	LD_PRELOAD=$preload
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export LD_PRELOAD ASAN_OPTIONS
fi

PYTHONPATH="$BUILD/python:$SRC/tests/python" PYTHONDONTWRITEBYTECODE=1 CM_TAP_FILE="$TMP/tap" \
	top_srcdir="$SRC" CLUSTERMAP="${CLUSTERMAP:-$BUILD/clustermap}" \
	"$PYTHON" -m pytest -p no:cacheprovider -p tap -q -rfEs --rootdir="$SRC/tests/python" \
	"$SRC/tests/python" >"$TMP/out" 2>&1
status=$?
sed 's/^/# /' "$TMP/out"
if [ -s "$TMP/tap" ]; then
	cat "$TMP/tap"
else
	echo "1..1"
	echo "not ok 1 - pytest ran (exit status $status)"
fi
