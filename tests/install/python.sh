#!/bin/sh
# SPDX-License-Identifier: MIT
# The Python package after installation: the library and the package are
# installed into a fresh prefix (make's own install rules, prefix given on
# the command line), then imported from elsewhere with no variable naming
# the library; it must load the installed library (recorded by `make
# install` in clustermap/_paths.py) and classify as the command does.
# Uninstalling must leave no file behind.
#
#   tests/install/python.sh                 the whole check (make check)
#   tests/install/python.sh PYDIR [LIB]     import from PYDIR only (installcheck;
#                                           LIB: the library, for a DESTDIR)
: "${top_srcdir:=.}" "${top_builddir:=.}" "${PYTHON:=python3}" "${MAKE:=make}"
SRC=$(cd "$top_srcdir" && pwd)
BUILD=$(cd "$top_builddir" && pwd)
CLI=${CLUSTERMAP:-$BUILD/clustermap}
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

# try PYDIR: imports the package from PYDIR in an empty folder, prints the
# library it loaded and the type of the bundled sample.
try() {
	(cd "$TMP/empty" && env -u CLUSTERMAP_LIBRARY -u LD_LIBRARY_PATH -u LD_PRELOAD \
		PYTHONPATH="$1" PYTHONDONTWRITEBYTECODE=1 "$PYTHON" -c '
import sys, clustermap
print(clustermap.library_path())
print(clustermap.read(sys.argv[1]).classify().type)' "$SRC/samples/prato.graphml")
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cm-install.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/empty"
want=$("$CLI" classify --format json "$SRC/samples/prato.graphml" |
	"$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["type"])')

if [ $# -gt 0 ]; then
	echo "1..1"
	out=$(if [ -n "${2:-}" ]; then CLUSTERMAP_LIBRARY=$2; export CLUSTERMAP_LIBRARY; fi
		cd "$TMP/empty" && PYTHONPATH="$1" PYTHONDONTWRITEBYTECODE=1 "$PYTHON" -c '
import sys, clustermap
print(clustermap.read(sys.argv[1]).classify().type)' "$SRC/samples/prato.graphml")
	test "$out" = "$want"
	rc=$?
	ok $rc "the installed package classifies the sample as the command does ($want)"
	exit $rc
fi

# A sanitizer build's library cannot be loaded into a plain python3.
if ldd "$BUILD/.libs/libclustermap.so" 2>/dev/null | grep -q 'lib[a-z]*san\.so'; then
	echo "1..0 # SKIP the library is built with sanitizers"
	exit 0
fi
echo "1..5"
P="$TMP/prefix"
$MAKE -C "$BUILD" install-libLTLIBRARIES install-pkgpythonPYTHON install-python-paths \
	prefix="$P" >"$TMP/install.log" 2>&1
ok $? "install the library and the package into a fresh prefix"
sed 's/^/# /' "$TMP/install.log" | tail -5
paths=$(find "$P" -name _paths.py)
pydir=$(dirname "$(dirname "$paths")")
out=$(try "$pydir" 2>&1)
echo "$out" | sed 's/^/# /'
case $(echo "$out" | head -1) in
"$P"/lib/libclustermap.so.*) ok 0 "the package loads the installed library" ;;
*) ok 1 "the package loads the installed library" ;;
esac
test "$(echo "$out" | sed -n 2p)" = "$want"
ok $? "the installed package classifies the sample as the command does ($want)"
$MAKE -C "$BUILD" uninstall-libLTLIBRARIES uninstall-pkgpythonPYTHON uninstall-python-paths \
	prefix="$P" >"$TMP/uninstall.log" 2>&1
ok $? "uninstall"
left=$(find "$P" -type f)
test -z "$left"
ok $? "uninstall leaves no file behind${left:+: $left}"
