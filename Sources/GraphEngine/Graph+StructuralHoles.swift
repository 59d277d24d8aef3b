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
    /// The inner sums are gathered per triangle (see ``triangleTotals(weighted:)``), so a hub
    /// with thousands of neighbours costs no more than its triangles.
    ///
    /// Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition.* Harvard
    /// University Press.
    /// - Complexity: O(m · a) time, where a is the graph's arboricity (at most √m), O(m)
    ///   memory.
    public func constraint() -> [Double] {
        constraint(shared: triangleTotals(weighted: true).shared)
    }

    /// Burt's effective size of each node, as NetworkX's `effective_size` on an unweighted
    /// undirected graph: Borgatti's simplification n − 2t / n, where n is the node's degree
    /// and t the number of ties among its neighbours (the triangles through the node).
    ///
    /// It counts the non-redundant contacts of the node. Isolated nodes, where the measure
    /// is undefined, get `Double.nan` (NetworkX's `nan`); so do absent nodes.
    ///
    /// Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition.* Harvard
    /// University Press. Borgatti, S. P. (1997). "Structural holes: unpacking Burt's
    /// redundancy measures." *Connections* 20(1): 35–38.
    /// - Complexity: as ``constraint()``.
    public func effectiveSize() -> [Double] {
        effectiveSize(triangles: triangleTotals(weighted: false).triangles)
    }

    /// ``constraint()`` and ``effectiveSize()`` together, from one pass over the triangles.
    ///
    /// - Complexity: as ``constraint()``.
    public func structuralHoles() -> (constraint: [Double], effectiveSize: [Double]) {
        let (triangles, shared) = triangleTotals(weighted: true)
        return (constraint(shared: shared), effectiveSize(triangles: triangles))
    }

    /// Constraint from the per-position sums of ``triangleTotals(weighted:)``.
    private func constraint(shared: [Double]) -> [Double] {
        var result = [Double](repeating: .nan, count: nodeCount)
        for u in 0..<nodeCount where contains(node: Int32(u)) && offsets[u + 1] > offsets[u] {
            let pu = 1 / Double(offsets[u + 1] - offsets[u])
            var total = 0.0
            for position in offsets[u]..<offsets[u + 1] {
                let local = pu * (1 + shared[position])
                total += local * local
            }
            result[u] = total
        }
        return result
    }

    /// Effective size from the per-node triangle counts of ``triangleTotals(weighted:)``.
    private func effectiveSize(triangles: [Int]) -> [Double] {
        var result = [Double](repeating: .nan, count: nodeCount)
        for u in 0..<nodeCount where contains(node: Int32(u)) && offsets[u + 1] > offsets[u] {
            let size = Double(offsets[u + 1] - offsets[u])
            result[u] = size - 2 * Double(triangles[u]) / size
        }
        return result
    }

    /// Every triangle, visited once: the number through each node and, with `weighted`,
    /// for each adjacency position (u's entry for its neighbour v) the sum of 1 / deg(w) over
    /// the common neighbours w of u and v.
    ///
    /// Edges are oriented from the lower to the higher (degree, index), and each triangle is
    /// found from its lowest node u and middle node v as a common entry of their oriented
    /// lists; a node keeps only its higher-ranked neighbours, so a hub's long list is never
    /// scanned from each of its neighbours (Chiba and Nishizeki's bound).
    ///
    /// Chiba, N. and Nishizeki, T. (1985). "Arboricity and subgraph listing algorithms."
    /// *SIAM Journal on Computing* 14(1): 210–223.
    func triangleTotals(weighted: Bool) -> (triangles: [Int], shared: [Double]) {
        let n = nodeCount
        var triangles = [Int](repeating: 0, count: n)
        var shared = [Double](repeating: 0, count: weighted ? adjacency.count : 0)
        guard n > 0 else { return (triangles, shared) }
        func degree(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }
        func ranksBelow(_ a: Int, _ b: Int) -> Bool {
            let da = degree(a)
            let db = degree(b)
            return da != db ? da < db : a < b
        }
        // The position of u in v's list, for each position of v in u's list: u ascending
        // meets each of v's neighbours in v's (ascending) order.
        // Positions are kept as Int32 (half the memory): 2^31 adjacency entries would take
        // 8 GB for the adjacency alone, far beyond the graphs this is used on.
        var reverse = [Int32](repeating: 0, count: adjacency.count)
        var cursor = Array(offsets.dropLast())
        for u in 0..<n {
            for position in offsets[u]..<offsets[u + 1] {
                let v = Int(adjacency[position])
                reverse[position] = Int32(cursor[v])
                cursor[v] += 1
            }
        }
        // Oriented lists: the higher-ranked neighbours, by index, with their positions.
        var outOffsets = [Int](repeating: 0, count: n + 1)
        var outNodes: [Int32] = []
        var outPositions: [Int32] = []
        outNodes.reserveCapacity(adjacency.count / 2)
        outPositions.reserveCapacity(adjacency.count / 2)
        for u in 0..<n {
            for position in offsets[u]..<offsets[u + 1] {
                let v = Int(adjacency[position])
                if ranksBelow(u, v) {
                    outNodes.append(Int32(v))
                    outPositions.append(Int32(position))
                }
            }
            outOffsets[u + 1] = outNodes.count
        }
        let inverseDegree = (0..<n).map { degree($0) > 0 ? 1 / Double(degree($0)) : 0 }
        for u in 0..<n {
            for k in outOffsets[u]..<outOffsets[u + 1] {
                let v = Int(outNodes[k])
                let uv = Int(outPositions[k])
                // Merge u's and v's oriented lists (both ascending by index).
                var i = outOffsets[u]
                var j = outOffsets[v]
                let iEnd = outOffsets[u + 1]
                let jEnd = outOffsets[v + 1]
                while i < iEnd && j < jEnd {
                    let a = outNodes[i]
                    let b = outNodes[j]
                    if a < b {
                        i += 1
                    } else if b < a {
                        j += 1
                    } else {
                        let w = Int(a)
                        triangles[u] += 1
                        triangles[v] += 1
                        triangles[w] += 1
                        if weighted {
                            let uw = Int(outPositions[i])
                            let vw = Int(outPositions[j])
                            shared[uv] += inverseDegree[w]
                            shared[Int(reverse[uv])] += inverseDegree[w]
                            shared[uw] += inverseDegree[v]
                            shared[Int(reverse[uw])] += inverseDegree[v]
                            shared[vw] += inverseDegree[u]
                            shared[Int(reverse[vw])] += inverseDegree[u]
                        }
                        i += 1
                        j += 1
                    }
                }
            }
        }
        return (triangles, shared)
    }
}
