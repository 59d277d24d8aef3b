import GraphEngine
import Testing

/// Seeded random multigraphs (self-loops, parallel edges, three relation types, random node,
/// edge and relation masks) checked against brute force.
@Suite("Seeded random sweeps against brute force")
struct RandomSweepTests {
    static let seeds: [UInt64] = Array(0..<300)

    /// The undirected simple graph as a directed graph with one edge per pair, so the
    /// brute-force path enumerator can walk it.
    private func asView(_ graph: UndirectedGraph) throws -> GraphView {
        let edges = graph.edges
        let g = try Graph(
            nodeCount: graph.nodeCount, sources: edges.map(\.u), targets: edges.map(\.v),
            relations: [Int32](repeating: 0, count: edges.count))
        return g.view(nodes: graph.nodes)
    }

    @Test("betweenness and closeness equal counts over all shortest paths")
    func centralities() throws {
        for seed in Self.seeds {
            var rng = SplitMix64(seed: seed)
            let graph = randomMultigraph(&rng)
            let undirected = randomView(graph, &rng).undirectedGraph()
            let view = try asView(undirected)
            let present = undirected.includedNodes
            let n = present.count
            var through = [Double](repeating: 0, count: undirected.nodeCount)
            var closenessExpected = [Double](repeating: .nan, count: undirected.nodeCount)
            for s in present {
                var reached = 0
                var total = 0
                for t in present where t != s {
                    let paths = allSimplePaths(view, from: s, to: t, constraints: PathConstraints())
                    guard let shortest = paths.first?.count else { continue }
                    reached += 1
                    total += shortest - 1
                    let geodesics = paths.filter { $0.count == shortest }
                    for path in geodesics {
                        for v in path.dropFirst().dropLast() {
                            through[Int(v)] += 1 / Double(geodesics.count)
                        }
                    }
                }
                var c = 0.0
                if total > 0, n > 1 {
                    c = Double(reached) / Double(total) * Double(reached) / Double(n - 1)
                }
                closenessExpected[Int(s)] = c
            }
            let normalized = undirected.betweennessCentrality()
            let raw = undirected.betweennessCentrality(normalized: false)
            let closeness = undirected.closenessCentrality()
            let degree = undirected.degreeCentrality()
            for u in 0..<undirected.nodeCount {
                guard undirected.contains(node: Int32(u)) else {
                    #expect(normalized[u].isNaN && raw[u].isNaN && closeness[u].isNaN)
                    continue
                }
                let scale = n > 2 ? 1 / Double((n - 1) * (n - 2)) : 1
                #expect(close(normalized[u], through[u] * scale), "seed \(seed) node \(u)")
                #expect(close(raw[u], n > 2 ? through[u] / 2 : through[u]), "seed \(seed)")
                #expect(close(closeness[u], closenessExpected[u]), "seed \(seed) node \(u)")
                let expectedDegree =
                    n <= 1 ? 1 : Double(undirected.degree(of: Int32(u))) / Double(n - 1)
                #expect(close(degree[u], expectedDegree))
            }
        }
    }

    @Test("articulation points and bridges equal remove-and-count")
    func cutStructure() throws {
        for seed in Self.seeds {
            var rng = SplitMix64(seed: seed)
            let graph = randomMultigraph(&rng, maxNodes: 12, density: 0.12)
            let undirected = randomView(graph, &rng).undirectedGraph()
            let before = componentCount(undirected)
            let cut = undirected.cutStructure()
            var expectedPoints: [ArticulationPoint] = []
            for v in undirected.includedNodes {
                let after = componentCount(undirected, removedNode: v)
                guard after > before else { continue }
                // The pieces of v's component once v is gone, by brute force.
                let remaining = undirected.includedNodes.filter { $0 != v }
                let component = Set(
                    undirected.includedNodes.filter {
                        sameComponent(undirected, $0, v, removed: nil)
                    })
                var pieces: [[Int32]] = []
                for u in remaining where component.contains(u) {
                    if let i = pieces.firstIndex(where: {
                        sameComponent(undirected, $0[0], u, removed: v)
                    }) {
                        pieces[i].append(u)
                    } else {
                        pieces.append([u])
                    }
                }
                let largest = pieces.map(\.count).max() ?? 0
                expectedPoints.append(
                    ArticulationPoint(
                        node: v, pieceCount: pieces.count,
                        separatedNodeCount: component.count - 1 - largest))
            }
            #expect(cut.articulationPoints == expectedPoints, "seed \(seed)")
            let expectedBridges = undirected.edges.filter {
                componentCount(undirected, removedEdge: ($0.u, $0.v)) > before
            }
            #expect(cut.bridges.map { [$0.u, $0.v] } == expectedBridges.map { [$0.u, $0.v] })
            #expect(undirected.connectedComponents().count == before)
        }
    }

    /// Whether `a` and `b` are joined by a path avoiding `removed` (breadth-first search).
    private func sameComponent(
        _ graph: UndirectedGraph, _ a: Int32, _ b: Int32, removed: Int32?
    ) -> Bool {
        var seen: Set<Int32> = [a]
        var frontier = [a]
        while let u = frontier.popLast() {
            if u == b { return true }
            for v in graph.neighbors(of: u) where v != removed && !seen.contains(v) {
                seen.insert(v)
                frontier.append(v)
            }
        }
        return false
    }

    @Test("distances, neighbourhoods and components equal Floyd–Warshall")
    func distances() {
        for seed in Self.seeds {
            var rng = SplitMix64(seed: seed)
            let graph = randomMultigraph(&rng)
            let view = randomView(graph, &rng)
            for direction in TraversalDirection.allCases {
                let d = floydWarshall(view, direction: direction)
                for s in 0..<Int32(graph.nodeCount) {
                    let bfs = view.distances(from: s, direction: direction)
                    #expect(
                        bfs.map { $0 < 0 ? Int.max : Int($0) } == d[Int(s)],
                        "seed \(seed) \(direction)")
                    let depth = Int(rng.next(below: 4))
                    let hood = view.neighborhood(of: [s], depth: depth, direction: direction)
                    let expected = (0..<graph.nodeCount).filter { d[Int(s)][$0] <= depth }
                    #expect(hood.map { Int($0.node) } == expected)
                    #expect(hood.allSatisfy { $0.depth == d[Int(s)][Int($0.node)] })
                    for t in 0..<Int32(graph.nodeCount) {
                        let path = view.shortestPath(
                            from: s, to: t, constraints: PathConstraints(direction: direction))
                        #expect((path?.length ?? Int.max) == d[Int(s)][Int(t)])
                    }
                }
            }
            let undirected = view.undirectedGraph()
            for s in 0..<Int32(graph.nodeCount) {
                #expect(
                    undirected.distances(from: s).map { $0 < 0 ? Int.max : Int($0) }
                        == floydWarshall(view, direction: .both)[Int(s)])
            }
            let both = floydWarshall(view, direction: .both)
            let weak = view.weaklyConnectedComponents()
            for u in 0..<graph.nodeCount {
                for v in 0..<graph.nodeCount where view.contains(node: Int32(u)) {
                    let together = weak.labels[u] == weak.labels[v]
                    #expect(together == (both[u][v] != Int.max))
                }
            }
            #expect(weak.count == view.undirectedGraph().connectedComponents().count)
        }
    }

    /// Random path constraints: direction, sometimes an intermediate mask, avoided nodes and
    /// a length limit.
    private func randomConstraints(_ n: Int, _ rng: inout SplitMix64) -> PathConstraints {
        let direction: [TraversalDirection] = [.both, .both, .outgoing, .incoming]
        let pick = direction[Int(rng.next(below: 4))]
        let intermediates = rng.next(below: 3) == 0 ? randomMask(&rng, count: n, p: 0.7) : nil
        let avoiding =
            rng.next(below: 3) == 0 ? [Int32(rng.next(below: UInt64(n)))] : []
        let maxLength = rng.next(below: 4) == 0 ? Int(rng.next(below: 6)) : nil
        return PathConstraints(
            direction: pick, intermediates: intermediates, avoiding: avoiding,
            maxLength: maxLength)
    }

    @Test("shortest paths equal brute-force enumeration")
    func shortestPaths() {
        for seed in Self.seeds {
            var rng = SplitMix64(seed: seed)
            let graph = randomMultigraph(&rng, minNodes: 3, density: 0.6)
            let view = randomView(graph, &rng)
            let n = graph.nodeCount
            for _ in 0..<6 {
                let s = Int32(rng.next(below: UInt64(n)))
                let t = Int32(rng.next(below: UInt64(n)))
                let constraints = randomConstraints(n, &rng)
                let brute = allSimplePaths(view, from: s, to: t, constraints: constraints)
                let geodesics = brute.filter { $0.count == brute.first?.count }
                let all = view.allShortestPaths(
                    from: s, to: t, limit: 10_000, constraints: constraints)
                #expect(all.map(\.nodes) == geodesics, "seed \(seed) \(s)→\(t)")
                for path in all {
                    #expect(isValid(path, in: view, from: s, to: t, constraints: constraints))
                }
                let single = view.shortestPath(from: s, to: t, constraints: constraints)
                #expect(single?.nodes == geodesics.first, "seed \(seed) \(s)→\(t)")
                if geodesics.count > 1 {
                    let limited = view.allShortestPaths(
                        from: s, to: t, limit: 1, constraints: constraints)
                    #expect(limited.map(\.nodes) == [geodesics[0]])
                }
            }
        }
    }

    @Test("Yen's k shortest paths equal enumerating every simple path")
    func kShortestPaths() {
        for seed in Self.seeds {
            var rng = SplitMix64(seed: seed)
            let graph = randomMultigraph(&rng, minNodes: 5, maxNodes: 8, density: 0.5)
            let view = randomView(graph, &rng)
            let n = graph.nodeCount
            for _ in 0..<4 {
                let s = Int32(rng.next(below: UInt64(n)))
                let t = Int32(rng.next(below: UInt64(n)))
                let constraints = randomConstraints(n, &rng)
                let brute = allSimplePaths(view, from: s, to: t, constraints: constraints)
                // Asking for more paths than exist returns every one of them.
                let every = view.kShortestPaths(
                    from: s, to: t, count: brute.count + 2, constraints: constraints)
                #expect(Set(every.map(\.nodes)) == Set(brute), "seed \(seed) \(s)→\(t)")
                #expect(every.count == brute.count)
                #expect(every.map(\.length) == brute.map { $0.count - 1 })
                for path in every {
                    #expect(isValid(path, in: view, from: s, to: t, constraints: constraints))
                }
                // A smaller k gives the k shortest lengths.
                let k = 1 + Int(rng.next(below: 4))
                let some = view.kShortestPaths(from: s, to: t, count: k, constraints: constraints)
                #expect(some.map(\.length) == brute.prefix(k).map { $0.count - 1 })
                #expect(some.map(\.nodes) == every.prefix(k).map(\.nodes))
            }
        }
    }

    @Test("constraint and effective size equal Burt's general formulas")
    func structuralHoles() {
        for seed in Self.seeds {
            var rng = SplitMix64(seed: seed)
            let graph = randomMultigraph(&rng, maxNodes: 10)
            let undirected = randomView(graph, &rng).undirectedGraph()
            let constraint = undirected.constraint()
            let effective = undirected.effectiveSize()
            func p(_ x: Int32, _ y: Int32) -> Double {
                undirected.hasEdge(between: x, and: y) ? 1 / Double(undirected.degree(of: x)) : 0
            }
            for u in 0..<Int32(undirected.nodeCount) {
                let neighbors = Array(undirected.neighbors(of: u))
                guard undirected.contains(node: u), !neighbors.isEmpty else {
                    #expect(constraint[Int(u)].isNaN && effective[Int(u)].isNaN)
                    continue
                }
                var c = 0.0
                var e = 0.0
                for v in neighbors {
                    var indirect = 0.0
                    var redundancy = 0.0
                    for w in neighbors {
                        indirect += p(u, w) * p(w, v)
                        redundancy += p(u, w) * (undirected.hasEdge(between: v, and: w) ? 1 : 0)
                    }
                    c += (p(u, v) + indirect) * (p(u, v) + indirect)
                    e += 1 - redundancy
                }
                #expect(close(constraint[Int(u)], c), "seed \(seed) node \(u)")
                #expect(close(effective[Int(u)], e), "seed \(seed) node \(u)")
            }
        }
    }

    @Test("building straight from endpoint arrays equals the multigraph view's simple graph")
    func directConstruction() throws {
        for seed in Self.seeds {
            var rng = SplitMix64(seed: seed)
            let graph = randomMultigraph(&rng, maxNodes: 40, density: 0.2)
            let nodes =
                rng.next(below: 2) == 0 ? randomMask(&rng, count: graph.nodeCount, p: 0.7) : nil
            let expected = graph.view(nodes: nodes).undirectedGraph()
            let direct = try UndirectedGraph(
                nodeCount: graph.nodeCount, sources: graph.edgeSources,
                targets: graph.edgeTargets, nodes: nodes)
            #expect(direct.includedNodeCount == expected.includedNodeCount, "seed \(seed)")
            #expect(direct.edgeCount == expected.edgeCount, "seed \(seed)")
            for u in 0..<Int32(graph.nodeCount) {
                #expect(
                    Array(direct.neighbors(of: u)) == Array(expected.neighbors(of: u)),
                    "seed \(seed) node \(u)")
            }
        }
        #expect(throws: GraphError.nodeOutOfRange(edge: 1, node: 3)) {
            try UndirectedGraph(nodeCount: 3, sources: [0, 3], targets: [1, 0])
        }
        #expect(throws: GraphError.self) {
            try UndirectedGraph(nodeCount: 3, sources: [0], targets: [])
        }
    }

    @Test("constraint and effective size from triangles equal the definitions on graphs with hubs")
    func structuralHolesWithHubs() throws {
        for seed in UInt64(0)..<6 {
            var rng = SplitMix64(seed: seed)
            let n = 150
            var edges: [(Int32, Int32)] = []
            // A few hubs tied to many nodes, plus random ties (triangles through the hubs).
            for hub in 0..<4 {
                for v in 4..<n where rng.next(below: 3) == 0 {
                    edges.append((Int32(hub), Int32(v)))
                }
            }
            for _ in 0..<600 {
                edges.append((Int32(rng.next(below: UInt64(n))), Int32(rng.next(below: UInt64(n)))))
            }
            let graph = try UndirectedGraph(nodeCount: n, edges: edges)
            let constraint = graph.constraint()
            let effective = graph.effectiveSize()
            let both = graph.structuralHoles()
            #expect(both.constraint.map(\.bitPattern) == constraint.map(\.bitPattern))
            #expect(both.effectiveSize.map(\.bitPattern) == effective.map(\.bitPattern))
            for u in 0..<Int32(n) {
                let neighbors = Array(graph.neighbors(of: u))
                guard !neighbors.isEmpty else {
                    #expect(constraint[Int(u)].isNaN && effective[Int(u)].isNaN)
                    continue
                }
                let d = Double(neighbors.count)
                var c = 0.0
                var ties = 0
                for v in neighbors {
                    var indirect = 0.0
                    for w in neighbors where w != v && graph.hasEdge(between: w, and: v) {
                        indirect += (1 / d) * (1 / Double(graph.degree(of: w)))
                        ties += 1
                    }
                    c += (1 / d + indirect) * (1 / d + indirect)
                }
                #expect(close(constraint[Int(u)], c), "seed \(seed) node \(u)")
                #expect(close(effective[Int(u)], d - Double(ties) / d), "seed \(seed) node \(u)")
            }
        }
    }
}
