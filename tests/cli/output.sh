#!/bin/sh
# SPDX-License-Identifier: MIT
# Safe output: every -o file is written to a temporary file in the same
# folder and renamed into place, so a failure (bad input, a write error, a
# file-size limit standing in for a full disk) never leaves a truncated file
# or destroys the previous one, and no temporary file stays behind. Writing
# to a full disk (/dev/full) or a closed stdout is an error with exit 1.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1
P="$TOP/samples/prato.graphml"
BAD="$DATA/bad/malformed.graphml"

# no_temp NAME: nothing but the expected files in the folder.
no_temp() {
	left=$(ls -A | grep -c '\.tmp-')
	[ "$left" -eq 0 ]; ok $? "$1: no temporary file left"
}

# kept NAME FILE: FILE still holds its old content.
kept() {
	[ "$(cat "$2")" = "OLD" ]; ok $? "$1: the previous $2 is intact"
}

# -o writes what stdout would have shown.
for cmd in info metrics; do
	cm $cmd "$P" > stdout.txt 2> /dev/null
	cm $cmd -o out.txt "$P" > printed.txt 2> /dev/null
	status $? 0 "$cmd -o exits 0"
	same out.txt stdout.txt "$cmd -o writes the report"
	[ ! -s printed.txt ]; ok $? "$cmd -o prints nothing on stdout"
	no_temp "$cmd -o"
done

# A failed read leaves the previous output alone.
for cmd in info metrics; do
	echo OLD > out.txt
	cm $cmd -o out.txt "$BAD" > /dev/null 2> err.txt
	status $? 1 "$cmd -o with a bad input exits 1"
	kept "$cmd -o with a bad input" out.txt
	no_temp "$cmd -o with a bad input"
done
echo OLD > out.txt
cm info -o out.txt "$P" "$BAD" > /dev/null 2>&1
status $? 1 "info -o over a batch with a bad file exits 1"
kept "info -o over a batch with a bad file" out.txt
echo OLD > out.svg
cm render "$BAD" -o out.svg > /dev/null 2>&1
status $? 1 "render -o with a bad input exits 1"
kept "render -o with a bad input" out.svg
no_temp "render -o with a bad input"

# A write that fails half-way (the file-size limit stands in for a full
# disk: with SIGXFSZ ignored, write() fails with EFBIG).
for cmd in info metrics; do
	echo OLD > out.txt
	(trap '' XFSZ; ulimit -f 1 && cm $cmd -o out.txt "$P") > /dev/null 2> err.txt
	status $? 1 "$cmd -o failing half-way exits 1"
	grep -q 'write failed' err.txt; ok $? "$cmd -o failing half-way says so"
	kept "$cmd -o failing half-way" out.txt
	no_temp "$cmd -o failing half-way"
done

# An output folder that does not exist.
cm info -o missing/out.txt "$P" > /dev/null 2> err.txt
status $? 1 "-o into a missing folder exits 1"
grep -q 'missing/out.txt: error: cannot create output' err.txt
ok $? "-o into a missing folder says so"

# A full disk and a closed stdout, for every command that prints a result.
for cmd in info validate metrics; do
	cm $cmd "$P" > /dev/full 2> err.txt
	status $? 1 "$cmd > /dev/full exits 1"
	grep -q 'No space left on device' err.txt; ok $? "$cmd > /dev/full says why"
	cm $cmd "$P" >&- 2> err.txt
	status $? 1 "$cmd with stdout closed exits 1"
	[ "$(wc -l < err.txt)" -ge 1 ] && grep -q 'error' err.txt
	ok $? "$cmd with stdout closed says so"
done
cm --help > /dev/full 2> /dev/null; status $? 1 "--help > /dev/full exits 1"

# A full device gets one message, naming the output, from every command
# that writes a report (issue 23, item 12): diff's and timeline's reports
# outgrow stdout's buffer, and the failure was reported twice.
OLD="$DATA/time/pair-old.graphml" NEW="$DATA/time/pair-new.graphml"
for cmd in "info $P" "metrics $P" "classify $P" "diff --no-classify $OLD $NEW" \
	"timeline --no-classify $OLD $NEW" "report $P"; do
	name=${cmd%% *}
	cm $cmd > /dev/full 2> err.txt
	status $? 1 "$name > /dev/full exits 1"
	printf '%s\n' '<stdout>: error: write failed: No space left on device' > want.txt
	same err.txt want.txt "$name > /dev/full: one message, naming <stdout>"
	cm $cmd -o /dev/full 2> err.txt
	status $? 1 "$name -o /dev/full exits 1"
	printf '%s\n' '/dev/full: error: write failed: No space left on device' > want.txt
	same err.txt want.txt "$name -o /dev/full: one message, naming it"
done
# metrics --graphml on a full device: the output and the reason.
cm metrics --graphml /dev/full "$P" > /dev/null 2> err.txt
status $? 1 "metrics --graphml /dev/full exits 1"
printf '%s\n' '/dev/full: error: write failed: No space left on device' > want.txt
same err.txt want.txt "metrics --graphml /dev/full: names it and the reason"

# With stdout closed, the output file must not receive what was meant for
# stdout (the freed descriptor is not reused for it).
cm info -o out.txt "$P" >&- 2> /dev/null
status $? 0 "info -o with stdout closed still writes its file"
cm info "$P" > want.txt 2> /dev/null
same out.txt want.txt "info -o with stdout closed: the file holds the report only"
# A closed stdin is a read error, not an empty file.
cm validate - <&- > /dev/null 2> err.txt
status $? 1 "validate - with stdin closed exits 1"

# ---- Special files (devices, FIFOs, links) are never replaced; an existing
# file keeps its mode; "-" is standard output.
cm info "$P" > want.txt 2> /dev/null
# A device of our own where we may make one (as root: the same as
# /dev/null), else /dev/null itself, which only root could replace.
DEV=/dev/null
mknod null.dev c 1 3 2> /dev/null && DEV=$TMP/null.dev
for args in "info -o" "metrics -o" "classify -o" "metrics --graphml" \
	"render --save-positions" "render -f svg -o"; do
	# shellcheck disable=SC2086 # the command and its option, as words
	set -- $args
	extra=
	[ "$1" = render ] && [ "$2" = --save-positions ] && extra="-o r.svg"
	# shellcheck disable=SC2086
	cm "$@" "$DEV" $extra "$P" > /dev/null 2> err.txt
	status $? 0 "$args DEVICE exits 0"
	[ -c "$DEV" ]; ok $? "$args DEVICE: the device is still a device"
done
cm timeline --plot "$DEV" --output "$DEV" "$DATA/time/drift-2009.graphml" \
	"$DATA/time/drift-2012.graphml" > /dev/null 2>&1
status $? 0 "timeline --plot and --output to a device exit 0"
[ -c "$DEV" ]; ok $? "timeline: the device is still a device"
cm diff --diagram d.svg -o "$DEV" "$DATA/time/pair-old.graphml" "$DATA/time/pair-new.graphml" \
	> /dev/null 2>&1
status $? 0 "diff --output to a device exits 0"
[ -c "$DEV" ]; ok $? "diff: the device is still a device"

# A FIFO is written in place, for the reader on the other end.
mkfifo out.fifo
cat out.fifo > fifo.txt &
reader=$!
cm info -o out.fifo "$P" > /dev/null 2>&1
status $? 0 "info -o FIFO exits 0"
[ -p out.fifo ]; ok $? "info -o FIFO: still a FIFO"
# A FIFO replaced by a file would leave the reader waiting for a writer.
[ -p out.fifo ] || kill "$reader"
wait "$reader"
same fifo.txt want.txt "info -o FIFO: the reader gets the report"
no_temp "info -o FIFO"

# A symbolic link stays a link, and its target gets the content: an
# existing target, one that does not exist yet, a link relative to its folder.
echo OLD > target.txt
ln -s target.txt link.txt
cm info -o link.txt "$P" > /dev/null 2>&1
status $? 0 "info -o LINK exits 0"
[ -L link.txt ]; ok $? "info -o LINK: the link is still a link"
same target.txt want.txt "info -o LINK: the target holds the report"
mkdir sub && ln -s ../new-target.txt sub/link.txt
cm info -o sub/link.txt "$P" > /dev/null 2>&1
[ -L sub/link.txt ] && [ -f new-target.txt ] && ! [ -L new-target.txt ]
ok $? "info -o to a link whose target is missing creates the target"
same new-target.txt want.txt "... with the report"
no_temp "info -o LINK"
[ -z "$(ls -A sub | grep -v '^link.txt$')" ]; ok $? "info -o LINK: nothing left by the link"

# An existing file keeps its mode (and owner), whatever the umask.
echo OLD > secret.txt
chmod 600 secret.txt
cm info -o secret.txt "$P" > /dev/null 2>&1
same secret.txt want.txt "info -o a 0600 file writes it"
[ "$(stat -c %a secret.txt)" = 600 ]; ok $? "info -o a 0600 file: it stays 0600"
echo OLD > shared.txt
chmod 640 shared.txt
cm render -f dot -o shared.txt "$P" > /dev/null 2>&1
[ "$(stat -c %a shared.txt)" = 640 ]; ok $? "render -o a 0640 file: it stays 0640"

# "-" is standard output, for every output option.
cm render -f dot -o - "$P" > r.dot 2> /dev/null
status $? 0 "render -o - exits 0"
grep -q '^digraph' r.dot; ok $? "render -o - writes the drawing on stdout"
cm render -o r.svg --save-positions - "$P" > r.csv 2> /dev/null
head -1 r.csv | grep -q '^id,x,y'; ok $? "render --save-positions - writes the positions on stdout"
cm metrics --graphml - "$P" -o m.txt > m.graphml 2> /dev/null
grep -q '<graphml' m.graphml; ok $? "metrics --graphml - writes GraphML on stdout"
no_temp "outputs to -"

# ---- Every output is written only when the whole command succeeded.
BADOUT=missing/out.txt
echo OLD > c.txt
cm classify -o c.txt "$P" "$BAD" > /dev/null 2>&1
status $? 1 "classify -o over a batch with a bad file exits 1"
kept "classify -o over a batch with a bad file" c.txt
echo OLD > r.svg
cm render -o r.svg --save-positions "$BADOUT" "$P" > /dev/null 2>&1
status $? 1 "render with --save-positions failing exits 1"
kept "render with --save-positions failing" r.svg
echo OLD > g.graphml
cm metrics --graphml g.graphml -o "$BADOUT" "$P" > /dev/null 2>&1
status $? 1 "metrics with -o failing exits 1"
kept "metrics --graphml with -o failing" g.graphml
echo OLD > plot.svg
cm timeline --plot plot.svg --output "$BADOUT" "$DATA/time/drift-2009.graphml" \
	"$DATA/time/drift-2012.graphml" > /dev/null 2>&1
status $? 1 "timeline with --output failing exits 1"
kept "timeline --plot with --output failing" plot.svg
echo OLD > d.svg
cm diff --diagram d.svg --output "$BADOUT" "$DATA/time/pair-old.graphml" \
	"$DATA/time/pair-new.graphml" > /dev/null 2>&1
status $? 1 "diff with --output failing exits 1"
kept "diff --diagram with --output failing" d.svg
echo OLD > i.txt
cm info -o i.txt "$P" "$BAD" > /dev/null 2>&1
kept "info -o over a batch with a bad file" i.txt
echo OLD > m.txt
cm metrics -o m.txt "$P" "$BAD" > /dev/null 2>&1
kept "metrics -o over a batch with a bad file" m.txt
no_temp "failed commands"

# ---- A file-size limit (no SIGXFSZ trap): a clear error, no temporary file.
for args in "metrics -o out.txt" "render -o out.svg" "render -o out.png" \
	"render -o out.pdf" "render -o out.dot"; do
	out=${args##* }
	echo OLD > "$out"
	# shellcheck disable=SC2086
	(ulimit -f 1 && cm $args "$P") > /dev/null 2> err.txt
	status $? 1 "$args past the file-size limit exits 1"
	grep -q "^$out: error: write failed: File too large" err.txt
	ok $? "$args past the file-size limit says so"
	kept "$args past the file-size limit" "$out"
	no_temp "$args past the file-size limit"
done

# ---- Interrupted or terminated while reading (a FIFO input blocks the
# read): the temporary file is removed and the old output kept.
mkfifo in.fifo
default_signals=
if env --default-signal=HUP,INT,TERM true 2> /dev/null; then
	default_signals="env --default-signal=HUP,INT,TERM"
fi
# killed SIGNAL COMMAND: runs COMMAND -o out.txt in.fifo, sends SIGNAL once
# the temporary file exists.
killed() {
	sig=$1
	shift
	echo OLD > out.txt
	# Not through cm: the signal must reach the program, not a subshell.
	# The program keeps a signal its parent ignored (nohup, a background
	# job's SIGINT), as it should; env resets them where it can.
	$default_signals "$@" -o out.txt in.fifo > /dev/null 2>&1 &
	pid=$!
	i=0
	while [ $i -lt 100 ] && [ -z "$(ls -A | grep '^out\.txt\.tmp-')" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -"$sig" "$pid"
	wait "$pid"
	rc=$?
	[ "$rc" -gt 128 ]; ok $? "$* -o, SIG$sig: dies of the signal (exit $rc)"
	no_temp "$* -o, SIG$sig"
	kept "$* -o, SIG$sig" out.txt
}
for cmd in info metrics; do
	killed TERM "$CLUSTERMAP" $cmd
	killed HUP "$CLUSTERMAP" $cmd
	# A background job starts with SIGINT ignored, unless env resets it.
	if [ -n "$default_signals" ]; then
		killed INT "$CLUSTERMAP" $cmd
	else
		skip "$cmd -o, SIGINT" "env has no --default-signal"
	fi
done
done_testing
