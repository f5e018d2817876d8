#!/bin/sh
# SPDX-License-Identifier: MIT
# Large inputs: the CLI starts itself again with glibc's huge-page tunable
# (src/cli/hugepages.c), once, with the same arguments and the same result;
# small inputs and a tunable the user set are left alone, and so are a
# program started through the dynamic loader or under valgrind. ld.so's
# startup statistics (LD_DEBUG=statistics) count the program starts. Runs
# the program directly but for the valgrind case: a restarted program would
# leave valgrind behind.
. "$top_srcdir/tests/cli/lib.sh"
config_h=$(cd "${top_builddir:-.}" && pwd)/config.h
cd "$TMP" || exit 1

starts() { grep -c "runtime linker statistics" "$1"; }

# Built without the restart (not glibc on Linux, or forced off: configure's
# cm_cv_glibc_tunables=no).
if ! grep -q '^#define HAVE_GLIBC_TUNABLES 1' "$config_h"; then
	for t in 1 2 3 4 5 6 7 8; do skip "huge-page restart $t" "built without glibc tunables"; done
	done_testing; exit
fi
if ! grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
	for t in 1 2 3 4 5 6 7 8; do skip "huge-page restart $t" "huge pages not in madvise mode"; done
	done_testing; exit
fi
if ! env LD_DEBUG=statistics true 2>&1 | grep -q "runtime linker statistics"; then
	for t in 1 2 3 4 5 6 7 8; do skip "huge-page restart $t" "no glibc ld.so statistics"; done
	done_testing; exit
fi

# The Prato sample followed by 256 MiB of spaces (XML allows them after the
# root element): large, and quick to read.
{ cat "$TOP/samples/prato.graphml"; head -c 268435456 /dev/zero | tr '\0' ' '; } > big.graphml
cp "$TOP/samples/prato.graphml" small.graphml

GLIBC_TUNABLES=glibc.malloc.hugetlb=0 LD_DEBUG=statistics \
	"$CLUSTERMAP" info big.graphml > kept.out 2> kept.err
env -u GLIBC_TUNABLES LD_DEBUG=statistics "$CLUSTERMAP" info big.graphml > big.out 2> big.err
status $? 0 "a large input is read after the restart"
cmp -s kept.out big.out
ok $? "the same report with and without the restart"
test "$(starts big.err)" -eq $(($(starts kept.err) + 1))
ok $? "a large input starts the program once more, and only once"
env -u GLIBC_TUNABLES LD_DEBUG=statistics "$CLUSTERMAP" info small.graphml > /dev/null 2> small.err
test "$(starts small.err)" -eq "$(starts kept.err)"
ok $? "a small input does not restart the program"

# Started through the dynamic loader, /proc/self/exe is the loader, which
# would take the restarted program's arguments for its own: no restart.
bin=$CLUSTERMAP libs=
if head -c 2 "$bin" | grep -q '#!'; then # libtool's wrapper in a build folder
	libs=$(dirname "$bin")/.libs
	bin=$libs/clustermap
fi
loader=$(readelf -l "$bin" 2>/dev/null | sed -n 's/.*interpreter: \(.*\)]/\1/p')
if [ -n "$loader" ] && [ -x "$loader" ]; then
	env -u GLIBC_TUNABLES LD_DEBUG=statistics LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
		"$loader" "$bin" info big.graphml > loader.out 2> loader.err
	status $? 0 "through the dynamic loader: a large input is read"
	test "$(starts loader.err)" -eq 2 && cmp -s kept.out loader.out
	ok $? "through the dynamic loader: no restart, the same report"
else
	for t in 1 2; do skip "through the dynamic loader $t" "no interpreter found"; done
fi

# Under valgrind (the valgrind pass), /proc/self/exe is valgrind's tool.
if [ -n "${CM_VALGRIND:-}" ]; then
	env -u GLIBC_TUNABLES $CM_VALGRIND "$CLUSTERMAP" info big.graphml > vg.out 2> vg.err
	status $? 0 "under valgrind: a large input is read"
	cmp -s kept.out vg.out
	ok $? "under valgrind: the same report"
else
	for t in 1 2; do skip "under valgrind $t" "not the valgrind pass"; done
fi
rm -f big.graphml

done_testing
