import Synchronization

/// Which sources betweenness centrality samples, for graphs too large for the exact value.
///
/// - Complexity: O(1) memory.
public struct SourceSample: Sendable, Hashable {
    /// How many distinct source nodes to use (at least 1).
    ///
    /// - Complexity: O(1).
    public let count: Int
    /// The seed of the ``SplitMix64`` generator that picks them.
    ///
    /// - Complexity: O(1).
    public let seed: UInt64

    /// Creates a sample specification, or `nil` when `count` is less than 1.
    ///
    /// - Complexity: O(1).
    public init?(count: Int, seed: UInt64) {
        guard count >= 1 else { return nil }
        self.count = count
        self.seed = seed
    }
}

extension UndirectedGraph {
    /// Degree centrality: each node's degree divided by n − 1, where n is the number of
    /// present nodes; as NetworkX's `degree_centrality` (1 for every node when n ≤ 1).
    ///
    /// Absent nodes get `Double.nan`.
    /// - Complexity: O(n).
    public func degreeCentrality() -> [Double] {
        let n = includedNodeCount
        return (0..<Int32(nodeCount)).map { u in
            guard contains(node: u) else { return .nan }
            return n <= 1 ? 1 : Double(degree(of: u)) / Double(n - 1)
        }
    }

    /// Closeness centrality as NetworkX's `closeness_centrality` computes it.
    ///
    /// For a node u that reaches r − 1 other nodes at total distance d, the value is
    /// (r − 1) / d, multiplied when `wassermanFaust` is true (NetworkX's `wf_improved`, its
    /// default) by (r − 1) / (n − 1), n being the number of present nodes. Nodes that reach
    /// nobody get 0; absent nodes get `Double.nan`. Runs one breadth-first search per node,
    /// spread over all cores when the graph is large.
    ///
    /// Wasserman, S. and Faust, K. (1994). *Social Network Analysis: Methods and
    /// Applications.* Cambridge University Press.
    /// - Parameters:
    ///   - wassermanFaust: scale by the reachable fraction (NetworkX's `wf_improved`).
    ///   - parallel: allow several threads (the result is the same either way).
    /// - Complexity: O(n · (n + m)) time, O(n) memory per core.
    public func closenessCentrality(wassermanFaust: Bool = true, parallel: Bool = true) -> [Double]
    {
        let n = nodeCount
        let present = Double(includedNodeCount)
        var result = [Double](repeating: .nan, count: n)
        let sources = includedNodes
        guard !sources.isEmpty else { return result }
        let ranges = chunkRanges(count: sources.count)
        let useThreads = parallel && isLargeWork(sources: sources.count)
        let graph = self
        result.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(base: buffer.baseAddress!)
            runLanes(chunkCount: ranges.count, parallel: useThreads) { dispenser in
                var dist = [Int32](repeating: -1, count: n)
                var queue = [Int32](repeating: 0, count: n)
                graph.offsets.withUnsafeBufferPointer { offsets in
                    graph.adjacency.withUnsafeBufferPointer { adjacency in
                        while let chunk = dispenser.claim() {
                            for s in sources[ranges[chunk]] {
                                let (reached, total) = breadthFirstTotals(
                                    from: s, offsets: offsets, adjacency: adjacency,
                                    dist: &dist, queue: &queue)
                                var value = 0.0
                                if total > 0, present > 1 {
                                    value = Double(reached) / Double(total)
                                    if wassermanFaust { value *= Double(reached) / (present - 1) }
                                }
                                out.base[Int(s)] = value
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Betweenness centrality (shortest-path, endpoints excluded) by Brandes' algorithm,
    /// equal to NetworkX's `betweenness_centrality(G, k, normalized)` on this graph.
    ///
    /// With `normalized`, values are divided by (n − 1)(n − 2), n being the number of
    /// present nodes (the sum over ordered pairs, as NetworkX does for undirected graphs);
    /// without it, by 2 (each unordered pair counted once). With n < 3 every value is 0.
    ///
    /// With a `sample` of k < n sources, only paths from those sources are counted, picked
    /// by ``SplitMix64`` from `sample.seed`, and the result is scaled as NetworkX 3.6 scales
    /// its `k=` estimate: sampled nodes by 1 / ((k − 1)(n − 2)) and the others by
    /// 1 / (k (n − 2)) when normalised (by (n − 1) / (2(k − 1)) and (n − 1) / (2k)
    /// otherwise). With k = 1 the sampled node's value is `Double.nan`, as in NetworkX.
    /// A sample of n or more sources gives the exact value. (NetworkX draws its sample with
    /// Python's `random`, so sampled values equal NetworkX's only for the same sources.)
    ///
    /// Large graphs use every core. Each source's contributions are rounded to a fixed-point
    /// grid of 2⁻⁶⁴ and summed as 128-bit integers, so the result is bit-for-bit the same
    /// whatever the number of threads or the order in which they finish. Absent nodes get
    /// `Double.nan`.
    ///
    /// Brandes, U. (2001). "A faster algorithm for betweenness centrality." *Journal of
    /// Mathematical Sociology* 25(2): 163–177.
    /// - Parameters:
    ///   - normalized: divide as NetworkX's `normalized=True` does.
    ///   - sample: estimate from a seeded sample of sources (`nil`: exact).
    ///   - parallel: allow several threads (the result is bit-for-bit the same either way).
    /// - Complexity: O(s · (n + m)) time for s sources (s = n when exact), O(n) memory per
    ///   core.
    public func betweennessCentrality(
        normalized: Bool = true, sample: SourceSample? = nil, parallel: Bool = true
    ) -> [Double] {
        let n = nodeCount
        let present = includedNodeCount
        let allSources = includedNodes
        var sources = allSources
        var sampled = false
        if let sample, sample.count < present {
            var generator = SplitMix64(seed: sample.seed)
            sources = generator.sample(allSources, count: sample.count)
            sampled = true
        }
        let total = brandesTotals(sources: sources, parallel: parallel)

        var result = [Double](repeating: .nan, count: n)
        var isSource = BitMask(count: n)
        for s in sources { isSource[s] = true }
        let pairsThrough = present - 1  // NetworkX's N with endpoints excluded
        let k = Double(sources.count)
        var sourceScale = 1.0
        var otherScale = 1.0
        if pairsThrough >= 2 {
            let big = Double(pairsThrough)
            if !sampled {
                sourceScale = normalized ? 1 / (big * (big - 1)) : 0.5
                otherScale = sourceScale
            } else if normalized {
                sourceScale = k > 1 ? 1 / ((k - 1) * (big - 1)) : .nan
                otherScale = 1 / (k * (big - 1))
            } else {
                sourceScale = k > 1 ? big / ((k - 1) * 2) : .nan
                otherScale = big / (k * 2)
            }
        }
        for u in allSources {
            let raw = Double(total[Int(u)]) * 0x1p-64
            result[Int(u)] = raw * (isSource[u] ? sourceScale : otherScale)
        }
        return result
    }

    /// Whether work proportional to `sources` breadth-first searches deserves threads.
    private func isLargeWork(sources: Int) -> Bool {
        sources * (nodeCount + adjacency.count) >= 1 << 21
    }

    /// Brandes' dependency sums from `sources`, in 64.64 fixed point.
    ///
    /// Large work runs on a relabelled copy of the graph, nodes ordered by degree (highest
    /// first): the hubs that most searches pass through then share a few cache lines, which
    /// saves about a seventh of the time on the benchmark's affiliation graphs. The copy is
    /// a pure function of the graph, so the result stays deterministic.
    private func brandesTotals(sources: [Int32], parallel: Bool) -> [UInt128] {
        let large = isLargeWork(sources: sources.count)
        guard large else {
            return Self.brandesTotals(
                offsets: offsets, adjacency: adjacency, nodeCount: nodeCount, sources: sources,
                parallel: false)
        }
        let (order, rank) = degreeOrder()
        var newOffsets = [Int](repeating: 0, count: nodeCount + 1)
        var newAdjacency = [Int32](repeating: 0, count: adjacency.count)
        for (newIndex, old) in order.enumerated() {
            let range = offsets[Int(old)]..<offsets[Int(old) + 1]
            let start = newOffsets[newIndex]
            for (k, i) in range.enumerated() { newAdjacency[start + k] = rank[Int(adjacency[i])] }
            newAdjacency[start..<(start + range.count)].sort()
            newOffsets[newIndex + 1] = start + range.count
        }
        let totals = Self.brandesTotals(
            offsets: newOffsets, adjacency: newAdjacency, nodeCount: nodeCount,
            sources: sources.map { rank[Int($0)] }, parallel: parallel)
        return (0..<nodeCount).map { totals[Int(rank[$0])] }
    }

    /// The nodes by degree, highest first (ties by index), and each node's place in that order.
    private func degreeOrder() -> (order: [Int32], rank: [Int32]) {
        let order = (0..<Int32(nodeCount)).sorted {
            let a = degree(of: $0)
            let b = degree(of: $1)
            return a != b ? a > b : $0 < $1
        }
        var rank = [Int32](repeating: 0, count: nodeCount)
        for (i, node) in order.enumerated() { rank[Int(node)] = Int32(i) }
        return (order, rank)
    }

    private static func brandesTotals(
        offsets: [Int], adjacency: [Int32], nodeCount n: Int, sources: [Int32], parallel: Bool
    ) -> [UInt128] {
        let ranges = chunkRanges(count: sources.count)
        let totals = Mutex([UInt128](repeating: 0, count: n))
        runLanes(chunkCount: ranges.count, parallel: parallel) { dispenser in
            guard var chunk = dispenser.claim() else { return }
            let scratch = BrandesScratch(nodeCount: n, edgeCount: adjacency.count / 2)
            defer { scratch.deallocate() }
            offsets.withUnsafeBufferPointer { offsets in
                adjacency.withUnsafeBufferPointer { adjacency in
                    while true {
                        for s in sources[ranges[chunk]] {
                            scratch.addDependencies(of: s, offsets: offsets, adjacency: adjacency)
                        }
                        guard let next = dispenser.claim() else { break }
                        chunk = next
                    }
                }
            }
            totals.withLock { totals in
                for i in 0..<n { totals[i] &+= scratch.accumulated[i] }
            }
        }
        return totals.withLock { $0 }
    }
}

/// One lane's working memory for Brandes' algorithm, allocated once and reused per source.
private struct BrandesScratch {
    /// Per node: hop distance from the current source (or -1) and the number of shortest
    /// paths from it, side by side so that one cache line serves both reads of a neighbour.
    let slot: UnsafeMutableBufferPointer<BrandesSlot>
    /// Dependency of each node on the current source; reset after each source.
    let delta: UnsafeMutableBufferPointer<Double>
    /// Nodes in breadth-first order.
    let order: UnsafeMutableBufferPointer<Int32>
    /// The predecessors of `order[k]` are `predecessors[predecessorEnd[k]..<predecessorEnd[k + 1]]`.
    let predecessors: UnsafeMutableBufferPointer<Int32>
    let predecessorEnd: UnsafeMutableBufferPointer<Int>
    /// Sum of dependencies over the sources processed so far, in 64.64 fixed point.
    let accumulated: UnsafeMutableBufferPointer<UInt128>

    init(nodeCount n: Int, edgeCount m: Int) {
        slot = .allocate(capacity: n)
        slot.initialize(repeating: BrandesSlot(paths: 0, dist: -1))
        delta = .allocate(capacity: n)
        delta.initialize(repeating: 0)
        order = .allocate(capacity: n)
        order.initialize(repeating: 0)
        // Each undirected edge joins two levels at most once, so a search records at most m
        // predecessors; the forward pass writes one slot past the last one it keeps.
        predecessors = .allocate(capacity: m + 1)
        predecessors.initialize(repeating: 0)
        predecessorEnd = .allocate(capacity: n + 1)
        predecessorEnd.initialize(repeating: 0)
        accumulated = .allocate(capacity: n)
        accumulated.initialize(repeating: 0)
    }

    func deallocate() {
        slot.deallocate()
        delta.deallocate()
        order.deallocate()
        predecessors.deallocate()
        predecessorEnd.deallocate()
        accumulated.deallocate()
    }

    /// One source of Brandes' algorithm: a breadth-first search that counts shortest paths
    /// by pulling from the neighbours one level up and records them as predecessors, then
    /// dependencies pushed back along the recorded predecessors in reverse order. The
    /// recording is branch-free (each neighbour is written, and the end advances only for
    /// a predecessor), and nothing is allocated per source.
    @inline(__always)
    func addDependencies(
        of s: Int32, offsets: UnsafeBufferPointer<Int>, adjacency: UnsafeBufferPointer<Int32>
    ) {
        slot[Int(s)] = BrandesSlot(paths: 1, dist: 0)
        order[0] = s
        predecessorEnd[0] = 0
        var head = 0
        var tail = 1
        var recorded = 0
        while head < tail {
            let w = Int(order[head])
            head += 1
            let level = slot[w].dist
            // The source has no predecessors (its undiscovered neighbours are at -1).
            let up = head == 1 ? Int32.min : level - 1
            var paths = 0.0
            for i in offsets[w]..<offsets[w + 1] {
                let u = adjacency[i]
                let neighbour = slot[Int(u)]
                if neighbour.dist < 0 {
                    slot[Int(u)].dist = level + 1
                    order[tail] = u
                    tail += 1
                }
                let isPredecessor = neighbour.dist == up
                predecessors[recorded] = u
                recorded += isPredecessor ? 1 : 0
                paths += isPredecessor ? neighbour.paths : 0
            }
            predecessorEnd[head] = recorded
            if head > 1 { slot[w].paths = paths }
        }
        var position = tail - 1
        while position > 0 {
            let v = Int(order[position])
            let dependency = delta[v]
            accumulated[v] &+= fixedPoint(dependency)
            let share = (1 + dependency) / slot[v].paths
            for k in predecessorEnd[position]..<predecessorEnd[position + 1] {
                let u = Int(predecessors[k])
                delta[u] += slot[u].paths * share
            }
            // Nothing reads v again for this source (its successors came before it): reset
            // it now, while it is in cache, instead of in a pass of its own.
            slot[v].dist = -1
            delta[v] = 0
            position -= 1
        }
        slot[Int(s)].dist = -1
        delta[Int(s)] = 0
    }
}

/// A node's distance from the current source and its number of shortest paths.
private struct BrandesSlot {
    var paths: Double
    var dist: Int32
}

/// Breadth-first search from `s`: the number of other nodes reached and the sum of their
/// distances. `dist` must be all -1 on entry and is left so.
@inline(__always)
private func breadthFirstTotals(
    from s: Int32, offsets: UnsafeBufferPointer<Int>, adjacency: UnsafeBufferPointer<Int32>,
    dist: inout [Int32], queue: inout [Int32]
) -> (reached: Int, total: Int) {
    dist.withUnsafeMutableBufferPointer { dist in
        queue.withUnsafeMutableBufferPointer { queue in
            dist[Int(s)] = 0
            queue[0] = s
            var head = 0
            var tail = 1
            var total = 0
            while head < tail {
                let u = Int(queue[head])
                head += 1
                let next = dist[u] + 1
                for i in offsets[u]..<offsets[u + 1] {
                    let v = Int(adjacency[i])
                    if dist[v] < 0 {
                        dist[v] = next
                        total += Int(next)
                        queue[tail] = Int32(v)
                        tail += 1
                    }
                }
            }
            for i in 0..<tail { dist[Int(queue[i])] = -1 }
            return (tail - 1, total)
        }
    }
}

/// `value` as a 64.64 fixed-point number, truncated. Values that cannot occur in exact
/// arithmetic (NaN or negative, from overflowing path counts) count as 0 and values of
/// 2⁶⁴ or more saturate, so that pathological inputs cannot trap.
@inline(__always)
private func fixedPoint(_ value: Double) -> UInt128 {
    guard value >= 0 else { return 0 }
    guard value < 0x1p64 else { return UInt128(UInt64.max) << 64 }
    let whole = value.rounded(.towardZero)
    let high = UInt64(whole)
    let low = UInt64((value - whole) * 0x1p64)
    return UInt128(high) << 64 | UInt128(low)
}
