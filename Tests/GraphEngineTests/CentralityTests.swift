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

    /// Large enough that betweenness takes its large-work path (threads, and the copy of the
    /// graph relabelled by degree), with some nodes absent: checked against pair dependencies
    /// counted from all-pairs distances and path counts.
    @Test("large-work betweenness equals counting over all pairs")
    func largeWorkAgainstPairs() throws {
        let n = 260
        var rng = SplitMix64(seed: 77)
        var edges: [(Int32, Int32)] = (1..<Int32(n)).map {
            (Int32(rng.next(below: UInt64($0))), $0)
        }
        for _ in 0..<4500 {
            edges.append((Int32(rng.next(below: UInt64(n))), Int32(rng.next(below: UInt64(n)))))
        }
        var present = BitMask(count: n, repeating: true)
        for v in [3, 50, 51, 200] { present[v] = false }
        let graph = try UndirectedGraph(nodeCount: n, edges: edges, nodes: present)
        #expect(
            graph.includedNodeCount * (graph.includedNodeCount + 2 * graph.edgeCount) >= 1 << 21)
        // Distances and shortest-path counts from every node.
        var dist = [Int](repeating: -1, count: n * n)
        var sigma = [Double](repeating: 0, count: n * n)
        for s in graph.includedNodes.map(Int.init) {
            dist[s * n + s] = 0
            sigma[s * n + s] = 1
            var queue = [s]
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for v in graph.neighbors(of: Int32(u)).map(Int.init) {
                    if dist[s * n + v] < 0 {
                        dist[s * n + v] = dist[s * n + u] + 1
                        queue.append(v)
                    }
                    if dist[s * n + v] == dist[s * n + u] + 1 {
                        sigma[s * n + v] += sigma[s * n + u]
                    }
                }
            }
        }
        var through = [Double](repeating: 0, count: n)
        let nodes = graph.includedNodes.map(Int.init)
        dist.withUnsafeBufferPointer { d in
            sigma.withUnsafeBufferPointer { p in
                for s in nodes {
                    for t in nodes where t != s && d[s * n + t] > 0 {
                        for v in nodes where v != s && v != t {
                            if d[s * n + v] > 0, d[v * n + t] > 0,
                                d[s * n + v] + d[v * n + t] == d[s * n + t]
                            {
                                through[v] += p[s * n + v] * p[v * n + t] / p[s * n + t]
                            }
                        }
                    }
                }
            }
        }
        let k = Double(graph.includedNodeCount)
        let values = graph.betweennessCentrality()
        for v in 0..<n {
            if present[v] {
                #expect(close(values[v], through[v] / ((k - 1) * (k - 2))), "node \(v)")
            } else {
                #expect(values[v].isNaN)
            }
        }
        let serial = graph.betweennessCentrality(parallel: false)
        #expect(serial.map(\.bitPattern) == values.map(\.bitPattern))
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
