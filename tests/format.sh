#!/bin/sh
# SPDX-License-Identifier: MIT
# Every C source and header follows .clang-format (tools/check-format).
. "$top_srcdir/tests/cli/lib.sh"
if ! command -v "${CLANG_FORMAT:-clang-format}" > /dev/null 2>&1; then
	skip "C sources follow .clang-format" "clang-format is not installed"
else
	"$TOP/tools/check-format" > "$TMP/bad" 2>&1
	ok $? "C sources follow .clang-format (tools/check-format --fix applies it)"
	diag < "$TMP/bad"
fi
done_testing
