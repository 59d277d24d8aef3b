import GraphEngine
import Testing

/// Values compared with NetworkX 3.6.1 on Zachary's karate club, the Florentine families,
/// the Davis Southern Women graph and a disconnected mixture (see `Fixtures/`).
@Suite("NetworkX reference values")
struct ReferenceTests {
    static let fixtures = ["karate", "florentine", "davis", "mixed"]

    private func expectClose(
        _ actual: [Double], _ expected: [Double?], _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for i in 0..<min(actual.count, expected.count) where !close(actual[i], expected[i]) {
            Issue.record(
                "\(what)[\(i)]: \(actual[i]) vs NetworkX \(String(describing: expected[i]))",
                sourceLocation: sourceLocation)
        }
    }

    @Test("centralities", arguments: fixtures)
    func centralities(name: String) throws {
        let reference = try Reference.load(name)
        let graph = try reference.graph().fullView.undirectedGraph()
        expectClose(graph.betweennessCentrality(), reference.betweenness, "betweenness")
        expectClose(
            graph.betweennessCentrality(normalized: false), reference.betweennessRaw,
            "raw betweenness")
        expectClose(graph.closenessCentrality(), reference.closeness, "closeness")
        expectClose(graph.degreeCentrality(), reference.degree, "degree")
    }

    @Test("sampled betweenness uses NetworkX's k-source scaling", arguments: fixtures)
    func sampledBetweenness(name: String) throws {
        let reference = try Reference.load(name)
        let graph = try reference.graph().fullView.undirectedGraph()
        let sample = reference.betweennessSample
        // The script replays SplitMix64 in Python: the same seed must pick the same sources.
        var rng = SplitMix64(seed: sample.seed)
        #expect(rng.sample(graph.includedNodes, count: sample.count) == sample.sources)
        expectClose(
            graph.betweennessCentrality(
                sample: SourceSample(count: sample.count, seed: sample.seed)),
            sample.values, "sampled betweenness")
    }

    @Test("structural holes", arguments: fixtures)
    func structuralHoles(name: String) throws {
        let reference = try Reference.load(name)
        let graph = try reference.graph().fullView.undirectedGraph()
        expectClose(graph.constraint(), reference.constraint, "constraint")
        expectClose(graph.effectiveSize(), reference.effectiveSize, "effective size")
    }

    @Test("articulation points and bridges", arguments: fixtures)
    func cutStructure(name: String) throws {
        let reference = try Reference.load(name)
        let graph = try reference.graph().fullView.undirectedGraph()
        let points = graph.articulationPoints()
        #expect(points.map(\.node) == reference.articulationPoints.map(\.node))
        #expect(points.map(\.pieceCount) == reference.articulationPoints.map(\.pieces))
        #expect(
            points.map(\.separatedNodeCount) == reference.articulationPoints.map(\.separated))
        #expect(graph.bridges().map { [$0.u, $0.v] } == reference.bridges)
    }

    @Test("all shortest paths", arguments: fixtures)
    func allShortestPaths(name: String) throws {
        let reference = try Reference.load(name)
        let view = try reference.graph().fullView
        for expected in reference.shortestPaths {
            let paths = view.allShortestPaths(
                from: expected.source, to: expected.target, limit: 1000)
            #expect(paths.map(\.nodes) == expected.paths)
            // The single shortest path is the lexicographically first of them.
            let single = try #require(view.shortestPath(from: expected.source, to: expected.target))
            #expect(single.nodes == expected.paths.first)
            // A limit cuts the same list.
            let two = view.allShortestPaths(from: expected.source, to: expected.target, limit: 2)
            #expect(two.map(\.nodes) == Array(expected.paths.prefix(2)))
        }
    }

    @Test("k shortest simple paths have NetworkX's lengths", arguments: fixtures)
    func kShortestPaths(name: String) throws {
        let reference = try Reference.load(name)
        let view = try reference.graph().fullView
        for expected in reference.kShortestLengths {
            let paths = view.kShortestPaths(
                from: expected.source, to: expected.target, count: expected.k)
            #expect(paths.map(\.length) == expected.lengths)
            #expect(Set(paths.map(\.nodes)).count == paths.count)
            for path in paths {
                #expect(
                    isValid(
                        path, in: view, from: expected.source, to: expected.target,
                        constraints: PathConstraints()))
            }
        }
    }

    @Test("Davis co-membership projection")
    func davisProjection() throws {
        let reference = try Reference.load("davis")
        let projection = try #require(reference.projection)
        let view = try reference.graph().fullView
        let members = BitMask(count: reference.nodes.count, setting: projection.members)
        let pairs = view.coMembership(members: members)
        #expect(pairs.count == projection.pairs.count)
        for (actual, expected) in zip(pairs, projection.pairs) {
            #expect(actual.first == expected.first && actual.second == expected.second)
            #expect(actual.sharedCount == expected.count)
            #expect(close(actual.jaccard, expected.jaccard))
        }
    }
}
