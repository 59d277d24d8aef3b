import GraphEngine
import Testing

@Suite("Centrality conventions and determinism")
struct CentralityTests {
    /// A connected random graph: a spanning path plus random chords.
    private func randomConnected(nodes: Int, chords: Int, seed: UInt64) throws -> UndirectedGraph {
        var rng = SplitMix64(seed: seed)
        var edges: [(Int32, Int32)] = (1..<Int32(nodes)).map {
            (Int32(rng.next(below: UInt64($0))), $0)
        }
        for _ in 0..<chords {
            edges.append(
                (Int32(rng.next(below: UInt64(nodes))), Int32(rng.next(below: UInt64(nodes)))))
        }
        return try UndirectedGraph(nodeCount: nodes, edges: edges)
    }

    @Test("parallel betweenness is bit-for-bit the serial result")
    func deterministic() throws {
        let graph = try randomConnected(nodes: 600, chords: 1500, seed: 11)
        let serial = graph.betweennessCentrality(parallel: false)
        let parallel = graph.betweennessCentrality()
        let again = graph.betweennessCentrality()
        #expect(serial.map(\.bitPattern) == parallel.map(\.bitPattern))
        #expect(parallel.map(\.bitPattern) == again.map(\.bitPattern))
        let sample = SourceSample(count: 500, seed: 3)!
        #expect(
            graph.betweennessCentrality(sample: sample, parallel: false).map(\.bitPattern)
                == graph.betweennessCentrality(sample: sample).map(\.bitPattern))
        #expect(
            graph.closenessCentrality(parallel: false).map(\.bitPattern)
                == graph.closenessCentrality().map(\.bitPattern))
    }

    @Test("sampling: every source is exact, one source is NaN at the source as in NetworkX")
    func sampling() throws {
        let graph = try randomConnected(nodes: 40, chords: 30, seed: 5)
        let exact = graph.betweennessCentrality()
        let everything = graph.betweennessCentrality(sample: SourceSample(count: 40, seed: 1)!)
        #expect(exact.map(\.bitPattern) == everything.map(\.bitPattern))
        let one = graph.betweennessCentrality(sample: SourceSample(count: 1, seed: 9)!)
        var rng = SplitMix64(seed: 9)
        let source = rng.sample(graph.includedNodes, count: 1)[0]
        #expect(one[Int(source)].isNaN)
        #expect(one.enumerated().allSatisfy { $0.offset == Int(source) || !$0.element.isNaN })
        // Different seeds pick different sources, and the estimate moves.
        let a = graph.betweennessCentrality(sample: SourceSample(count: 10, seed: 1)!)
        let b = graph.betweennessCentrality(sample: SourceSample(count: 10, seed: 2)!)
        #expect(a != b)
    }

    @Test("a sample needs at least one source")
    func emptySample() {
        #expect(SourceSample(count: 0, seed: 1) == nil)
        #expect(SourceSample(count: -3, seed: 1) == nil)
        #expect(SourceSample(count: 1, seed: 1)?.count == 1)
    }

    @Test("small graphs, isolated and absent nodes")
    func edgeCases() throws {
        let single = try UndirectedGraph(nodeCount: 1, edges: [])
        #expect(single.degreeCentrality() == [1])
        #expect(single.closenessCentrality() == [0])
        #expect(single.betweennessCentrality() == [0])
        #expect(single.constraint()[0].isNaN && single.effectiveSize()[0].isNaN)

        let pair = try UndirectedGraph(nodeCount: 2, edges: [(0, 1)])
        #expect(pair.betweennessCentrality() == [0, 0])
        #expect(pair.closenessCentrality() == [1, 1])
        #expect(pair.constraint() == [1, 1])
        #expect(pair.effectiveSize() == [1, 1])

        // Path 0–1–2 plus isolated 3 and absent 4.
        let graph = try UndirectedGraph(
            nodeCount: 5, edges: [(0, 1), (1, 2), (3, 4)],
            nodes: BitMask(count: 5, setting: [0, 1, 2, 3] as [Int32]))
        #expect(graph.includedNodeCount == 4)
        let betweenness = graph.betweennessCentrality()
        // Node 1 lies on the one shortest path of the pair {0, 2}: 2 ordered pairs over
        // (n − 1)(n − 2) = 6.
        #expect(betweenness[0] == 0 && close(betweenness[1], 2.0 / 6.0) && betweenness[3] == 0)
        #expect(betweenness[4].isNaN)
        #expect(graph.betweennessCentrality(normalized: false)[1] == 1)
        let closeness = graph.closenessCentrality()
        // Node 1 reaches 2 nodes at total distance 2: 2/2 · 2/3.
        #expect(close(closeness[1], 2.0 / 3.0) && closeness[3] == 0 && closeness[4].isNaN)
        #expect(close(graph.closenessCentrality(wassermanFaust: false)[0], 2.0 / 3.0))
        #expect(graph.degreeCentrality()[0...3] == [1.0 / 3.0, 2.0 / 3.0, 1.0 / 3.0, 0])
        #expect(graph.degreeCentrality()[4].isNaN)
        #expect(graph.constraint()[3].isNaN && graph.effectiveSize()[3].isNaN)
        #expect(graph.constraint()[4].isNaN)
        // Node 1's two contacts are not tied: constraint 2 · (1/2)² = 1/2, effective size 2.
        #expect(graph.constraint()[1] == 0.5 && graph.effectiveSize()[1] == 2)
    }
}
