/// Two members that share at least one body, and how strongly.
///
/// - Complexity: O(1) memory.
public struct CoMembership: Sendable, Hashable {
    /// The member with the smaller node index.
    ///
    /// - Complexity: O(1).
    public let first: Int32
    /// The member with the larger node index.
    ///
    /// - Complexity: O(1).
    public let second: Int32
    /// The number of bodies both belong to.
    ///
    /// - Complexity: O(1).
    public let sharedCount: Int
    /// Shared bodies divided by the bodies either belongs to (Jaccard similarity).
    ///
    /// - Complexity: O(1).
    public let jaccard: Double

    /// Creates a co-membership record.
    ///
    /// - Complexity: O(1).
    public init(first: Int32, second: Int32, sharedCount: Int, jaccard: Double) {
        self.first = first
        self.second = second
        self.sharedCount = sharedCount
        self.jaccard = jaccard
    }
}

extension GraphView {
    /// The bodies each member belongs to: its distinct neighbours in the view (along
    /// `direction`) that are not members themselves, ascending. Non-members get `[]`.
    ///
    /// - Complexity: O(n + m log d).
    public func bodies(ofMembers members: BitMask, direction: TraversalDirection = .both)
        -> [[Int32]]
    {
        precondition(members.count == graph.nodeCount, "member mask size mismatch")
        return (0..<Int32(graph.nodeCount)).map { u in
            guard members[u], contains(node: u) else { return [] }
            return neighbors(of: u, direction: direction).filter { $0 != u && !members[$0] }
        }
    }

    /// The bipartite projection of members onto the bodies they belong to: every pair of
    /// members sharing at least one body, with the number of shared bodies and its Jaccard
    /// weight, ordered by (first, second).
    ///
    /// A member's bodies are as in ``bodies(ofMembers:direction:)``; the view's relation
    /// mask selects the membership relations. The counts equal NetworkX's
    /// `bipartite.weighted_projected_graph(B, members)` and the Jaccard weights its
    /// `bipartite.overlap_weighted_projected_graph(B, members, jaccard=True)`.
    ///
    /// Newman, M. E. J. (2001). "Scientific collaboration networks. I. Network construction
    /// and fundamental results." *Physical Review E* 64: 016131.
    /// - Complexity: O(n + m log d + Σ over bodies of (members of the body)²).
    public func coMembership(members: BitMask, direction: TraversalDirection = .both)
        -> [CoMembership]
    {
        let bodiesOf = bodies(ofMembers: members, direction: direction)
        // Inverted index: body -> its members, ascending (members are visited in order).
        var memberOffsets = [Int](repeating: 0, count: graph.nodeCount + 1)
        for list in bodiesOf { for b in list { memberOffsets[Int(b) + 1] += 1 } }
        for i in 0..<graph.nodeCount { memberOffsets[i + 1] += memberOffsets[i] }
        var cursor = memberOffsets
        var membersOf = [Int32](repeating: 0, count: memberOffsets[graph.nodeCount])
        for u in bodiesOf.indices {
            for b in bodiesOf[u] {
                membersOf[cursor[Int(b)]] = Int32(u)
                cursor[Int(b)] += 1
            }
        }
        var shared = [Int](repeating: 0, count: graph.nodeCount)
        var touched: [Int32] = []
        var result: [CoMembership] = []
        for u in bodiesOf.indices where !bodiesOf[u].isEmpty {
            for b in bodiesOf[u] {
                for i in memberOffsets[Int(b)]..<memberOffsets[Int(b) + 1] {
                    let v = membersOf[i]
                    guard Int(v) > u else { continue }
                    if shared[Int(v)] == 0 { touched.append(v) }
                    shared[Int(v)] += 1
                }
            }
            touched.sort()
            for v in touched {
                let count = shared[Int(v)]
                let union = bodiesOf[u].count + bodiesOf[Int(v)].count - count
                result.append(
                    CoMembership(
                        first: Int32(u), second: v, sharedCount: count,
                        jaccard: Double(count) / Double(union)))
                shared[Int(v)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return result
    }
}
