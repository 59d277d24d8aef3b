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
        let graph = try Graph(
            nodeCount: nodeCount, sources: edges.map(\.0), targets: edges.map(\.1),
            relations: [Int32](repeating: 0, count: edges.count))
        self = GraphView(graph: graph, nodes: nodes).undirectedGraph()
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
