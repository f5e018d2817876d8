# SPDX-License-Identifier: MIT
"""Prints every colour of a PNG drawn at full opacity, one "#RRGGBB COUNT" a
line, for tests/cli/chart-colours.sh: python3 png_colours.py FILE.png.
Only the standard library: 8-bit RGB or RGBA, not interlaced (what cairo
writes for Graphviz)."""
import struct
import sys
import zlib
from collections import Counter


def chunks(data):
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def unfilter(raw, width, height, bpp):
    stride, rows, prev, pos = width * bpp, [], bytearray(width * bpp), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + (0, a, b, (a + b) // 2, paeth(a, b, c))[kind]) & 0xFF
        rows.append(line)
        prev = line
    return rows


def main(path):
    data = open(path, "rb").read()
    idat, head = b"", None
    for kind, body in chunks(data):
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = head
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit("%s: only 8-bit RGB or RGBA, not interlaced" % path)
    bpp = 4 if colour == 6 else 3
    seen = Counter()
    for line in unfilter(zlib.decompress(idat), width, height, bpp):
        for i in range(0, len(line), bpp):
            if bpp == 3 or line[i + 3] == 255:
                seen["#%02X%02X%02X" % tuple(line[i:i + 3])] += 1
    for colour, count in sorted(seen.items()):
        print(colour, count)


main(sys.argv[1])
