extension UndirectedGraph {
    /// Burt's constraint of each node, as NetworkX's `constraint` on an unweighted
    /// undirected graph.
    ///
    /// With p(u, v) = 1 / deg(u) for each neighbour v of u (the normalised mutual weight),
    /// c(u) = Σ over neighbours v of (p(u, v) + Σ over neighbours w of both u and v of
    /// p(u, w) p(w, v))². High constraint means the neighbours are tied to each other: no
    /// structural holes to exploit. Isolated nodes, where the measure is undefined, get
    /// `Double.nan` (NetworkX's `nan`); so do absent nodes.
    ///
    /// Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition.* Harvard
    /// University Press.
    /// - Complexity: O(Σ over edges (u, v) of min(deg u, deg v) · log max(deg u, deg v))
    ///   time (a hub's neighbours are never scanned from each of its leaves), O(n) memory.
    public func constraint() -> [Double] {
        var result = [Double](repeating: .nan, count: nodeCount)
        var isNeighbor = [Int32](repeating: -1, count: nodeCount)
        for u in 0..<Int32(nodeCount) where contains(node: u) && degree(of: u) > 0 {
            let neighborsOfU = neighbors(of: u)
            for v in neighborsOfU { isNeighbor[Int(v)] = u }
            let pu = 1 / Double(neighborsOfU.count)
            var total = 0.0
            for v in neighborsOfU {
                var indirect = 0.0
                forEachCommonNeighbor(of: u, and: v, markedBy: isNeighbor) { w in
                    indirect += pu / Double(degree(of: w))
                }
                let local = pu + indirect
                total += local * local
            }
            result[Int(u)] = total
        }
        return result
    }

    /// Burt's effective size of each node, as NetworkX's `effective_size` on an unweighted
    /// undirected graph: Borgatti's simplification n − 2t / n, where n is the node's degree
    /// and t the number of ties among its neighbours.
    ///
    /// It counts the non-redundant contacts of the node. Isolated nodes, where the measure
    /// is undefined, get `Double.nan` (NetworkX's `nan`); so do absent nodes.
    ///
    /// Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition.* Harvard
    /// University Press. Borgatti, S. P. (1997). "Structural holes: unpacking Burt's
    /// redundancy measures." *Connections* 20(1): 35–38.
    /// - Complexity: as ``constraint()``.
    public func effectiveSize() -> [Double] {
        var result = [Double](repeating: .nan, count: nodeCount)
        var isNeighbor = [Int32](repeating: -1, count: nodeCount)
        for u in 0..<Int32(nodeCount) where contains(node: u) && degree(of: u) > 0 {
            let neighborsOfU = neighbors(of: u)
            for v in neighborsOfU { isNeighbor[Int(v)] = u }
            var endpoints = 0  // twice the ties among the neighbours
            for v in neighborsOfU {
                forEachCommonNeighbor(of: u, and: v, markedBy: isNeighbor) { _ in endpoints += 1 }
            }
            let size = Double(neighborsOfU.count)
            result[Int(u)] = size - Double(endpoints) / size
        }
        return result
    }

    /// Calls `body` for each common neighbour w of u and v, in ascending order of w, where
    /// `mark[w] == u` exactly for the neighbours of u. It scans the smaller adjacency list:
    /// v's with the marks when v has no more neighbours than u, else u's with a binary
    /// search in v's sorted list.
    @inline(__always)
    func forEachCommonNeighbor(
        of u: Int32, and v: Int32, markedBy mark: [Int32], _ body: (Int32) -> Void
    ) {
        if degree(of: v) <= degree(of: u) {
            for w in neighbors(of: v) where mark[Int(w)] == u { body(w) }
        } else {
            for w in neighbors(of: u) where hasEdge(between: v, and: w) { body(w) }
        }
    }
}
