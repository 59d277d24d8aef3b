/// How many open two-paths a node brokers, by Gould and Fernandez's five roles.
///
/// For a broker b on a two-path a → b → c (a, b, c distinct, no tie a → c), with groups
/// g(·):
///
/// | role | groups | sna name |
/// |---|---|---|
/// | coordinator | g(a) = g(b) = g(c) | w_I |
/// | itinerant (consultant) | g(a) = g(c) ≠ g(b) | w_O |
/// | representative | g(a) = g(b) ≠ g(c) | b_IO |
/// | gatekeeper | g(a) ≠ g(b) = g(c) | b_OI |
/// | liaison | g(a), g(b), g(c) all different | b_O |
///
/// - Complexity: O(1) memory.
public struct BrokerageRoles: Sendable, Hashable {
    /// Two-paths within the broker's own group.
    ///
    /// - Complexity: O(1).
    public var coordinator: Int
    /// Two-paths between two members of one other group.
    ///
    /// - Complexity: O(1).
    public var itinerant: Int
    /// Two-paths from the broker's group out to another group.
    ///
    /// - Complexity: O(1).
    public var representative: Int
    /// Two-paths from another group into the broker's group.
    ///
    /// - Complexity: O(1).
    public var gatekeeper: Int
    /// Two-paths between two other, different groups.
    ///
    /// - Complexity: O(1).
    public var liaison: Int

    /// Creates a role count.
    ///
    /// - Complexity: O(1).
    public init(
        coordinator: Int = 0, itinerant: Int = 0, representative: Int = 0, gatekeeper: Int = 0,
        liaison: Int = 0
    ) {
        self.coordinator = coordinator
        self.itinerant = itinerant
        self.representative = representative
        self.gatekeeper = gatekeeper
        self.liaison = liaison
    }

    /// All open two-paths the node brokers.
    ///
    /// - Complexity: O(1).
    public var total: Int { coordinator + itinerant + representative + gatekeeper + liaison }
}

extension GraphView {
    /// Gould–Fernandez brokerage role counts of every node on the directed ties of the view,
    /// against a partition of the nodes into groups.
    ///
    /// Ties are the view's edges read as a simple directed graph: parallel edges count once
    /// and self-loops are ignored. Every open two-path a → b → c (a, b, c distinct, a → c
    /// absent; c → a may exist) is counted once for its broker b, in the role its groups
    /// give (see ``BrokerageRoles``). These are the raw counts of statnet's
    /// `sna::brokerage` (`raw.nli`) and UCINET. Absent nodes get zero counts.
    ///
    /// Gould, R. V. and Fernandez, R. M. (1989). "Structures of mediation: a formal approach
    /// to brokerage in transaction networks." *Sociological Methodology* 19: 89–126.
    /// - Parameter groups: a group id for every node index (`nodeCount` entries).
    /// - Complexity: O(Σ over nodes b of indeg(b) · outdeg(b) · log d) time, O(n + m)
    ///   memory.
    public func brokerageRoles(groups: [Int32]) -> [BrokerageRoles] {
        precondition(groups.count == graph.nodeCount, "one group per node index")
        let (outOffsets, outs, inOffsets, ins) = simpleDirectedAdjacency()
        var result = [BrokerageRoles](repeating: BrokerageRoles(), count: graph.nodeCount)
        for b in 0..<graph.nodeCount {
            let gb = groups[b]
            var roles = BrokerageRoles()
            for i in inOffsets[b]..<inOffsets[b + 1] {
                let a = ins[i]
                let ga = groups[Int(a)]
                let aRange = outOffsets[Int(a)]..<outOffsets[Int(a) + 1]
                for j in outOffsets[b]..<outOffsets[b + 1] {
                    let c = outs[j]
                    if c == a || outs.containsSorted(c, in: aRange) { continue }
                    let gc = groups[Int(c)]
                    if ga == gb {
                        if gc == gb { roles.coordinator += 1 } else { roles.representative += 1 }
                    } else if gc == gb {
                        roles.gatekeeper += 1
                    } else if ga == gc {
                        roles.itinerant += 1
                    } else {
                        roles.liaison += 1
                    }
                }
            }
            result[b] = roles
        }
        return result
    }
}
