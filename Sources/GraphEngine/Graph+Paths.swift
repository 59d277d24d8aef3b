/// One step of a path: the edge used and which way it was walked.
///
/// - Complexity: O(1) memory.
public struct PathStep: Sendable, Hashable {
    /// The edge index (gives the relation type and the stored direction).
    ///
    /// - Complexity: O(1).
    public let edge: Int32
    /// The node the step leaves.
    ///
    /// - Complexity: O(1).
    public let from: Int32
    /// The node the step reaches.
    ///
    /// - Complexity: O(1).
    public let to: Int32
    /// `true` when the edge was walked from its source to its target, `false` when it was
    /// walked backwards (possible only with `.incoming` or `.both` traversal).
    ///
    /// - Complexity: O(1).
    public let isForward: Bool

    /// Creates a step.
    ///
    /// - Complexity: O(1).
    public init(edge: Int32, from: Int32, to: Int32, isForward: Bool) {
        self.edge = edge
        self.from = from
        self.to = to
        self.isForward = isForward
    }
}

/// A simple path: its nodes in order and the edge used for each step.
///
/// - Complexity: O(length) memory.
public struct Path: Sendable, Hashable {
    /// The nodes from source to target; a path of length 0 has one node.
    ///
    /// - Complexity: O(1).
    public let nodes: [Int32]
    /// The steps; `steps[i]` goes from `nodes[i]` to `nodes[i + 1]`.
    ///
    /// - Complexity: O(1).
    public let steps: [PathStep]

    /// The first node.
    ///
    /// - Complexity: O(1).
    public var source: Int32 { nodes[0] }
    /// The last node.
    ///
    /// - Complexity: O(1).
    public var target: Int32 { nodes[nodes.count - 1] }
    /// The number of edges.
    ///
    /// - Complexity: O(1).
    public var length: Int { steps.count }
}

/// Restrictions on the paths a path query may return.
///
/// Relation types, excluded nodes and excluded edges come from the ``GraphView`` the query
/// runs on; these constraints add what is specific to paths. The intermediate mask and the
/// avoided nodes apply to the nodes strictly inside a path, never to its two endpoints.
///
/// - Complexity: O(n / 64) memory for the intermediate mask plus the avoided nodes.
public struct PathConstraints: Sendable, Hashable {
    /// Which way edges may be walked.
    ///
    /// - Complexity: O(1).
    public var direction: TraversalDirection
    /// The nodes allowed strictly inside a path (e.g. by kind), or `nil` for any node.
    ///
    /// - Complexity: O(1).
    public var intermediates: BitMask?
    /// Nodes a path must not pass through.
    ///
    /// - Complexity: O(1).
    public var avoiding: [Int32]
    /// The longest path, in edges, to return (`nil`: no limit).
    ///
    /// - Complexity: O(1).
    public var maxLength: Int?

    /// Creates path constraints; the defaults allow every path.
    ///
    /// - Complexity: O(1).
    public init(
        direction: TraversalDirection = .both, intermediates: BitMask? = nil,
        avoiding: [Int32] = [], maxLength: Int? = nil
    ) {
        self.direction = direction
        self.intermediates = intermediates
        self.avoiding = avoiding
        self.maxLength = maxLength
    }
}

extension GraphView {
    /// A shortest path from `source` to `target` under `constraints`, or `nil` if none.
    ///
    /// Among several shortest paths it returns the one whose node sequence is
    /// lexicographically smallest. Each step uses the first edge listed by
    /// ``steps(from:to:direction:)`` (forward edges before backward ones, by edge index).
    /// - Complexity: O(n + m) (one breadth-first search from `target`).
    public func shortestPath(
        from source: Int32, to target: Int32, constraints: PathConstraints = PathConstraints()
    ) -> Path? {
        guard contains(node: source), contains(node: target) else { return nil }
        var search = PathSearch(view: self, constraints: constraints)
        return search.lexicographicShortest(from: source, to: target, depthLimit: search.maxLength)
            .map { makePath($0, direction: constraints.direction) }
    }

    /// All shortest paths from `source` to `target` under `constraints`, in lexicographic
    /// order of their node sequences, at most `limit` of them.
    ///
    /// Paths are distinct as node sequences; parallel edges between two consecutive nodes
    /// do not multiply them (see ``steps(from:to:direction:)`` for the alternatives). Ask
    /// for `limit + 1` paths to learn whether the list was cut. The paths are the same as
    /// NetworkX's `all_shortest_paths` on the corresponding simple graph.
    /// - Complexity: O(n + m + p · L · d log d) for p paths of length L through nodes of
    ///   degree d: one breadth-first search, then a walk that never backtracks in vain.
    public func allShortestPaths(
        from source: Int32, to target: Int32, limit: Int,
        constraints: PathConstraints = PathConstraints()
    ) -> [Path] {
        guard limit > 0, contains(node: source), contains(node: target) else { return [] }
        var search = PathSearch(view: self, constraints: constraints)
        guard search.labelDistances(to: target, from: source, depthLimit: search.maxLength)
        else { return [] }
        if source == target { return [makePath([source], direction: constraints.direction)] }
        var results: [Path] = []
        var current: [Int32] = [source]
        var pending: [[Int32]] = [search.nextNodes(after: source, start: source, target: target)]
        while !pending.isEmpty {
            guard let v = pending[pending.count - 1].popLast() else {
                pending.removeLast()
                current.removeLast()
                continue
            }
            current.append(v)
            if v == target {
                results.append(makePath(current, direction: constraints.direction))
                if results.count >= limit { break }
                current.removeLast()
            } else {
                pending.append(search.nextNodes(after: v, start: source, target: target))
            }
        }
        return results
    }

    /// The `k` shortest simple paths from `source` to `target` under `constraints`,
    /// shortest first (Yen 1971).
    ///
    /// Paths are distinct as node sequences. Ties in length are broken by taking, at each
    /// step of the algorithm, the lexicographically smallest candidate; each spur path is
    /// the lexicographically smallest shortest path available. The lengths returned are
    /// those of NetworkX's `shortest_simple_paths` on the corresponding simple graph.
    ///
    /// Yen, J. Y. (1971). "Finding the k shortest loopless paths in a network."
    /// *Management Science* 17(11): 712–716.
    /// - Complexity: O(k · L · (n + m)) for paths of length up to L.
    public func kShortestPaths(
        from source: Int32, to target: Int32, count k: Int,
        constraints: PathConstraints = PathConstraints()
    ) -> [Path] {
        guard k > 0, contains(node: source), contains(node: target) else { return [] }
        var search = PathSearch(view: self, constraints: constraints)
        guard
            let first = search.lexicographicShortest(
                from: source, to: target, depthLimit: search.maxLength)
        else { return [] }
        var accepted: [[Int32]] = [first]
        var known: Set<[Int32]> = [first]
        var candidates: [[Int32]] = []
        while accepted.count < k {
            let previous = accepted[accepted.count - 1]
            for i in 0..<(previous.count - 1) {
                let root = previous[0...i]
                var blockedHops: [Int32] = []
                for path in accepted where path.count > i + 1 && path[0...i] == root {
                    blockedHops.append(path[i + 1])
                }
                search.block(previous[0..<i])
                guard
                    let spur = search.lexicographicShortest(
                        from: previous[i], to: target, depthLimit: search.maxLength - Int32(i),
                        blockedFirstHops: blockedHops)
                else { continue }
                let candidate = Array(previous[0..<i]) + spur
                if known.insert(candidate).inserted { candidates.append(candidate) }
            }
            search.block([])
            guard !candidates.isEmpty else { break }
            var best = 0
            for c in candidates.indices.dropFirst() where precedes(candidates[c], candidates[best])
            {
                best = c
            }
            accepted.append(candidates.remove(at: best))
        }
        return accepted.map { makePath($0, direction: constraints.direction) }
    }

    private func makePath(_ nodes: [Int32], direction: TraversalDirection) -> Path {
        var pathSteps: [PathStep] = []
        pathSteps.reserveCapacity(nodes.count - 1)
        for i in 0..<(nodes.count - 1) {
            pathSteps.append(steps(from: nodes[i], to: nodes[i + 1], direction: direction)[0])
        }
        return Path(nodes: nodes, steps: pathSteps)
    }
}

/// Orders paths by length, then lexicographically by node index.
private func precedes(_ a: [Int32], _ b: [Int32]) -> Bool {
    a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b)
}

/// Scratch state for path queries on one view under one set of constraints.
struct PathSearch {
    let view: GraphView
    let direction: TraversalDirection
    let reverse: TraversalDirection
    /// Nodes allowed strictly inside a path.
    let eligible: BitMask
    let maxLength: Int32
    /// Hop distance to the target, valid where `stamp == generation`.
    var distance: [Int32]
    var stamp: [UInt32]
    var generation: UInt32 = 0
    /// Nodes excluded for the current spur search (`blockStamp == blockGeneration`).
    var blockStamp: [UInt32]
    var blockGeneration: UInt32 = 1
    var queue: [Int32] = []

    init(view: GraphView, constraints: PathConstraints) {
        self.view = view
        direction = constraints.direction
        switch constraints.direction {
        case .outgoing: reverse = .incoming
        case .incoming: reverse = .outgoing
        case .both: reverse = .both
        }
        let n = view.graph.nodeCount
        var eligible = view.nodes ?? BitMask(count: n, repeating: true)
        if let intermediates = constraints.intermediates {
            eligible = eligible.intersection(intermediates)
        }
        for node in constraints.avoiding where node >= 0 && Int(node) < eligible.count {
            eligible[node] = false
        }
        self.eligible = eligible
        maxLength = Int32(clamping: max(0, constraints.maxLength ?? Int(Int32.max)))
        distance = [Int32](repeating: 0, count: n)
        stamp = [UInt32](repeating: 0, count: n)
        blockStamp = [UInt32](repeating: 0, count: n)
    }

    /// Excludes `nodes` from the following searches (until the next call).
    mutating func block<C: Collection>(_ nodes: C) where C.Element == Int32 {
        blockGeneration &+= 1
        for node in nodes { blockStamp[Int(node)] = blockGeneration }
    }

    @inline(__always)
    func isLabelled(_ node: Int32) -> Bool { stamp[Int(node)] == generation }

    @inline(__always)
    func canPassThrough(_ node: Int32) -> Bool {
        eligible[node] && blockStamp[Int(node)] != blockGeneration
    }

    /// Breadth-first search backwards from `target`, labelling each usable node with its
    /// distance to `target`, until `start` is reached. Returns whether it was reached
    /// within `depthLimit`. The first step out of `start` may not go to `blockedFirstHops`.
    mutating func labelDistances(
        to target: Int32, from start: Int32, depthLimit: Int32, blockedFirstHops: [Int32] = []
    ) -> Bool {
        generation &+= 1
        if generation == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            generation = 1
        }
        stamp[Int(target)] = generation
        distance[Int(target)] = 0
        if start == target { return true }
        queue.removeAll(keepingCapacity: true)
        queue.append(target)
        var head = 0
        var reached = false
        let view = self.view
        let reverse = self.reverse
        while head < queue.count, !reached {
            let u = queue[head]
            head += 1
            let next = distance[Int(u)] + 1
            if next > depthLimit { break }
            view.forEachStep(from: u, direction: reverse) { v, _, _ in
                if reached || stamp[Int(v)] == generation { return }
                if v == start {
                    if !blockedFirstHops.contains(u) {
                        stamp[Int(v)] = generation
                        distance[Int(v)] = next
                        reached = true
                    }
                    return
                }
                guard canPassThrough(v) else { return }
                stamp[Int(v)] = generation
                distance[Int(v)] = next
                queue.append(v)
            }
        }
        return reached
    }

    /// The distinct successors of `node` on a shortest path to `target` (after
    /// ``labelDistances(to:from:depthLimit:blockedFirstHops:)``), in descending order.
    func nextNodes(
        after node: Int32, start: Int32, target: Int32, blockedFirstHops: [Int32] = []
    ) -> [Int32] {
        let wanted = distance[Int(node)] - 1
        var result: [Int32] = []
        view.forEachStep(from: node, direction: direction) { v, _, _ in
            guard isLabelled(v), distance[Int(v)] == wanted, v != start else { return }
            if node == start, blockedFirstHops.contains(v) { return }
            if v != target, !canPassThrough(v) { return }
            result.append(v)
        }
        result.sort(by: >)
        return result.uniqued()
    }

    /// The lexicographically smallest shortest path from `start` to `target` that avoids
    /// blocked nodes and does not step from `start` to a node in `blockedFirstHops`.
    mutating func lexicographicShortest(
        from start: Int32, to target: Int32, depthLimit: Int32, blockedFirstHops: [Int32] = []
    ) -> [Int32]? {
        guard depthLimit >= 0,
            labelDistances(
                to: target, from: start, depthLimit: depthLimit,
                blockedFirstHops: blockedFirstHops)
        else { return nil }
        var path: [Int32] = [start]
        var node = start
        while node != target {
            let next = nextNodes(
                after: node, start: start, target: target, blockedFirstHops: blockedFirstHops)
            node = next[next.count - 1]
            path.append(node)
        }
        return path
    }
}
