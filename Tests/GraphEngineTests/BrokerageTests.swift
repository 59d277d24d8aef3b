import GraphEngine
import Testing

/// Hand-built directed graphs whose Gould–Fernandez counts are worked out from the
/// definitions: an open two-path a → b → c (a, b, c distinct, no tie a → c) counts once for
/// broker b, in the role given by the groups of a, b and c.
@Suite("Gould–Fernandez brokerage")
struct BrokerageTests {
    // Nodes and groups: 0 B (g0), 1 A0 (g0), 2 A1 (g1), 3 C0 (g0), 4 C1 (g1), 5 C2 (g2),
    // 6 D (g3).
    static let groups: [Int32] = [0, 0, 1, 0, 1, 2, 3]

    private func graph() throws -> Graph {
        try Graph(
            nodeCount: 7,
            edges: [
                (source: 1, target: 0, relation: 0),  // A0 → B
                (source: 1, target: 0, relation: 1),  // A0 → B again (parallel: counts once)
                (source: 2, target: 0, relation: 0),  // A1 → B
                (source: 0, target: 0, relation: 0),  // B → B (self-loop: ignored)
                (source: 0, target: 3, relation: 0),  // B → C0
                (source: 0, target: 4, relation: 0),  // B → C1
                (source: 0, target: 5, relation: 0),  // B → C2
                (source: 2, target: 5, relation: 2),  // A1 → C2 (closes A1 → B → C2)
                (source: 4, target: 2, relation: 0),  // C1 → A1
                (source: 5, target: 6, relation: 0),  // C2 → D
            ])
    }

    @Test("every role, worked out by hand")
    func allRoles() throws {
        let roles = try graph().fullView.brokerageRoles(groups: Self.groups)
        // B (g0): in-neighbours A0 (g0), A1 (g1); out-neighbours C0 (g0), C1 (g1), C2 (g2).
        //   A0→B→C0  g0 g0 g0  coordinator
        //   A0→B→C1  g0 g0 g1  representative
        //   A0→B→C2  g0 g0 g2  representative
        //   A1→B→C0  g1 g0 g0  gatekeeper
        //   A1→B→C1  g1 g0 g1  itinerant (C1 → A1 exists, but only A1 → C1 would close it)
        //   A1→B→C2  closed by A1 → C2: not counted
        #expect(
            roles[0]
                == BrokerageRoles(
                    coordinator: 1, itinerant: 1, representative: 2, gatekeeper: 1, liaison: 0))
        // A0 has no in-neighbours: brokers nothing.
        #expect(roles[1] == BrokerageRoles())
        // A1 (g1): in C1 (g1); out B (g0), C2 (g2).
        //   C1→A1→B   g1 g1 g0  representative (C1 → B absent)
        //   C1→A1→C2  g1 g1 g2  representative (C1 → C2 absent)
        #expect(roles[2] == BrokerageRoles(representative: 2))
        // C0 has no out-neighbours.
        #expect(roles[3] == BrokerageRoles())
        // C1 (g1): in B (g0); out A1 (g1).  B→C1→A1  g0 g1 g1  gatekeeper (B → A1 absent).
        #expect(roles[4] == BrokerageRoles(gatekeeper: 1))
        // C2 (g2): in B (g0), A1 (g1); out D (g3).
        //   B→C2→D   g0 g2 g3  liaison
        //   A1→C2→D  g1 g2 g3  liaison
        #expect(roles[5] == BrokerageRoles(liaison: 2))
        #expect(roles[5].total == 2 && roles[0].total == 5)
        // D has no out-neighbours.
        #expect(roles[6] == BrokerageRoles())
    }

    @Test("views change the ties that count")
    func views() throws {
        let graph = try graph()
        // Without relation 2 the tie A1 → C2 is gone, so A1 → B → C2 (g1 g0 g2) is an open
        // liaison path for B; A1 loses C1 → A1 → C2, and C2 loses A1 → C2 → D.
        let withoutClosure = graph.view(relations: BitMask(count: 2, repeating: true))
        let roles = withoutClosure.brokerageRoles(groups: Self.groups)
        #expect(
            roles[0]
                == BrokerageRoles(
                    coordinator: 1, itinerant: 1, representative: 2, gatekeeper: 1, liaison: 1))
        #expect(roles[2] == BrokerageRoles(representative: 1))
        #expect(roles[5] == BrokerageRoles(liaison: 1))
        // Without D, C2 brokers nothing; D itself is absent and gets zeros.
        var nodes = BitMask(count: 7, repeating: true)
        nodes[6] = false
        let withoutD = graph.view(nodes: nodes).brokerageRoles(groups: Self.groups)
        #expect(withoutD[5] == BrokerageRoles())
        #expect(withoutD[0] == graph.fullView.brokerageRoles(groups: Self.groups)[0])
    }

    @Test("mutual ties, closed triads and chains")
    func smallShapes() throws {
        // a ↔ b ↔ c, all in one group, a and c not tied: b coordinates a→b→c and c→b→a.
        // a's only two-path would be b→a→b, which has a = c: not counted.
        let mutual = try Graph(
            nodeCount: 3, sources: [0, 1, 1, 2], targets: [1, 0, 2, 1], relations: [0, 0, 0, 0])
        let roles = mutual.fullView.brokerageRoles(groups: [5, 5, 5])
        #expect(roles.map(\.coordinator) == [0, 2, 0])
        #expect(roles.map(\.total) == [0, 2, 0])

        // Transitive triad 0→1→2 with 0→2: the only two-path is closed.
        let closed = try Graph(
            nodeCount: 3, sources: [0, 1, 0], targets: [1, 2, 2], relations: [0, 0, 0])
        #expect(closed.fullView.brokerageRoles(groups: [0, 1, 2]).map(\.total) == [0, 0, 0])

        // Chain 0→1→2→3 with every node in its own group: 1 and 2 are liaisons once each.
        let chain = try Graph(
            nodeCount: 4, sources: [0, 1, 2], targets: [1, 2, 3], relations: [0, 0, 0])
        let distinct = chain.fullView.brokerageRoles(groups: [0, 1, 2, 3])
        #expect(distinct.map(\.liaison) == [0, 1, 1, 0])
        #expect(distinct.map(\.total) == [0, 1, 1, 0])
        // Same chain, groups {0, 2} and {1, 3}: 0→1→2 is g0 g1 g0 (itinerant for 1) and
        // 1→2→3 is g1 g0 g1 (itinerant for 2).
        let alternating = chain.fullView.brokerageRoles(groups: [0, 1, 0, 1])
        #expect(alternating.map(\.itinerant) == [0, 1, 1, 0])
        // Same chain, one group: two coordinators.
        #expect(
            chain.fullView.brokerageRoles(groups: [0, 0, 0, 0]).map(\.coordinator) == [0, 1, 1, 0])
        // Groups {0, 1} and {2, 3}: 0→1→2 is g0 g0 g1 (representative for 1); 1→2→3 is
        // g0 g1 g1 (gatekeeper for 2).
        let halves = chain.fullView.brokerageRoles(groups: [0, 0, 1, 1])
        #expect(halves[1] == BrokerageRoles(representative: 1))
        #expect(halves[2] == BrokerageRoles(gatekeeper: 1))
    }

    @Test("out-star: every ordered pair of other nodes is a two-path through the hub")
    func star() throws {
        // 1, 2 → 0 → 3, 4, 5, no other ties: 2 × 3 = 6 open two-paths through 0, groups
        // 0:{0, 1, 3}, 1:{2, 4}, 2:{5}.
        //   1→0→3 coordinator, 1→0→4 representative, 1→0→5 representative,
        //   2→0→3 gatekeeper,  2→0→4 itinerant,      2→0→5 liaison.
        let graph = try Graph(
            nodeCount: 6, sources: [1, 2, 0, 0, 0], targets: [0, 0, 3, 4, 5],
            relations: [0, 0, 0, 0, 0])
        let roles = graph.fullView.brokerageRoles(groups: [0, 0, 1, 0, 1, 2])
        #expect(
            roles[0]
                == BrokerageRoles(
                    coordinator: 1, itinerant: 1, representative: 2, gatekeeper: 1, liaison: 1))
        #expect(roles.dropFirst().allSatisfy { $0.total == 0 })
    }
}
