#!/usr/bin/env python3
"""Writes the NetworkX-made fixtures of the interop tests (run from any folder).

    python3 Tests/InteropTests/Fixtures/make_fixtures.py

Outputs (committed; re-run only on purpose):
  networkx/karate.graphml      write_graphml(karate_club_graph())   undirected, int ids,
                               node 'club', edge 'weight' (int), graph 'name'
  networkx/davis.graphml       write_graphml(davis_southern_women_graph()) with the graph's
                               'top'/'bottom' lists dropped (write_graphml cannot write
                               lists) and a 'name' set; node ids are names ("Evelyn
                               Jefferson", "E1"), node 'bipartite' (int)
  networkx/karate_edges.csv    the karate edges as a Gephi edge table
                               (Source,Target,Type,Weight with Type=Undirected)
  networkx/expected.txt        node and edge counts and a few values, as NetworkX sees
                               them, for the Swift tests to compare with
"""
import csv
import os

import networkx as nx

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "networkx")
os.makedirs(here, exist_ok=True)

karate = nx.karate_club_graph()
nx.write_graphml(karate, os.path.join(here, "karate.graphml"))

davis = nx.davis_southern_women_graph()
davis.graph.clear()
davis.graph["name"] = "Davis Southern Women"
nx.write_graphml(davis, os.path.join(here, "davis.graphml"))

with open(os.path.join(here, "karate_edges.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["Source", "Target", "Type", "Weight"])
    for u, v, d in karate.edges(data=True):
        w.writerow([u, v, "Undirected", d["weight"]])

with open(os.path.join(here, "expected.txt"), "w", encoding="utf-8") as f:
    for name, g in [("karate", karate), ("davis", davis)]:
        f.write(f"{name} nodes={g.number_of_nodes()} edges={g.number_of_edges()}"
                f" directed={g.is_directed()}\n")
    f.write(f"karate club[0]={karate.nodes[0]['club']} club[33]={karate.nodes[33]['club']}\n")
    f.write(f"karate weight(0,1)={karate.edges[0, 1]['weight']}"
            f" total_weight={int(karate.size(weight='weight'))}\n")
    women = sorted(n for n, d in davis.nodes(data=True) if d["bipartite"] == 0)
    events = sorted(n for n, d in davis.nodes(data=True) if d["bipartite"] == 1)
    f.write(f"davis women={len(women)} events={len(events)}"
            f" degree(Evelyn Jefferson)={davis.degree('Evelyn Jefferson')}\n")
print("wrote", here)
