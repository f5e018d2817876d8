#!/bin/sh
# Large inputs: the CLI starts itself again with glibc's huge-page tunable
# (src/cli/hugepages.c), once, with the same arguments and the same result;
# small inputs and a tunable the user set are left alone. ld.so's startup
# statistics (LD_DEBUG=statistics) count the program starts. Runs the
# program directly: a restarted program would leave valgrind behind.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1

starts() { grep -c "runtime linker statistics" "$1"; }

if ! grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
	for t in 1 2 3 4; do skip "huge-page restart $t" "huge pages not in madvise mode"; done
	done_testing; exit
fi
if ! env LD_DEBUG=statistics true 2>&1 | grep -q "runtime linker statistics"; then
	for t in 1 2 3 4; do skip "huge-page restart $t" "no glibc ld.so statistics"; done
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
rm -f big.graphml

done_testing
