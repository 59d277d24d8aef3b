#!/usr/bin/env python3
"""The same graph measurements as baligraph-bench's graph-child, in NetworkX, igraph or
rustworkx, on the same CSV file, in a process of its own. Prints one JSON object (the keys of
GraphRun in Sources/baligraph-bench/GraphChild.swift).

    bench_graph.py --lib networkx|igraph|rustworkx --file F.csv --source NAME
                   [--betweenness exact|sampled|skip] [--sources-file NAMES.txt]
                   [--min-runs N]
    bench_graph.py --versions        # {"networkx": "3.6.1", "igraph": null, ...}

Loading, per library, by its fastest documented route from a CSV of names:
  rustworkx  PyGraph.read_edge_list(labels=True): parsing and name interning in Rust
  igraph     the csv module, a dict to intern names, Graph(n, edges)
  networkx   the csv module, Graph.add_edges_from on the names
The first load and connected components run first in the fresh process, and ru_maxrss is
read right after them (the memory measurement); then every step is repeated and the median
kept. loadComponents is the sum of the parse, build and components medians.
"""

import argparse
import csv
import json
import resource
import sys
import time

LIBS = ("networkx", "igraph", "rustworkx")


def versions():
    out = {}
    for name in LIBS:
        try:
            module = __import__(name)
            out[name] = getattr(module, "__version__", "unknown")
        except Exception:  # noqa: BLE001 - absent or broken: reported as not installed
            out[name] = None
    out["python"] = sys.version.split()[0]
    out["executable"] = sys.executable
    return out


def peak_rss_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def time_median(body, min_runs=3, max_runs=31, budget=0.4, first=None):
    samples = [] if first is None else [first]
    spent = 0.0 if first is None else first / 1000
    while len(samples) < min_runs or (spent < budget and len(samples) < max_runs):
        start = time.perf_counter()
        body()
        ms = (time.perf_counter() - start) * 1000
        samples.append(ms)
        spent += ms / 1000
    samples.sort()
    n = len(samples)
    med = samples[n // 2] if n % 2 else (samples[n // 2 - 1] + samples[n // 2]) / 2
    return med, n


def read_pairs(path):
    """(names, pairs of indices) with names interned in order of first appearance."""
    index = {}
    pairs = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            s = index.setdefault(row[0], len(index))
            t = index.setdefault(row[1], len(index))
            pairs.append((s, t))
    names = [None] * len(index)
    for name, i in index.items():
        names[i] = name
    return names, pairs


class NetworkXBench:
    def __init__(self):
        import networkx as nx

        self.nx = nx
        self.version = nx.__version__

    def parse(self, path):
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            next(reader)
            return [(row[0], row[1]) for row in reader]

    def build(self, parsed):
        g = self.nx.Graph()
        g.add_edges_from(parsed)
        return g

    def node(self, g, name):
        return name

    def size(self, g):
        return g.number_of_nodes(), g.number_of_edges()

    def components(self, g):
        return [len(c) for c in self.nx.connected_components(g)]

    def bfs(self, g, s):
        return len(self.nx.single_source_shortest_path_length(g, s)) - 1

    def cut_points(self, g):
        return len(list(self.nx.articulation_points(g)))

    def betweenness(self, g, sources):
        if sources is None:
            return max(self.nx.betweenness_centrality(g, normalized=True).values())
        self.nx.betweenness_centrality_subset(g, sources, list(g.nodes), normalized=False)
        return None


class IGraphBench:
    def __init__(self):
        import igraph as ig

        self.ig = ig
        self.version = ig.__version__
        self.names = None

    def parse(self, path):
        return read_pairs(path)

    def build(self, parsed):
        names, pairs = parsed
        self.names = names
        return self.ig.Graph(n=len(names), edges=pairs, directed=False)

    def node(self, g, name):
        return self.names.index(name)

    def size(self, g):
        return g.vcount(), g.ecount()

    def components(self, g):
        return list(g.connected_components().sizes())

    def bfs(self, g, s):
        vids, _, _ = g.bfs(s)
        return len(vids) - 1

    def cut_points(self, g):
        return len(g.articulation_points())

    def betweenness(self, g, sources):
        n = g.vcount()
        if sources is None:
            values = g.betweenness(directed=False)
            scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 0
            return max(values) * scale
        g.betweenness(directed=False, sources=sources)
        return None


class RustworkxBench:
    def __init__(self):
        import rustworkx as rx

        self.rx = rx
        self.version = rx.__version__
        self.index = None

    def parse(self, path):
        # comment="source" skips the header line; labels=True interns the names in Rust.
        return self.rx.PyGraph.read_edge_list(
            path, comment="source", deliminator=",", labels=True
        )

    def build(self, parsed):
        return parsed

    def node(self, g, name):
        if self.index is None:
            self.index = {label: i for i, label in zip(g.node_indices(), g.nodes())}
        return self.index[name]

    def size(self, g):
        return g.num_nodes(), g.num_edges()

    def components(self, g):
        return [len(c) for c in self.rx.connected_components(g)]

    def bfs(self, g, s):
        layers = self.rx.bfs_layers(g, [s])
        return sum(len(layer) for layer in layers) - 1

    def cut_points(self, g):
        return len(self.rx.articulation_points(g))

    def betweenness(self, g, sources):
        if sources is not None:
            raise NotImplementedError("rustworkx has no betweenness from chosen sources")
        values = self.rx.betweenness_centrality(g, normalized=True, endpoints=False)
        return max(values.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--versions", action="store_true")
    ap.add_argument("--lib", choices=LIBS)
    ap.add_argument("--file")
    ap.add_argument("--source")
    ap.add_argument("--betweenness", choices=("exact", "sampled", "skip"), default="exact")
    ap.add_argument("--sources-file")
    ap.add_argument("--min-runs", type=int, default=3)
    ap.add_argument("--skip", default="", help="comma-separated steps to skip: bfs,cutPoints")
    args = ap.parse_args()
    if args.versions:
        print(json.dumps(versions()))
        return
    result = {
        "tool": args.lib,
        "version": "",
        "file": args.file,
        "milliseconds": {},
        "runs": {},
        "notes": [],
    }
    try:
        bench = {"networkx": NetworkXBench, "igraph": IGraphBench, "rustworkx": RustworkxBench}[
            args.lib
        ]()
        result["version"] = bench.version
        run(bench, args, result)
    except Exception as e:  # noqa: BLE001 - reported in the table, not fatal
        result["error"] = f"{type(e).__name__}: {e}"
    result["peakRSSKiB"] = peak_rss_kib()
    result.setdefault("peakRSSLoadComponentsKiB", 0)
    print(json.dumps(result))


def run(bench, args, result):
    ms = result["milliseconds"]
    runs = result["runs"]
    skip = set(filter(None, args.skip.split(",")))

    def record(key, timing):
        ms[key], runs[key] = timing

    t0 = time.perf_counter()
    parsed = bench.parse(args.file)
    t1 = time.perf_counter()
    g = bench.build(parsed)
    t2 = time.perf_counter()
    sizes = bench.components(g)
    t3 = time.perf_counter()
    result["peakRSSLoadComponentsKiB"] = peak_rss_kib()
    first_parse, first_build, first_cc = (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000
    ms["firstLoadComponents"] = (t3 - t0) * 1000
    result["nodes"], result["edges"] = bench.size(g)
    result["components"] = len(sizes)
    result["largestComponent"] = max(sizes) if sizes else 0

    record("parse", time_median(lambda: bench.parse(args.file), args.min_runs, first=first_parse))
    record("build", time_median(lambda: bench.build(parsed), args.min_runs, first=first_build))
    record("components", time_median(lambda: bench.components(g), args.min_runs, first=first_cc))
    ms["loadComponents"] = ms["parse"] + ms["build"] + ms["components"]
    source = bench.node(g, args.source)
    if "bfs" not in skip:
        reached = []
        record("bfs", time_median(lambda: reached.append(bench.bfs(g, source)), args.min_runs))
        result["bfsReached"] = reached[-1]
    if "cutPoints" not in skip:
        count = []
        record("cutPoints", time_median(lambda: count.append(bench.cut_points(g)), args.min_runs))
        result["cutPoints"] = count[-1]
    if args.betweenness == "skip":
        result["notes"].append("betweenness skipped")
        return
    sources = None
    if args.betweenness == "sampled":
        with open(args.sources_file, encoding="utf-8") as f:
            sources = [bench.node(g, line.strip()) for line in f if line.strip()]
    top = []
    record(
        "betweenness",
        time_median(lambda: top.append(bench.betweenness(g, sources)), 1, 5, 1.0),
    )
    result["betweennessMode"] = args.betweenness
    result["betweennessSources"] = len(sources) if sources is not None else result["nodes"]
    if top and top[-1] is not None:
        result["betweennessMax"] = top[-1]


if __name__ == "__main__":
    main()
