import GraphEngine
import Testing

@Suite("Paths and neighbourhoods on a small stakeholder graph")
struct PathTests {
    // Nodes: 0 Sri Lanka, 1 Ad Hoc Group, 2 New Zealand, 3 Steering Group, 4 Australia,
    // 5 Working Group. Relations: 0 member-of, 1 co-chairs, 2 part-of.
    static let memberOf: Int32 = 0
    static let coChairs: Int32 = 1
    static let partOf: Int32 = 2

    private func model() throws -> Graph {
        try Graph(
            nodeCount: 6,
            edges: [
                (source: 0, target: 1, relation: Self.memberOf),  // e0
                (source: 2, target: 1, relation: Self.memberOf),  // e1
                (source: 2, target: 1, relation: Self.coChairs),  // e2
                (source: 4, target: 3, relation: Self.memberOf),  // e3
                (source: 2, target: 3, relation: Self.memberOf),  // e4
                (source: 1, target: 3, relation: Self.partOf),  // e5
                (source: 4, target: 5, relation: Self.coChairs),  // e6
            ])
    }

    @Test("each step names its edge and the direction it was walked")
    func steps() throws {
        let view = try model().fullView
        let path = try #require(view.shortestPath(from: 0, to: 2))
        #expect(path.nodes == [0, 1, 2])
        #expect(
            path.steps == [
                PathStep(edge: 0, from: 0, to: 1, isForward: true),
                // Parallel edges 2→1: the lower edge index is used.
                PathStep(edge: 1, from: 1, to: 2, isForward: false),
            ])
        #expect(view.steps(from: 1, to: 2).map(\.edge) == [1, 2])
        #expect(view.shortestPath(from: 3, to: 3)?.nodes == [3])
        #expect(view.shortestPath(from: 3, to: 3)?.length == 0)
    }

    @Test("direction, relations, intermediate kinds, avoided nodes and length limits")
    func constraints() throws {
        let graph = try model()
        let view = graph.fullView
        // Following edges forwards only, Sri Lanka reaches the Steering Group via Ad Hoc.
        #expect(
            view.shortestPath(from: 0, to: 3, constraints: PathConstraints(direction: .outgoing))?
                .nodes == [0, 1, 3])
        #expect(
            view.shortestPath(from: 3, to: 0, constraints: PathConstraints(direction: .outgoing))
                == nil)
        #expect(
            view.shortestPath(from: 3, to: 0, constraints: PathConstraints(direction: .incoming))?
                .steps.allSatisfy { !$0.isForward } == true)

        // Membership only: no part-of, so Ad Hoc → Steering needs New Zealand.
        let members = graph.view(relations: BitMask(count: 3, setting: [Self.memberOf]))
        #expect(members.shortestPath(from: 0, to: 3)?.nodes == [0, 1, 2, 3])
        let coChairs = graph.view(relations: BitMask(count: 3, setting: [Self.coChairs]))
        #expect(coChairs.shortestPath(from: 0, to: 2) == nil)
        #expect(coChairs.shortestPath(from: 1, to: 2)?.steps.map(\.edge) == [2])

        // Only states (0, 2, 4) may sit inside a path: Sri Lanka cannot pass Ad Hoc.
        let states = BitMask(count: 6, setting: [0, 2, 4] as [Int32])
        #expect(
            view.shortestPath(from: 0, to: 2, constraints: PathConstraints(intermediates: states))
                == nil)
        // …but bodies may be endpoints.
        #expect(
            view.shortestPath(from: 1, to: 3, constraints: PathConstraints(intermediates: states))
                != nil)

        // The part-of shortcut makes the direct way shortest; Yen adds the way round.
        #expect(view.allShortestPaths(from: 0, to: 3, limit: 10).map(\.nodes) == [[0, 1, 3]])
        let longer = view.kShortestPaths(from: 0, to: 3, count: 5)
        #expect(longer.map(\.nodes) == [[0, 1, 3], [0, 1, 2, 3]])
        #expect(
            view.kShortestPaths(
                from: 0, to: 5, count: 5, constraints: PathConstraints(avoiding: [2])
            )
            .map(\.nodes) == [[0, 1, 3, 4, 5]])
        #expect(
            view.kShortestPaths(
                from: 0, to: 5, count: 5, constraints: PathConstraints(maxLength: 4)
            )
            .map(\.nodes) == [[0, 1, 3, 4, 5]])
        #expect(
            view.kShortestPaths(from: 0, to: 5, count: 5).map(\.nodes) == [
                [0, 1, 3, 4, 5], [0, 1, 2, 3, 4, 5],
            ])
        #expect(
            view.shortestPath(from: 0, to: 5, constraints: PathConstraints(maxLength: 3)) == nil)
    }

    @Test("k-hop neighbourhood with depths, and shared neighbours")
    func neighborhood() throws {
        let view = try model().fullView
        let hood = view.neighborhood(of: [0], depth: 2)
        #expect(hood.map(\.node) == [0, 1, 2, 3])
        #expect(hood.map(\.depth) == [0, 1, 2, 2])
        let out = view.neighborhood(of: [2], depth: 5, direction: .outgoing)
        #expect(out.map(\.node) == [1, 2, 3])
        #expect(view.neighborhood(of: [0, 5], depth: 1).map(\.node) == [0, 1, 4, 5])
        #expect(view.commonNeighbors(of: [0, 2]) == [1])
        #expect(view.commonNeighbors(of: [2, 4]) == [3])
        #expect(view.commonNeighbors(of: [1, 2]) == [3])
        #expect(view.distances(from: 0, direction: .outgoing) == [0, 1, -1, 2, -1, -1])
        #expect(view.distances(from: 0, maxDepth: 1) == [0, 1, -1, -1, -1, -1])
    }

    @Test("all shortest paths are listed in order and capped")
    func grid() throws {
        // A 3×3 grid: 6 shortest paths from corner to corner.
        var edges: [(Int32, Int32)] = []
        for r in 0..<3 {
            for c in 0..<3 {
                let v = Int32(3 * r + c)
                if c < 2 { edges.append((v, v + 1)) }
                if r < 2 { edges.append((v, v + 3)) }
            }
        }
        let graph = try Graph(
            nodeCount: 9, sources: edges.map(\.0), targets: edges.map(\.1),
            relations: [Int32](repeating: 0, count: edges.count))
        let paths = graph.fullView.allShortestPaths(from: 0, to: 8, limit: 100)
        #expect(
            paths.map(\.nodes) == [
                [0, 1, 2, 5, 8], [0, 1, 4, 5, 8], [0, 1, 4, 7, 8], [0, 3, 4, 5, 8],
                [0, 3, 4, 7, 8], [0, 3, 6, 7, 8],
            ])
        #expect(graph.fullView.allShortestPaths(from: 0, to: 8, limit: 4).count == 4)
        #expect(graph.fullView.allShortestPaths(from: 0, to: 8, limit: 0).isEmpty)
        #expect(
            graph.fullView.kShortestPaths(from: 0, to: 8, count: 6).map(\.nodes)
                == paths.map(\.nodes))
    }
}
