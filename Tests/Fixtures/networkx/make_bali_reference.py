#!/usr/bin/env python3
"""Reference values for the Bali Process model, computed by NetworkX.

Reads Data/bali-process.yaml (all nodes and edges, no date filter), builds the simple
undirected graph exactly as baligraph's `connectors` does (every relation, both directions
count once, no self-loops), and writes bali-reference.json with NetworkX's normalised
betweenness, closeness, degree centrality, Burt's constraint and effective size,
articulation points and bridges. Run from the repository root:

    python3 Tests/Fixtures/networkx/make_bali_reference.py
"""
import json
import math
import os

import networkx as nx
import yaml

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
with open(os.path.join(root, "Data", "bali-process.yaml"), encoding="utf-8") as f:
    model = yaml.safe_load(f)

G = nx.Graph()
for node in model["nodes"]:
    G.add_node(node["id"])
for edge in model.get("edges") or []:
    if edge["from"] != edge["to"]:
        G.add_edge(edge["from"], edge["to"])


def clean(values):
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in sorted(values.items())}


reference = {
    "networkx": nx.__version__,
    "nodes": sorted(G.nodes()),
    "edge_count": G.number_of_edges(),
    "betweenness": clean(nx.betweenness_centrality(G, normalized=True)),
    "closeness": clean(nx.closeness_centrality(G)),
    "degree_centrality": clean(nx.degree_centrality(G)),
    "constraint": clean(nx.constraint(G)),
    "effective_size": clean(nx.effective_size(G)),
    "articulation_points": sorted(nx.articulation_points(G)),
    "bridges": sorted(sorted(e) for e in nx.bridges(G)),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bali-reference.json"), "w", encoding="utf-8") as f:
    json.dump(reference, f, indent=1, sort_keys=True)
    f.write("\n")
