/// Which way edges may be followed when walking a directed graph.
///
/// - Complexity: O(1) memory.
public enum TraversalDirection: Sendable, Hashable, CaseIterable {
    /// Follow edges from source to target only.
    case outgoing
    /// Follow edges from target to source only.
    case incoming
    /// Follow edges either way (the undirected reading of the graph).
    case both
}

/// A filtered, read-only window on a ``Graph``; nothing is copied.
///
/// A node is in the view when the node mask includes it. An edge is in the view when the
/// edge mask includes it, its relation type is allowed, and both its endpoints are in the
/// view. A `nil` mask filters nothing. The model layer computes the masks (node kinds,
/// validity dates, what-if removals, relation selections); the engine only honours them.
///
/// - Complexity: O(1) to create; membership tests are O(1).
public struct GraphView: Sendable {
    /// The underlying graph.
    ///
    /// - Complexity: O(1).
    public let graph: Graph
    /// The nodes included, or `nil` for all of them.
    ///
    /// - Complexity: O(1).
    public let nodes: BitMask?
    /// The edges included, or `nil` for all of them.
    ///
    /// - Complexity: O(1).
    public let edges: BitMask?
    /// The relation types allowed, indexed by relation id, or `nil` for all of them.
    ///
    /// - Complexity: O(1).
    public let relations: BitMask?

    /// Creates a view; mask sizes must match the graph (`nodeCount`, `edgeCount` bits).
    ///
    /// - Complexity: O(1).
    public init(
        graph: Graph, nodes: BitMask? = nil, edges: BitMask? = nil, relations: BitMask? = nil
    ) {
        precondition(nodes == nil || nodes!.count == graph.nodeCount, "node mask size mismatch")
        precondition(edges == nil || edges!.count == graph.edgeCount, "edge mask size mismatch")
        self.graph = graph
        self.nodes = nodes
        self.edges = edges
        self.relations = relations
    }

    /// The size of the node index space (`graph.nodeCount`), including excluded nodes.
    ///
    /// - Complexity: O(1).
    public var nodeCount: Int { graph.nodeCount }

    /// The number of nodes the view includes.
    ///
    /// - Complexity: O(n / 64).
    public var includedNodeCount: Int { nodes?.setCount ?? graph.nodeCount }

    /// Whether the view includes `node`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func contains(node: Int32) -> Bool {
        nodes?[node] ?? true
    }

    /// Whether the view includes `edge`: the edge itself, its relation, and both endpoints.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func contains(edge: Int32) -> Bool {
        let e = Int(edge)
        if let edges, !edges[e] { return false }
        if let relations, !relations[Int(graph.edgeRelations[e])] { return false }
        if let nodes, !nodes[graph.edgeSources[e]] || !nodes[graph.edgeTargets[e]] {
            return false
        }
        return true
    }

    /// The edge indices of the view, ascending.
    ///
    /// - Complexity: O(m).
    public var includedEdges: [Int32] {
        (0..<Int32(graph.edgeCount)).filter { contains(edge: $0) }
    }

    /// Calls `body(neighbor, edge, isForward)` for each edge of the view at `node` that can
    /// be followed in `direction`: outgoing edges (by target) first, then incoming ones.
    @inline(__always)
    func forEachStep(
        from node: Int32, direction: TraversalDirection,
        _ body: (_ neighbor: Int32, _ edge: Int32, _ isForward: Bool) -> Void
    ) {
        if direction != .incoming {
            for e in graph.outgoingEdges(of: node) where contains(edge: e) {
                body(graph.edgeTargets[Int(e)], e, true)
            }
        }
        if direction != .outgoing {
            for e in graph.incomingEdges(of: node) where contains(edge: e) {
                body(graph.edgeSources[Int(e)], e, false)
            }
        }
    }

    /// The distinct neighbours of `node` reachable by one edge of the view in `direction`,
    /// ascending; `node` itself appears only if it has a self-loop in the view.
    ///
    /// - Complexity: O(d log d) for a node with d incident edges.
    public func neighbors(of node: Int32, direction: TraversalDirection = .both) -> [Int32] {
        guard contains(node: node) else { return [] }
        var result: [Int32] = []
        forEachStep(from: node, direction: direction) { neighbor, _, _ in result.append(neighbor) }
        result.sort()
        return result.uniqued()
    }

    /// Every way to step from `from` to `to` along one edge of the view in `direction`:
    /// edges from `from` to `to` (forward, ascending edge index), then edges from `to` to
    /// `from` (backward, ascending edge index).
    ///
    /// A self-loop at `from` when `from == to` is listed once, as a forward step.
    /// - Complexity: O(log d + k).
    public func steps(
        from: Int32, to: Int32, direction: TraversalDirection = .both
    ) -> [PathStep] {
        guard contains(node: from), contains(node: to) else { return [] }
        var result: [PathStep] = []
        if direction != .incoming {
            for e in graph.edges(from: from, to: to) where contains(edge: e) {
                result.append(PathStep(edge: e, from: from, to: to, isForward: true))
            }
        }
        if direction != .outgoing, from != to {
            for e in graph.edges(from: to, to: from) where contains(edge: e) {
                result.append(PathStep(edge: e, from: from, to: to, isForward: false))
            }
        }
        return result
    }

    /// The simple undirected graph of this view, as NetworkX's `nx.Graph(G.to_undirected())`
    /// reads a multigraph, except that self-loops are dropped.
    ///
    /// Parallel edges and the two directions between a pair collapse into one undirected
    /// edge; excluded nodes stay in the index space but are marked absent. Centralities,
    /// cut points and structural holes are computed on the result.
    /// - Complexity: O(n + m).
    public func undirectedGraph() -> UndirectedGraph {
        let n = graph.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var adjacency: [Int32] = []
        adjacency.reserveCapacity(2 * graph.edgeCount)
        for u in 0..<Int32(n) {
            if contains(node: u) {
                let outs = graph.outgoingEdges(of: u)
                let ins = graph.incomingEdges(of: u)
                var i = outs.startIndex
                var j = ins.startIndex
                var last: Int32 = -1
                // Both lists are sorted by the neighbour index: merge them, skipping repeats,
                // self-loops and edges outside the view.
                while i < outs.endIndex || j < ins.endIndex {
                    var next: Int32
                    if j == ins.endIndex
                        || (i < outs.endIndex
                            && graph.edgeTargets[Int(outs[i])] <= graph.edgeSources[Int(ins[j])])
                    {
                        let e = outs[i]
                        i += 1
                        guard contains(edge: e) else { continue }
                        next = graph.edgeTargets[Int(e)]
                    } else {
                        let e = ins[j]
                        j += 1
                        guard contains(edge: e) else { continue }
                        next = graph.edgeSources[Int(e)]
                    }
                    if next != u, next != last {
                        adjacency.append(next)
                        last = next
                    }
                }
            }
            offsets[Int(u) + 1] = adjacency.count
        }
        return UndirectedGraph(
            nodeCount: n, nodes: nodes, offsets: offsets, adjacency: adjacency)
    }

    /// The simple directed graph of this view: sorted, distinct out- and in-neighbour lists
    /// with parallel edges collapsed and self-loops dropped.
    func simpleDirectedAdjacency() -> (
        outOffsets: [Int], outs: [Int32], inOffsets: [Int], ins: [Int32]
    ) {
        let n = graph.nodeCount
        var outOffsets = [Int](repeating: 0, count: n + 1)
        var inOffsets = [Int](repeating: 0, count: n + 1)
        var outs: [Int32] = []
        var ins: [Int32] = []
        for u in 0..<Int32(n) {
            if contains(node: u) {
                var last: Int32 = -1
                for e in graph.outgoingEdges(of: u) where contains(edge: e) {
                    let v = graph.edgeTargets[Int(e)]
                    if v != u, v != last {
                        outs.append(v)
                        last = v
                    }
                }
                last = -1
                for e in graph.incomingEdges(of: u) where contains(edge: e) {
                    let v = graph.edgeSources[Int(e)]
                    if v != u, v != last {
                        ins.append(v)
                        last = v
                    }
                }
            }
            outOffsets[Int(u) + 1] = outs.count
            inOffsets[Int(u) + 1] = ins.count
        }
        return (outOffsets, outs, inOffsets, ins)
    }
}

extension Array where Element: Equatable {
    /// Drops consecutive repeats (the array is expected to be sorted).
    func uniqued() -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(count)
        for element in self where result.last != element { result.append(element) }
        return result
    }
}
