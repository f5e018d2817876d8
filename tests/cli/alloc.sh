#!/bin/sh
# SPDX-License-Identifier: MIT
# The command under allocation failure. tests/alloc/clustermap-failing is
# the command with tests/alloc/failmalloc.c linked in: for a sample of N,
# the N-th allocation fails, first of the whole process (the command, the
# library, libxml2, igraph, jansson, Graphviz, the C library), then of the
# library itself. Every run must end in one of two ways:
#  - exit 0 with exactly the outputs of a run without failures (a
#    dependency did without the memory), or
#  - exit 1 with "error: out of memory" on stderr, after the file it is
#    about (or "clustermap COMMAND" when it is about no one file), the
#    previous output files intact and no temporary file left; only for a
#    failing call of libxml2's, its own message about the input instead
#    (libxml2 2.9 reports some failed allocations as malformed input).
# Never a crash, a signal, another status or another message.
# CM_ALLOC_RUNS=K runs K failure points per command and pass, spread over
# all of them (default 30); 0 runs every one. CM_ALLOC_ONLY=COMMAND runs
# one command only.
. "$top_srcdir/tests/cli/lib.sh"
FAILING="$(cd "${top_builddir:-.}" && pwd)/tests/alloc/clustermap-failing"
RUNS=${CM_ALLOC_RUNS:-30}
W="$TMP/work"
if [ ! -x "$FAILING" ]; then
	skip "allocation failure" "tests/alloc/clustermap-failing is not built"
	done_testing
	exit
fi
# In the sanitizer build LeakSanitizer checks every run too (its report on
# stderr fails the run's message check); runs are slower there, so fewer
# failure points are sampled by default.
if ldd "$FAILING" 2> /dev/null | grep -q 'lib[a-z]*san\.so'; then
	RUNS=${CM_ALLOC_RUNS:-8}
fi
cp "$DATA/time/pair-old.graphml" "$TMP/old.graphml"
cp "$DATA/time/pair-new.graphml" "$TMP/new.graphml"
# Pass 1 of each command: the outputs ("-" for stdout only); then the command.
set -- \
	"out.txt" "info -o out.txt ../new.graphml" \
	"-" "validate ../old.graphml ../new.graphml" \
	"out.txt out.graphml" "metrics --permutations 5 -o out.txt --graphml out.graphml ../new.graphml" \
	"out.txt" "classify --replicates 2 --stability 2 -o out.txt ../new.graphml" \
	"out.svg pos.csv" "render --layout neato --labels 3 -o out.svg --save-positions pos.csv ../new.graphml" \
	"out.txt out.dot" "diff --no-classify --permutations 5 -o out.txt --diagram out.dot ../old.graphml ../new.graphml" \
	"out.txt plot.svg" "timeline --no-classify --output out.txt --plot plot.svg ../old.graphml ../new.graphml"

# fresh OUTPUTS: an empty work folder with every output holding "previous".
fresh() {
	rm -rf "$W" && mkdir "$W" || exit 1
	for f in $1; do
		[ "$f" = - ] || echo previous > "$W/$f"
	done
}

# run ENV-ASSIGNMENT ARGS...: the failing command in the work folder.
run() {
	assign=$1
	shift
	(cd "$W" && env "$assign" CM_FAIL_REPORT="$TMP/report" "$FAILING" "$@" \
		> "$TMP/stdout" 2> "$TMP/stderr")
}

# reference OUTPUTS ARGS...: a run without failures; saves its outputs.
reference() {
	outs=$1
	shift
	fresh "$outs"
	rm -f "$TMP/report"
	run CM_FAIL_PROCESS=0 "$@" && [ ! -s "$TMP/stderr" ] || return 1
	rm -rf "$TMP/ref" && cp -R "$W" "$TMP/ref" && cp "$TMP/stdout" "$TMP/ref.stdout"
}

# The message a failure must print: one line, out of memory, named.
oom_line() {
	grep -Eqx '([^:]+|clustermap [a-z]+): error: out of memory' "$TMP/stderr" &&
		[ "$(wc -l < "$TMP/stderr")" -eq 1 ]
}

# outcome OUTPUTS STATUS: empty when the run ended cleanly, else why not.
outcome() {
	report=$(cat "$TMP/report" 2> /dev/null)
	case $2 in
	0)
		cmp -s "$TMP/stdout" "$TMP/ref.stdout" || { echo "exit 0, stdout differs"; return; }
		diff -r "$TMP/ref" "$W" > /dev/null && return
		# libxml2 2.9.14's text writer drops a string whose escaping fails
		# to allocate and still reports success: no caller can see it.
		case $report in *libxml2*) echo "known: libxml2 writer" ;; *) echo "exit 0, outputs differ" ;; esac ;;
	1)
		case $report in fired*) ;; *) echo "exit 1 without a failure ($report)"; return ;; esac
		if ! oom_line && ! { case $report in *libxml2*) true ;; *) false ;; esac &&
			grep -Eqx '[^:]+:[0-9]+:[0-9]+: error: .+' "$TMP/stderr"; }; then
			echo "message: $(head -c 300 "$TMP/stderr" | tr '\n' '|')"
			return
		fi
		for f in $1; do
			[ "$f" = - ] || [ "$(cat "$W/$f" 2> /dev/null)" = previous ] ||
				{ echo "$f replaced"; return; }
		done
		left=$(ls -A "$W" | grep -cv -x -F "$(echo "$1" | tr ' ' '\n')")
		[ "$left" -eq 0 ] || echo "$left files left: $(ls -A "$W" | tr '\n' ' ')" ;;
	*) echo "exit $2: $(head -c 300 "$TMP/stderr" | tr '\n' '|')" ;;
	esac
}

# pass OUTPUTS PASS CALLS ARGS...: every sampled N of one pass.
pass() {
	outs=$1 which=$2 calls=$3
	shift 3
	stride=1
	[ "$RUNS" -gt 0 ] && [ "$calls" -gt "$RUNS" ] && stride=$(((calls + RUNS - 1) / RUNS))
	n=1 bad=0 runs=0 oom=0 known=0
	while [ "$n" -le "$calls" ]; do
		fresh "$outs"
		rm -f "$TMP/report"
		run "CM_FAIL_$which=$n" "$@"
		st=$?
		why=$(outcome "$outs" $st)
		runs=$((runs + 1))
		[ $st -eq 1 ] && oom=$((oom + 1))
		case $why in known:*)
			known=$((known + 1))
			echo "$1, allocation $n failing: $why" | diag
			why= ;;
		esac
		if [ -n "$why" ]; then
			bad=$((bad + 1))
			[ $bad -le 5 ] && echo "$1, allocation $n failing ($(cat "$TMP/report" 2> /dev/null)): $why" | diag
		fi
		n=$((n + stride))
	done
	ok $bad "${1%% *}: $runs of $calls $(echo "$which" | tr A-Z a-z) allocations failing end cleanly (every $stride-th; $oom with exit 1)"
	[ $known -eq 0 ] || todo "${1%% *}: $known failing allocations inside libxml2's writer end with exit 0 and a shorter file" \
		"libxml2 2.9.14 reports no failure of its escaping (docs/testing.md, tests/cli/alloc.sh)"
}

# case OUTPUTS COMMAND: the reference run, then both passes.
case_() {
	outs=$1
	cmd=$2
	case $cmd in "${CM_ALLOC_ONLY:-}"*) ;; *) return ;; esac
	# shellcheck disable=SC2086
	if ! reference "$outs" $cmd; then
		ok 1 "$cmd: runs without failures"
		diag < "$TMP/stderr"
		return
	fi
	for which in PROCESS LIBRARY; do
		fresh "$outs"
		# shellcheck disable=SC2086
		run "CM_FAIL_$which=999999999" $cmd
		calls=$(sed -n 's/^calls //p' "$TMP/report")
		# shellcheck disable=SC2086
		pass "$outs" $which "${calls:-0}" $cmd
	done
}

set -f
while [ $# -ge 2 ]; do
	case_ "$1" "$2"
	shift 2
done
done_testing
