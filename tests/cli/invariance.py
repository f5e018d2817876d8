#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Helpers of tests/cli/invariance.sh.

invariance.py shuffle SEED IN OUT   the nodes and the edges of every graph of a
                                    GraphML file in another order
invariance.py rename SEED IN OUT    the same, every node id replaced by a random one
invariance.py same-verdict A B      exit 0 when two `classify --format json`
                                    outputs agree in type, confidence level and
                                    every deterministic indicator (a message if not)
"""
import json
import random
import re
import sys

# One element per match; GraphML nodes here hold no nested graphs.
ELEMENT = re.compile(r'<(node|edge)\b[^>]*?/>|<(node|edge)\b[^>]*>.*?</\2>', re.S)
GRAPH = re.compile(r'(<graph\b[^>]*>)(.*?)(</graph>)', re.S)
NODE_ID = re.compile(r'(<node\b[^>]*?\bid=")([^"]*)"')
EDGE_END = re.compile(r'(\b(?:source|target)=")([^"]*)"')
# Computed from seeded draws whose order a renaming may change
# (docs/classification.md, "Invariance"); every other value must be equal.
SAMPLED = {'core_fit', 'core_sme_share'}


def shuffle_graph(body, rng):
    """Shuffles the nodes among the nodes' places, the edges among the edges'."""
    found = list(ELEMENT.finditer(body))
    nodes = [m.group(0) for m in found if m.group(0).startswith('<node')]
    edges = [m.group(0) for m in found if m.group(0).startswith('<edge')]
    rng.shuffle(nodes)
    rng.shuffle(edges)
    out, last = [], 0
    for m in found:
        out.append(body[last:m.start()])
        out.append(nodes.pop() if m.group(0).startswith('<node') else edges.pop())
        last = m.end()
    out.append(body[last:])
    return ''.join(out)


def rename(text, rng):
    """Replaces every node id, and the edge ends naming it, by a random string."""
    alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
    fresh = {}
    for old in sorted(set(m.group(2) for m in NODE_ID.finditer(text))):
        fresh[old] = 'x' + ''.join(rng.choice(alphabet) for _ in range(12))

    def swap(m):
        return m.group(1) + fresh.get(m.group(2), m.group(2)) + '"'

    return EDGE_END.sub(swap, NODE_ID.sub(swap, text))


def rewrite(args, renaming):
    rng = random.Random(int(args[0]))
    with open(args[1], encoding='utf-8') as f:
        text = f.read()
    text = GRAPH.sub(lambda m: m.group(1) + shuffle_graph(m.group(2), rng) + m.group(3), text)
    if renaming:
        text = rename(text, rng)
    with open(args[2], 'w', encoding='utf-8') as f:
        f.write(text)


def close(a, b):
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def differences(a, b):
    """What differs between two results that a renaming must keep."""
    found = []
    for key in ('type', 'hybrid_of'):
        if a[key] != b[key]:
            found.append('%s: %s vs %s' % (key, a[key], b[key]))
    if a['confidence']['level'] != b['confidence']['level']:
        found.append('confidence: %s vs %s' % (a['confidence']['level'],
                                               b['confidence']['level']))
    for x, y in zip(a['indicators'], b['indicators']):
        if x['id'] not in SAMPLED and not close(x['value'], y['value']):
            found.append('%s: %s vs %s' % (x['id'], x['value'], y['value']))
    return found


def same_verdict(args):
    results = []
    for path in args:
        with open(path, encoding='utf-8') as f:
            data = json.load(f)
        results.append(data if isinstance(data, list) else [data])
    found = [d for a, b in zip(*results) for d in differences(a, b)]
    if len(results[0]) != len(results[1]):
        found.append('%d results vs %d' % (len(results[0]), len(results[1])))
    for line in found:
        print(line)
    return 1 if found else 0


def main(argv):
    if len(argv) == 4 and argv[0] in ('shuffle', 'rename'):
        return rewrite(argv[1:], argv[0] == 'rename')
    if len(argv) == 3 and argv[0] == 'same-verdict':
        return same_verdict(argv[1:])
    sys.exit(__doc__)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
