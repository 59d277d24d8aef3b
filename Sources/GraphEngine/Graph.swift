/// A problem with the input given to build a graph.
///
/// - Complexity: O(1) memory.
public enum GraphError: Error, Equatable, Sendable {
    /// The node count was negative or does not fit in `Int32`.
    case invalidNodeCount(Int)
    /// The source, target and relation arrays have different lengths.
    case mismatchedEdgeArrays(sources: Int, targets: Int, relations: Int)
    /// There are more edges than `Int32` can index.
    case tooManyEdges(Int)
    /// Edge `edge` names node `node`, which is outside `0..<nodeCount`.
    case nodeOutOfRange(edge: Int, node: Int32)
    /// Edge `edge` has a negative relation type.
    case negativeRelation(edge: Int, relation: Int32)
}

/// An immutable directed multigraph over dense node indices with typed edges.
///
/// Nodes are `0..<nodeCount` (`Int32`). Edges are numbered `0..<edgeCount` in the order they
/// were given; each has a source, a target and a relation type (a non-negative `Int32` the
/// caller assigns). Self-loops and parallel edges are allowed. Adjacency is stored in
/// compressed sparse row (CSR) form in both directions: the outgoing edges of a node are
/// sorted by (target, edge index) and the incoming edges by (source, edge index).
///
/// Filtering never copies the graph: ask for a ``GraphView`` with a node mask, an edge mask
/// and a set of allowed relation types, and run the algorithms on the view.
///
/// - Complexity: O(n + m) memory and construction time (two stable counting sorts).
public struct Graph: Sendable {
    /// The number of nodes; node indices are `0..<nodeCount`.
    ///
    /// - Complexity: O(1).
    public let nodeCount: Int
    /// The source node of each edge, by edge index.
    ///
    /// - Complexity: O(1).
    public let edgeSources: [Int32]
    /// The target node of each edge, by edge index.
    ///
    /// - Complexity: O(1).
    public let edgeTargets: [Int32]
    /// The relation type of each edge, by edge index.
    ///
    /// - Complexity: O(1).
    public let edgeRelations: [Int32]

    /// `outOffsets[u]..<outOffsets[u + 1]` indexes `outEdgeList` for node `u`.
    let outOffsets: [Int]
    /// Edge indices grouped by source, sorted by (target, edge index) within a group.
    let outEdgeList: [Int32]
    /// `inOffsets[v]..<inOffsets[v + 1]` indexes `inEdgeList` for node `v`.
    let inOffsets: [Int]
    /// Edge indices grouped by target, sorted by (source, edge index) within a group.
    let inEdgeList: [Int32]

    /// The number of edges.
    ///
    /// - Complexity: O(1).
    public var edgeCount: Int { edgeSources.count }

    /// Builds a graph from `(source, target, relation)` triples.
    ///
    /// - Throws: ``GraphError`` when a node index is out of range, a relation is negative,
    ///   or the counts do not fit in `Int32`.
    /// - Complexity: O(n + m).
    public init(
        nodeCount: Int, edges: [(source: Int32, target: Int32, relation: Int32)]
    ) throws(GraphError) {
        try self.init(
            nodeCount: nodeCount,
            sources: edges.map(\.source),
            targets: edges.map(\.target),
            relations: edges.map(\.relation))
    }

    /// Builds a graph from parallel arrays of edge sources, targets and relation types.
    ///
    /// - Throws: ``GraphError`` when the arrays differ in length, a node index is out of
    ///   range, a relation is negative, or the counts do not fit in `Int32`.
    /// - Complexity: O(n + m).
    public init(
        nodeCount: Int, sources: [Int32], targets: [Int32], relations: [Int32]
    ) throws(GraphError) {
        guard nodeCount >= 0, nodeCount <= Int(Int32.max) else {
            throw .invalidNodeCount(nodeCount)
        }
        guard sources.count == targets.count, sources.count == relations.count else {
            throw .mismatchedEdgeArrays(
                sources: sources.count, targets: targets.count, relations: relations.count)
        }
        guard sources.count <= Int(Int32.max) else { throw .tooManyEdges(sources.count) }
        let bound = Int32(nodeCount)
        for e in sources.indices {
            if sources[e] < 0 || sources[e] >= bound {
                throw .nodeOutOfRange(edge: e, node: sources[e])
            }
            if targets[e] < 0 || targets[e] >= bound {
                throw .nodeOutOfRange(edge: e, node: targets[e])
            }
            if relations[e] < 0 { throw .negativeRelation(edge: e, relation: relations[e]) }
        }
        self.nodeCount = nodeCount
        edgeSources = sources
        edgeTargets = targets
        edgeRelations = relations
        (outOffsets, outEdgeList) = Graph.csr(
            nodeCount: nodeCount, groupBy: sources, thenBy: targets)
        (inOffsets, inEdgeList) = Graph.csr(
            nodeCount: nodeCount, groupBy: targets, thenBy: sources)
    }

    /// Groups edge indices by `primary`, sorted by `secondary` then edge index in a group.
    private static func csr(
        nodeCount: Int, groupBy primary: [Int32], thenBy secondary: [Int32]
    ) -> (offsets: [Int], edges: [Int32]) {
        let m = primary.count
        // Stable counting sort by the secondary key, then by the primary key.
        let bySecondary = countingSort(
            (0..<m).map { Int32($0) }, key: secondary, nodeCount: nodeCount
        ).sorted
        let (offsets, sorted) = countingSort(bySecondary, key: primary, nodeCount: nodeCount)
        return (offsets, sorted)
    }

    private static func countingSort(
        _ items: [Int32], key: [Int32], nodeCount: Int
    ) -> (offsets: [Int], sorted: [Int32]) {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for item in items { offsets[Int(key[Int(item)]) + 1] += 1 }
        for i in 0..<nodeCount { offsets[i + 1] += offsets[i] }
        var cursor = offsets
        var sorted = [Int32](repeating: 0, count: items.count)
        for item in items {
            let k = Int(key[Int(item)])
            sorted[cursor[k]] = item
            cursor[k] += 1
        }
        return (offsets, sorted)
    }

    /// The indices of the edges leaving `node`, sorted by (target, edge index).
    ///
    /// - Complexity: O(1).
    public func outgoingEdges(of node: Int32) -> ArraySlice<Int32> {
        outEdgeList[outOffsets[Int(node)]..<outOffsets[Int(node) + 1]]
    }

    /// The indices of the edges entering `node`, sorted by (source, edge index).
    ///
    /// - Complexity: O(1).
    public func incomingEdges(of node: Int32) -> ArraySlice<Int32> {
        inEdgeList[inOffsets[Int(node)]..<inOffsets[Int(node) + 1]]
    }

    /// The number of edges leaving `node`, counting parallel edges and self-loops.
    ///
    /// - Complexity: O(1).
    public func outDegree(of node: Int32) -> Int {
        outOffsets[Int(node) + 1] - outOffsets[Int(node)]
    }

    /// The number of edges entering `node`, counting parallel edges and self-loops.
    ///
    /// - Complexity: O(1).
    public func inDegree(of node: Int32) -> Int {
        inOffsets[Int(node) + 1] - inOffsets[Int(node)]
    }

    /// The indices of the edges from `source` to `target`, ascending.
    ///
    /// - Complexity: O(log d + k), where d is the out-degree of `source` and k the result size.
    public func edges(from source: Int32, to target: Int32) -> ArraySlice<Int32> {
        let start = outOffsets[Int(source)]
        let end = outOffsets[Int(source) + 1]
        var low = start
        var high = end
        while low < high {
            let mid = (low + high) >> 1
            if edgeTargets[Int(outEdgeList[mid])] < target { low = mid + 1 } else { high = mid }
        }
        var upper = low
        while upper < end, edgeTargets[Int(outEdgeList[upper])] == target { upper += 1 }
        return outEdgeList[low..<upper]
    }

    /// A view of the whole graph: every node, every edge, every relation type.
    ///
    /// - Complexity: O(1).
    public var fullView: GraphView { GraphView(graph: self) }

    /// A filtered view of the graph; `nil` for a mask means "no filter".
    ///
    /// - Parameters:
    ///   - nodes: the nodes included (`nodeCount` bits), e.g. by kind, validity or what-if.
    ///   - edges: the edges included (`edgeCount` bits), e.g. by validity date.
    ///   - relations: the relation types allowed (indexed by relation id).
    /// - Complexity: O(1); nothing is copied.
    public func view(
        nodes: BitMask? = nil, edges: BitMask? = nil, relations: BitMask? = nil
    ) -> GraphView {
        GraphView(graph: self, nodes: nodes, edges: edges, relations: relations)
    }
}
