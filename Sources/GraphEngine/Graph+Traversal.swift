extension GraphView {
    /// Breadth-first hop distances from `source` along the edges of the view.
    ///
    /// Returns one entry per node index: the number of edges on a shortest walk from
    /// `source`, or `-1` when the node is unreachable, outside the view, or beyond
    /// `maxDepth`. If `source` is outside the view every entry is `-1`.
    /// - Parameters:
    ///   - source: the start node.
    ///   - direction: follow edges forwards (`.outgoing`), backwards (`.incoming`) or both.
    ///   - maxDepth: stop expanding at this depth (`nil`: no limit).
    /// - Complexity: O(n + m).
    public func distances(
        from source: Int32, direction: TraversalDirection = .both, maxDepth: Int? = nil
    ) -> [Int32] {
        var dist = [Int32](repeating: -1, count: graph.nodeCount)
        guard contains(node: source) else { return dist }
        let limit = Int32(clamping: maxDepth ?? Int(Int32.max))
        var queue: [Int32] = [source]
        dist[Int(source)] = 0
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            let next = dist[Int(u)] + 1
            if next > limit { continue }
            forEachStep(from: u, direction: direction) { v, _, _ in
                if dist[Int(v)] < 0 {
                    dist[Int(v)] = next
                    queue.append(v)
                }
            }
        }
        return dist
    }

    /// The k-hop neighbourhood of a set of nodes: every node within `depth` edges of any
    /// of them, with its hop distance, ordered by node index.
    ///
    /// The start nodes themselves are included at depth 0 (those outside the view are
    /// ignored). A node mask on the view both hides nodes and stops the walk through them.
    /// - Parameters:
    ///   - centers: the start nodes.
    ///   - depth: the largest hop distance to include.
    ///   - direction: which way edges may be followed.
    /// - Complexity: O(n + m).
    public func neighborhood(
        of centers: [Int32], depth: Int, direction: TraversalDirection = .both
    ) -> [(node: Int32, depth: Int)] {
        var dist = [Int32](repeating: -1, count: graph.nodeCount)
        var queue: [Int32] = []
        for c in centers where contains(node: c) && dist[Int(c)] < 0 {
            dist[Int(c)] = 0
            queue.append(c)
        }
        let limit = Int32(clamping: depth)
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            let next = dist[Int(u)] + 1
            if next > limit { continue }
            forEachStep(from: u, direction: direction) { v, _, _ in
                if dist[Int(v)] < 0 {
                    dist[Int(v)] = next
                    queue.append(v)
                }
            }
        }
        queue.sort()
        return queue.map { (node: $0, depth: Int(dist[Int($0)])) }
    }

    /// The nodes adjacent (in `direction`) to every one of `nodes`, ascending.
    ///
    /// For members of several bodies this lists the bodies they share. The given nodes
    /// themselves are never reported. An empty input gives an empty result.
    /// - Complexity: O(Σ d log d) over the degrees d of the given nodes.
    public func commonNeighbors(
        of nodes: [Int32], direction: TraversalDirection = .both
    ) -> [Int32] {
        guard var common = nodes.first.map({ neighbors(of: $0, direction: direction) }) else {
            return []
        }
        for node in nodes.dropFirst() {
            let other = neighbors(of: node, direction: direction)
            common = common.filter { other.containsSorted($0, in: other.indices) }
        }
        let given = nodes.sorted()
        return common.filter { !given.containsSorted($0, in: given.indices) }
    }
}

extension UndirectedGraph {
    /// Breadth-first hop distances from `source`; `-1` for unreachable or absent nodes.
    ///
    /// - Complexity: O(n + m).
    public func distances(from source: Int32) -> [Int32] {
        var dist = [Int32](repeating: -1, count: nodeCount)
        guard contains(node: source) else { return dist }
        var queue: [Int32] = [source]
        queue.reserveCapacity(nodeCount)
        dist[Int(source)] = 0
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            let next = dist[Int(u)] + 1
            for v in neighbors(of: u) where dist[Int(v)] < 0 {
                dist[Int(v)] = next
                queue.append(v)
            }
        }
        return dist
    }
}
