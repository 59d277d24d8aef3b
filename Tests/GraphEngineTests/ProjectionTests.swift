import GraphEngine
import Testing

@Suite("Co-membership projection")
struct ProjectionTests {
    // Members 0–3, bodies 4–6. Relations: 0 member-of (member → body), 1 co-chairs
    // (member → member).
    private func graph() throws -> Graph {
        try Graph(
            nodeCount: 7,
            edges: [
                (source: 0, target: 4, relation: 0), (source: 0, target: 5, relation: 0),
                (source: 0, target: 5, relation: 0),  // repeated membership: counts once
                (source: 1, target: 4, relation: 0), (source: 1, target: 5, relation: 0),
                (source: 1, target: 6, relation: 0), (source: 2, target: 6, relation: 0),
                (source: 0, target: 1, relation: 1),  // between members: not a body
            ])
    }

    private let members = BitMask(count: 7, setting: [0, 1, 2, 3] as [Int32])

    @Test("counts and Jaccard weights")
    func projection() throws {
        let pairs = try graph().fullView.coMembership(members: members)
        // 0 ∈ {4, 5}, 1 ∈ {4, 5, 6}, 2 ∈ {6}, 3 ∈ {}:
        //   (0, 1) share {4, 5} of {4, 5, 6}: 2, 2/3;  (1, 2) share {6} of {4, 5, 6}: 1, 1/3.
        #expect(
            pairs == [
                CoMembership(first: 0, second: 1, sharedCount: 2, jaccard: 2.0 / 3.0),
                CoMembership(first: 1, second: 2, sharedCount: 1, jaccard: 1.0 / 3.0),
            ])
        let bodies = try graph().fullView.bodies(ofMembers: members)
        #expect(bodies == [[4, 5], [4, 5, 6], [6], [], [], [], []])
    }

    @Test("views and directions select the memberships")
    func filtered() throws {
        let graph = try graph()
        // Memberships point from member to body: following edges backwards finds none.
        #expect(graph.fullView.coMembership(members: members, direction: .incoming).isEmpty)
        #expect(graph.fullView.coMembership(members: members, direction: .outgoing).count == 2)
        // As of a date when 1 had left body 5 (edge 4 masked out).
        var edges = BitMask(count: graph.edgeCount, repeating: true)
        edges[4] = false
        let earlier = graph.view(edges: edges).coMembership(members: members)
        #expect(
            earlier.first == CoMembership(first: 0, second: 1, sharedCount: 1, jaccard: 1.0 / 3.0))
        // Body 6 dissolved: only (0, 1) remain.
        var nodes = BitMask(count: 7, repeating: true)
        nodes[6] = false
        let pairs = graph.view(nodes: nodes).coMembership(members: members)
        #expect(pairs == [CoMembership(first: 0, second: 1, sharedCount: 2, jaccard: 1)])
    }
}
