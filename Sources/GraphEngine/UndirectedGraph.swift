/// A simple undirected graph in compact CSR form, over the node indices of its source graph.
///
/// There are no self-loops and no parallel edges; each neighbour list is sorted ascending.
/// Nodes excluded by the view it came from keep their indices but are absent: they have no
/// neighbours, are not counted in ``includedNodeCount``, and get `Double.nan` in every
/// per-node measure. Make one with ``GraphView/undirectedGraph()`` (or directly from pairs)
/// and reuse it for several analyses.
///
/// - Complexity: O(n + m) memory.
public struct UndirectedGraph: Sendable {
    /// The size of the node index space, including absent nodes.
    ///
    /// - Complexity: O(1).
    public let nodeCount: Int
    /// The nodes present, or `nil` when every index in `0..<nodeCount` is present.
    ///
    /// - Complexity: O(1).
    public let nodes: BitMask?
    /// The number of present nodes (the n used by NetworkX-style normalisations).
    ///
    /// - Complexity: O(1).
    public let includedNodeCount: Int
    let offsets: [Int]
    let adjacency: [Int32]

    init(nodeCount: Int, nodes: BitMask?, offsets: [Int], adjacency: [Int32]) {
        self.nodeCount = nodeCount
        self.nodes = nodes
        self.includedNodeCount = nodes?.setCount ?? nodeCount
        self.offsets = offsets
        self.adjacency = adjacency
    }

    /// Builds a simple undirected graph from node pairs; repeats, both orientations of a
    /// pair, and self-loops collapse or drop as in ``GraphView/undirectedGraph()``.
    ///
    /// - Parameters:
    ///   - nodeCount: the size of the node index space.
    ///   - edges: unordered pairs of node indices.
    ///   - nodes: the nodes present, or `nil` for all; pairs touching an absent node are
    ///     ignored.
    /// - Throws: ``GraphError`` for a node index out of range or an invalid node count.
    /// - Complexity: O(n + m).
    public init(
        nodeCount: Int, edges: [(Int32, Int32)], nodes: BitMask? = nil
    ) throws(GraphError) {
        try self.init(
            nodeCount: nodeCount, sources: edges.map(\.0), targets: edges.map(\.1), nodes: nodes)
    }

    /// Builds a simple undirected graph straight from parallel arrays of edge endpoints
    /// (as an ``EdgeListTable``-style loader gives them), without the directed multigraph:
    /// the same graph as `Graph(...).view(nodes:).undirectedGraph()`, in less time and
    /// memory. Repeats, both orientations of a pair, and self-loops collapse or drop.
    ///
    /// Neighbour lists come out sorted without comparison sorting: the pairs are bucketed
    /// by one endpoint, and reading those buckets in node order appends each neighbour to
    /// the other endpoint's list in ascending order (a transpose), after which repeats are
    /// adjacent and are dropped in one pass.
    ///
    /// - Parameters:
    ///   - nodeCount: the size of the node index space.
    ///   - sources: one endpoint of each edge.
    ///   - targets: the other endpoint of each edge.
    ///   - nodes: the nodes present, or `nil` for all; pairs touching an absent node are
    ///     ignored.
    /// - Throws: ``GraphError`` for arrays of different lengths, a node index out of range,
    ///   or counts that do not fit in `Int32`.
    /// - Complexity: O(n + m) time; O(n + m) extra memory while building.
    public init(
        nodeCount n: Int, sources: [Int32], targets: [Int32], nodes: BitMask? = nil
    ) throws(GraphError) {
        guard n >= 0, n <= Int(Int32.max) else { throw .invalidNodeCount(n) }
        guard sources.count == targets.count else {
            throw .mismatchedEdgeArrays(
                sources: sources.count, targets: targets.count, relations: sources.count)
        }
        guard sources.count <= Int(Int32.max) / 2 else { throw .tooManyEdges(sources.count) }
        if let nodes, nodes.count != n { throw .invalidNodeCount(nodes.count) }
        let bound = Int32(n)
        for e in sources.indices {
            if sources[e] < 0 || sources[e] >= bound {
                throw .nodeOutOfRange(edge: e, node: sources[e])
            }
            if targets[e] < 0 || targets[e] >= bound {
                throw .nodeOutOfRange(edge: e, node: targets[e])
            }
        }
        let keeps: (Int32, Int32) -> Bool = { s, t in
            s != t && (nodes.map { $0[s] && $0[t] } ?? true)
        }
        // Degrees with repeats, both directions.
        var start = [Int](repeating: 0, count: n + 1)
        for e in sources.indices where keeps(sources[e], targets[e]) {
            start[Int(sources[e]) + 1] += 1
            start[Int(targets[e]) + 1] += 1
        }
        for i in 0..<n { start[i + 1] += start[i] }
        let total = start[n]
        // Bucket every directed pair by its first endpoint (unsorted within a bucket)...
        var bucketed = [Int32](repeating: 0, count: total)
        var cursor = start
        bucketed.withUnsafeMutableBufferPointer { out in
            for e in sources.indices where keeps(sources[e], targets[e]) {
                let s = Int(sources[e])
                let t = Int(targets[e])
                out[cursor[s]] = Int32(t)
                cursor[s] += 1
                out[cursor[t]] = Int32(s)
                cursor[t] += 1
            }
        }
        // ...then transpose: reading the buckets in node order appends each node to its
        // neighbours' lists in ascending order. The pairs are symmetric, so the result is
        // each node's neighbour list, sorted, repeats adjacent.
        var sorted = [Int32](repeating: 0, count: total)
        cursor = start
        sorted.withUnsafeMutableBufferPointer { out in
            bucketed.withUnsafeBufferPointer { inp in
                for v in 0..<n {
                    for i in start[v]..<start[v + 1] {
                        let u = Int(inp[i])
                        out[cursor[u]] = Int32(v)
                        cursor[u] += 1
                    }
                }
            }
        }
        bucketed = []
        // Drop repeats in place.
        var offsets = [Int](repeating: 0, count: n + 1)
        var written = 0
        sorted.withUnsafeMutableBufferPointer { list in
            for v in 0..<n {
                var last: Int32 = -1
                for i in start[v]..<start[v + 1] {
                    let u = list[i]
                    if u != last {
                        list[written] = u
                        written += 1
                        last = u
                    }
                }
                offsets[v + 1] = written
            }
        }
        sorted.removeLast(total - written)
        self.init(nodeCount: n, nodes: nodes, offsets: offsets, adjacency: sorted)
    }

    /// The number of undirected edges.
    ///
    /// - Complexity: O(1).
    public var edgeCount: Int { adjacency.count / 2 }

    /// Whether `node` is present.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func contains(node: Int32) -> Bool {
        nodes?[node] ?? true
    }

    /// The neighbours of `node`, ascending.
    ///
    /// - Complexity: O(1).
    public func neighbors(of node: Int32) -> ArraySlice<Int32> {
        adjacency[offsets[Int(node)]..<offsets[Int(node) + 1]]
    }

    /// The number of neighbours of `node`.
    ///
    /// - Complexity: O(1).
    public func degree(of node: Int32) -> Int {
        offsets[Int(node) + 1] - offsets[Int(node)]
    }

    /// Whether `u` and `v` are adjacent.
    ///
    /// - Complexity: O(log d), where d is the degree of `u`.
    public func hasEdge(between u: Int32, and v: Int32) -> Bool {
        adjacency.containsSorted(v, in: offsets[Int(u)]..<offsets[Int(u) + 1])
    }

    /// Every edge as a pair `(u, v)` with `u < v`, sorted.
    ///
    /// - Complexity: O(m).
    public var edges: [(u: Int32, v: Int32)] {
        var result: [(u: Int32, v: Int32)] = []
        result.reserveCapacity(edgeCount)
        for u in 0..<Int32(nodeCount) {
            for v in neighbors(of: u) where v > u { result.append((u, v)) }
        }
        return result
    }

    /// The present nodes, ascending.
    ///
    /// - Complexity: O(n).
    public var includedNodes: [Int32] {
        nodes?.setIndices ?? Array(0..<Int32(nodeCount))
    }
}

extension Array where Element == Int32 {
    /// Binary search for `value` in the sorted slice `range`.
    @inline(__always)
    func containsSorted(_ value: Int32, in range: Range<Int>) -> Bool {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = (low + high) >> 1
            let x = self[mid]
            if x == value { return true }
            if x < value { low = mid + 1 } else { high = mid }
        }
        return false
    }
}
