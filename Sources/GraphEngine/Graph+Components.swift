/// A partition of the present nodes into connected components.
///
/// - Complexity: O(n) memory.
public struct Components: Sendable, Hashable {
    /// The component of each node index, or `-1` for a node absent from the graph or view.
    /// Components are numbered `0..<count` in order of their smallest node index.
    ///
    /// - Complexity: O(1).
    public let labels: [Int32]
    /// The number of nodes in each component.
    ///
    /// - Complexity: O(1).
    public let sizes: [Int]

    /// The number of components.
    ///
    /// - Complexity: O(1).
    public var count: Int { sizes.count }

    /// The nodes of `component`, ascending.
    ///
    /// - Complexity: O(n).
    public func members(of component: Int) -> [Int32] {
        labels.indices.compactMap { labels[$0] == Int32(component) ? Int32($0) : nil }
    }
}

/// A cut point of an undirected graph and how much its removal breaks.
///
/// - Complexity: O(1) memory.
public struct ArticulationPoint: Sendable, Hashable {
    /// The node.
    ///
    /// - Complexity: O(1).
    public let node: Int32
    /// The number of pieces its former component falls into when it is removed (≥ 2).
    ///
    /// - Complexity: O(1).
    public let pieceCount: Int
    /// How many nodes its removal cuts off from the rest: the size of its component, minus
    /// one (the node itself), minus the size of the largest piece left after its removal.
    /// It counts the nodes no longer in the main remaining piece.
    ///
    /// - Complexity: O(1).
    public let separatedNodeCount: Int

    /// Creates an articulation point record.
    ///
    /// - Complexity: O(1).
    public init(node: Int32, pieceCount: Int, separatedNodeCount: Int) {
        self.node = node
        self.pieceCount = pieceCount
        self.separatedNodeCount = separatedNodeCount
    }
}

/// The cut points and bridges of an undirected graph.
///
/// - Complexity: O(n) memory.
public struct CutStructure: Sendable {
    /// The articulation points, ordered by node index.
    ///
    /// - Complexity: O(1).
    public let articulationPoints: [ArticulationPoint]
    /// The bridges as pairs `(u, v)` with `u < v`, sorted.
    ///
    /// - Complexity: O(1).
    public let bridges: [(u: Int32, v: Int32)]
}

extension GraphView {
    /// The weakly connected components of the view (edge directions ignored).
    ///
    /// - Complexity: O(n + m).
    public func weaklyConnectedComponents() -> Components {
        var labels = [Int32](repeating: -1, count: graph.nodeCount)
        var sizes: [Int] = []
        var queue: [Int32] = []
        for start in 0..<Int32(graph.nodeCount)
        where contains(node: start) && labels[Int(start)] < 0 {
            let label = Int32(sizes.count)
            labels[Int(start)] = label
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                forEachStep(from: u, direction: .both) { v, _, _ in
                    if labels[Int(v)] < 0 {
                        labels[Int(v)] = label
                        queue.append(v)
                    }
                }
            }
            sizes.append(queue.count)
        }
        return Components(labels: labels, sizes: sizes)
    }
}

extension UndirectedGraph {
    /// The connected components of the graph.
    ///
    /// - Complexity: O(n + m).
    public func connectedComponents() -> Components {
        var labels = [Int32](repeating: -1, count: nodeCount)
        var sizes: [Int] = []
        var queue: [Int32] = []
        for start in 0..<Int32(nodeCount) where contains(node: start) && labels[Int(start)] < 0 {
            let label = Int32(sizes.count)
            labels[Int(start)] = label
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for v in neighbors(of: u) where labels[Int(v)] < 0 {
                    labels[Int(v)] = label
                    queue.append(v)
                }
            }
            sizes.append(queue.count)
        }
        return Components(labels: labels, sizes: sizes)
    }

    /// The articulation points (cut vertices), each with the number of nodes its removal
    /// separates, ordered by node index.
    ///
    /// A node is an articulation point when removing it increases the number of connected
    /// components. See ``ArticulationPoint/separatedNodeCount`` for the separation count.
    /// Same set as NetworkX's `articulation_points`.
    ///
    /// Hopcroft, J. and Tarjan, R. (1973). "Algorithm 447: Efficient algorithms for graph
    /// manipulation." *Communications of the ACM* 16(6): 372–378. Iterative depth-first
    /// search, so deep graphs cannot overflow the call stack.
    /// - Complexity: O(n + m).
    public func articulationPoints() -> [ArticulationPoint] {
        cutStructure().articulationPoints
    }

    /// The bridges (cut edges) as pairs `(u, v)` with `u < v`, sorted.
    ///
    /// An edge is a bridge when removing it increases the number of connected components.
    /// Same set as NetworkX's `bridges` on the simple graph.
    ///
    /// Hopcroft, J. and Tarjan, R. (1973). "Algorithm 447: Efficient algorithms for graph
    /// manipulation." *Communications of the ACM* 16(6): 372–378. Iterative.
    /// - Complexity: O(n + m).
    public func bridges() -> [(u: Int32, v: Int32)] {
        cutStructure().bridges
    }

    /// Articulation points and bridges from one depth-first search.
    ///
    /// Hopcroft, J. and Tarjan, R. (1973). "Algorithm 447: Efficient algorithms for graph
    /// manipulation." *Communications of the ACM* 16(6): 372–378. Iterative: an explicit
    /// stack replaces recursion.
    /// - Complexity: O(n + m).
    public func cutStructure() -> CutStructure {
        let n = nodeCount
        var discovery = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var cursor = [Int](repeating: 0, count: n)
        var subtreeSize = [Int](repeating: 1, count: n)
        // Children whose subtree is cut off when the node is removed: count, total, largest.
        var cutChildren = [Int32](repeating: 0, count: n)
        var cutTotal = [Int](repeating: 0, count: n)
        var cutLargest = [Int](repeating: 0, count: n)
        var time: Int32 = 0
        var points: [ArticulationPoint] = []
        var bridgeList: [(u: Int32, v: Int32)] = []
        var stack: [Int32] = []
        var order: [Int32] = []

        for root in 0..<Int32(n) where contains(node: root) && discovery[Int(root)] < 0 {
            order.removeAll(keepingCapacity: true)
            discovery[Int(root)] = time
            low[Int(root)] = time
            time += 1
            cursor[Int(root)] = offsets[Int(root)]
            stack.append(root)
            order.append(root)
            while let v = stack.last {
                let vi = Int(v)
                if cursor[vi] < offsets[vi + 1] {
                    let w = adjacency[cursor[vi]]
                    cursor[vi] += 1
                    let wi = Int(w)
                    if w == parent[vi] { continue }
                    if discovery[wi] < 0 {
                        parent[wi] = v
                        discovery[wi] = time
                        low[wi] = time
                        time += 1
                        cursor[wi] = offsets[wi]
                        stack.append(w)
                        order.append(w)
                    } else if discovery[wi] < low[vi] {
                        low[vi] = discovery[wi]
                    }
                } else {
                    stack.removeLast()
                    let p = parent[vi]
                    guard p >= 0 else { continue }
                    let pi = Int(p)
                    if low[vi] < low[pi] { low[pi] = low[vi] }
                    subtreeSize[pi] += subtreeSize[vi]
                    if low[vi] >= discovery[pi] {
                        cutChildren[pi] += 1
                        cutTotal[pi] += subtreeSize[vi]
                        cutLargest[pi] = max(cutLargest[pi], subtreeSize[vi])
                    }
                    if low[vi] > discovery[pi] { bridgeList.append((min(p, v), max(p, v))) }
                }
            }
            let componentSize = subtreeSize[Int(root)]
            for v in order {
                let vi = Int(v)
                let isRoot = v == root
                guard cutChildren[vi] >= (isRoot ? 2 : 1) else { continue }
                // A non-root keeps one more piece: its parent's side with the other children.
                let rest = isRoot ? 0 : componentSize - 1 - cutTotal[vi]
                let largest = max(cutLargest[vi], rest)
                points.append(
                    ArticulationPoint(
                        node: v, pieceCount: Int(cutChildren[vi]) + (isRoot ? 0 : 1),
                        separatedNodeCount: componentSize - 1 - largest))
            }
        }
        points.sort { $0.node < $1.node }
        bridgeList.sort { $0.u != $1.u ? $0.u < $1.u : $0.v < $1.v }
        return CutStructure(articulationPoints: points, bridges: bridgeList)
    }
}
