#!/usr/bin/env python3
"""Writes the NetworkX reference values the GraphEngine tests compare against.

Run from anywhere:  python3 Tests/GraphEngineTests/Fixtures/make_reference.py
Requires networkx (made with 3.6.1). Re-run only on purpose, and commit the script and the
JSON it writes together.

Each fixture holds the graph (node names in NetworkX's node order, which is the index order
the tests use, and edges as index pairs) and, aligned with the node list: betweenness
(normalised and not, and a k-source estimate whose sources the tests pick with the same
SplitMix64 generator as the engine), closeness (wf_improved), degree centrality, constraint
and effective size (null where NetworkX gives nan), plus articulation points with their
separation counts, bridges, all shortest paths and the lengths of the k shortest simple paths
for a few pairs, and for the Davis graph the bipartite co-membership projection.
"""

import json
import math
import os
import random

import networkx as nx
from networkx.algorithms import bipartite

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1


class SplitMix64:
    """The engine's generator (Sources/GraphEngine/SplitMix64.swift), bit for bit."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_below(self, bound):
        product = self.next() * bound
        if (product & MASK) < bound:
            threshold = ((1 << 64) - bound) % bound
            while (product & MASK) < threshold:
                product = self.next() * bound
        return product >> 64

    def sample(self, items, count):
        positions = list(range(len(items)))
        for i in range(count):
            j = i + self.next_below(len(items) - i)
            positions[i], positions[j] = positions[j], positions[i]
        return [items[p] for p in sorted(positions[:count])]


class FixedSample(random.Random):
    """A random.Random whose sample() returns given nodes, to feed NetworkX our sources."""

    def __init__(self, nodes):
        super().__init__(0)
        self.nodes = nodes

    def sample(self, population, k):
        assert k == len(self.nodes)
        return list(self.nodes)


def clean(x):
    return None if isinstance(x, float) and math.isnan(x) else x


def per_node(values, nodes):
    return [clean(float(values[n])) for n in nodes]


def reference(name, G, pairs, k_pairs, sample_seed, sample_count):
    nodes = list(G.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted(sorted((index[u], index[v])) for u, v in G.edges())

    sources = SplitMix64(sample_seed).sample(list(range(len(nodes))), sample_count)
    sampled = nx.betweenness_centrality(
        G, k=sample_count, seed=FixedSample([nodes[i] for i in sources]))

    points = []
    for v in sorted(nx.articulation_points(G), key=index.get):
        component = nx.node_connected_component(G, v)
        pieces = list(nx.connected_components(G.subgraph(component - {v})))
        largest = max(len(p) for p in pieces)
        points.append({"node": index[v], "pieces": len(pieces),
                       "separated": len(component) - 1 - largest})

    shortest = []
    for s, t in pairs:
        paths = sorted([index[x] for x in p] for p in nx.all_shortest_paths(G, s, t))
        shortest.append({"source": index[s], "target": index[t], "paths": paths})

    k_shortest = []
    for s, t, k in k_pairs:
        lengths = []
        for p in nx.shortest_simple_paths(G, s, t):
            lengths.append(len(p) - 1)
            if len(lengths) == k:
                break
        k_shortest.append({"source": index[s], "target": index[t], "k": k, "lengths": lengths})

    return {
        "name": name,
        "nodes": [str(n) for n in nodes],
        "edges": edges,
        "betweenness": per_node(nx.betweenness_centrality(G, normalized=True), nodes),
        "betweenness_raw": per_node(nx.betweenness_centrality(G, normalized=False), nodes),
        "betweenness_sample": {"seed": sample_seed, "count": sample_count,
                               "sources": sources, "values": per_node(sampled, nodes)},
        "closeness": per_node(nx.closeness_centrality(G), nodes),
        "degree": per_node(nx.degree_centrality(G), nodes),
        "constraint": per_node(nx.constraint(G), nodes),
        "effective_size": per_node(nx.effective_size(G), nodes),
        "articulation_points": points,
        "bridges": sorted(sorted((index[u], index[v])) for u, v in nx.bridges(G)),
        "shortest_paths": shortest,
        "k_shortest_lengths": k_shortest,
    }


def write(name, data):
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(data, f, sort_keys=True, indent=1)
        f.write("\n")


def main():
    # The karate club graph carries edge weights; the engine's graph is unweighted.
    karate = nx.Graph()
    karate.add_nodes_from(range(34))
    karate.add_edges_from(nx.karate_club_graph().edges())
    write("karate", reference(
        "karate", karate,
        pairs=[(0, 33), (16, 25), (11, 26), (4, 29)],
        k_pairs=[(0, 33, 12), (16, 25, 10)],
        sample_seed=42, sample_count=10))

    florentine = nx.florentine_families_graph()
    write("florentine", reference(
        "florentine", florentine,
        pairs=[("Acciaiuoli", "Strozzi"), ("Pazzi", "Lamberteschi"), ("Ginori", "Bischeri")],
        k_pairs=[("Acciaiuoli", "Strozzi", 8), ("Pazzi", "Lamberteschi", 6)],
        sample_seed=7, sample_count=5))

    davis = nx.davis_southern_women_graph()
    women = davis.graph["top"]
    data = reference(
        "davis", davis,
        pairs=[("Evelyn Jefferson", "Flora Price"), ("E1", "E14"), ("Pearl Oglethorpe", "E13")],
        k_pairs=[("Evelyn Jefferson", "Flora Price", 10)],
        sample_seed=2024, sample_count=12)
    nodes = list(davis.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    counts = bipartite.weighted_projected_graph(davis, women)
    jaccard = bipartite.overlap_weighted_projected_graph(davis, women, jaccard=True)
    pairs = []
    for u, v, w in counts.edges(data="weight"):
        a, b = sorted((index[u], index[v]))
        pairs.append({"first": a, "second": b, "count": w, "jaccard": jaccard[u][v]["weight"]})
    data["projection"] = {
        "members": sorted(index[w] for w in women),
        "pairs": sorted(pairs, key=lambda p: (p["first"], p["second"])),
    }
    write("davis", data)

    # Disconnected pieces, an isolated node (nan constraint), cut points in every piece.
    mixed = nx.disjoint_union_all([
        nx.lollipop_graph(4, 3), nx.cycle_graph(5), nx.star_graph(3), nx.empty_graph(1),
        nx.balanced_tree(2, 3)])
    write("mixed", reference(
        "mixed", mixed,
        pairs=[(0, 6), (13, 15), (18, 30)],
        k_pairs=[(0, 6, 4), (8, 10, 3)],
        sample_seed=99, sample_count=6))


if __name__ == "__main__":
    main()
