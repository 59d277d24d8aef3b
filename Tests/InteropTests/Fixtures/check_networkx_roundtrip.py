#!/usr/bin/env python3
"""Reads baligraph's exported GraphML and node-link JSON with NetworkX and prints what it sees.

    python3 Tests/InteropTests/Fixtures/check_networkx_roundtrip.py           # print
    python3 Tests/InteropTests/Fixtures/check_networkx_roundtrip.py --write   # and store

Inputs are the golden exports the Swift tests keep in exported/ (core and interop models,
GraphML via networkx.read_graphml, node-link JSON via networkx.node_link_graph). The summary
(directedness, counts, graph data, every node's and edge's data as NetworkX typed it,
json.dumps'ed with sorted keys and ASCII escapes) goes to exported/networkx-summary.txt with
--write. The Swift test NetworkXTests computes the same summary from the model itself and
compares, so the Swift side needs no Python; when python3 with networkx is present it also
runs this script and checks the committed summary is current.
"""
import json
import os
import sys

import networkx as nx

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "exported")


def dumps(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=True)


def describe(tag, g, graph_keys):
    lines = [
        f"{tag} directed={g.is_directed()} multigraph={g.is_multigraph()}"
        f" nodes={g.number_of_nodes()} edges={g.number_of_edges()}",
        f"{tag} graph {dumps({k: g.graph[k] for k in graph_keys if k in g.graph})}",
    ]
    for n, d in g.nodes(data=True):
        lines.append(f"{tag} node {dumps(n)} {dumps(d)}")
    if g.is_multigraph():
        edges = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)]
    else:
        edges = [(u, v, None, d) for u, v, d in g.edges(data=True)]
    edges.sort(key=lambda e: (e[0], e[1], str(e[2])))
    for u, v, k, d in edges:
        lines.append(f"{tag} edge {dumps(u)} {dumps(v)} {dumps(k)} {dumps(d)}")
    return lines


def main():
    lines = [f"networkx {nx.__version__.split('.')[0]}"]
    for name in ["core", "interop"]:
        g = nx.read_graphml(os.path.join(HERE, f"{name}.graphml"))
        lines += describe(f"{name}.graphml", g, sorted(g.graph))
        with open(os.path.join(HERE, f"{name}.json"), encoding="utf-8") as f:
            data = json.load(f)
        h = nx.node_link_graph(data)
        lines += describe(f"{name}.json", h, ["as_of", "description", "format", "title"])
        lines.append(
            f"{name}.json schema kinds={len(h.graph['schema']['kinds'])}"
            f" relations={len(h.graph['schema']['relations'])}"
            f" sources={len(h.graph['sources'])}")
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if "--write" in sys.argv[1:]:
        with open(os.path.join(HERE, "networkx-summary.txt"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
