import GraphEngine
import Testing

@Suite("Graph representation, masks and views")
struct GraphTests {
    /// 0→2 (r0), 0→1 (r1), 0→1 (r0, parallel), 1→1 (self-loop), 2→0 (r2, antiparallel), 3
    /// isolated.
    private func sample() throws -> Graph {
        try Graph(
            nodeCount: 4,
            edges: [
                (source: 0, target: 2, relation: 0), (source: 0, target: 1, relation: 1),
                (source: 0, target: 1, relation: 0), (source: 1, target: 1, relation: 0),
                (source: 2, target: 0, relation: 2),
            ])
    }

    @Test("CSR lists are sorted by neighbour, then edge index")
    func adjacencyOrder() throws {
        let graph = try sample()
        #expect(graph.nodeCount == 4 && graph.edgeCount == 5)
        #expect(Array(graph.outgoingEdges(of: 0)) == [1, 2, 0])
        #expect(Array(graph.incomingEdges(of: 0)) == [4])
        #expect(Array(graph.incomingEdges(of: 1)) == [1, 2, 3])
        #expect(Array(graph.outgoingEdges(of: 3)).isEmpty)
        #expect(graph.outDegree(of: 0) == 3 && graph.inDegree(of: 1) == 3)
        #expect(Array(graph.edges(from: 0, to: 1)) == [1, 2])
        #expect(Array(graph.edges(from: 1, to: 0)).isEmpty)
        #expect(graph.edgeRelations == [0, 1, 0, 0, 2])
    }

    @Test("invalid input is reported, not trapped")
    func errors() {
        #expect(throws: GraphError.nodeOutOfRange(edge: 1, node: 5)) {
            try Graph(nodeCount: 3, sources: [0, 5], targets: [1, 1], relations: [0, 0])
        }
        #expect(throws: GraphError.nodeOutOfRange(edge: 0, node: -1)) {
            try Graph(nodeCount: 3, sources: [0], targets: [-1], relations: [0])
        }
        #expect(throws: GraphError.negativeRelation(edge: 0, relation: -2)) {
            try Graph(nodeCount: 3, sources: [0], targets: [1], relations: [-2])
        }
        #expect(throws: GraphError.mismatchedEdgeArrays(sources: 1, targets: 2, relations: 1)) {
            try Graph(nodeCount: 3, sources: [0], targets: [1, 2], relations: [0])
        }
        #expect(throws: GraphError.invalidNodeCount(-1)) {
            try Graph(nodeCount: -1, sources: [], targets: [], relations: [])
        }
        #expect(throws: GraphError.nodeOutOfRange(edge: 0, node: 4)) {
            try UndirectedGraph(nodeCount: 4, edges: [(0, 4)])
        }
    }

    @Test("an empty graph works everywhere")
    func empty() throws {
        let graph = try Graph(nodeCount: 0, sources: [], targets: [], relations: [])
        let undirected = graph.fullView.undirectedGraph()
        #expect(undirected.betweennessCentrality().isEmpty)
        #expect(undirected.closenessCentrality().isEmpty)
        #expect(undirected.cutStructure().articulationPoints.isEmpty)
        #expect(graph.fullView.weaklyConnectedComponents().count == 0)
        #expect(graph.fullView.brokerageRoles(groups: []).isEmpty)
    }

    @Test("bit masks")
    func bitMasks() {
        var mask = BitMask(count: 70, repeating: true)
        #expect(mask.setCount == 70)
        #expect(mask.inverted().setCount == 0)
        mask[3] = false
        mask[69] = false
        #expect(mask.setCount == 68)
        #expect(!mask[3] && mask[4] && !mask[70] && !mask[-1])
        let some = BitMask(count: 130, setting: [1, 64, 129] as [Int32])
        #expect(some.setIndices == [1, 64, 129])
        #expect(some.intersection(mask).setIndices == [1, 64])
        #expect(some.inverted().setCount == 127)
    }

    @Test("views filter nodes, edges and relations without copying")
    func views() throws {
        let graph = try sample()
        let full = graph.fullView
        #expect(full.includedEdges == [0, 1, 2, 3, 4])
        #expect(full.neighbors(of: 0, direction: .outgoing) == [1, 2])
        #expect(full.neighbors(of: 0, direction: .incoming) == [2])
        #expect(full.neighbors(of: 1) == [0, 1])

        // Relation ids beyond the relation mask are not allowed.
        let r0 = graph.view(relations: BitMask(count: 1, setting: [0] as [Int32]))
        #expect(r0.includedEdges == [0, 2, 3])
        // Excluding a node excludes its edges.
        let no2 = graph.view(nodes: BitMask(count: 4, setting: [0, 1, 3] as [Int32]))
        #expect(no2.includedEdges == [1, 2, 3])
        #expect(no2.includedNodeCount == 3)
        #expect(no2.neighbors(of: 2).isEmpty)
        // An edge mask removes single edges.
        let someEdges = graph.view(edges: BitMask(count: 5, setting: [0, 4] as [Int32]))
        #expect(someEdges.neighbors(of: 0, direction: .outgoing) == [2])
        #expect(
            someEdges.steps(from: 0, to: 2) == [
                PathStep(edge: 0, from: 0, to: 2, isForward: true),
                PathStep(edge: 4, from: 0, to: 2, isForward: false),
            ])
        #expect(
            full.steps(from: 0, to: 1, direction: .incoming).isEmpty
                && full.steps(from: 1, to: 0, direction: .incoming).count == 2)
    }

    @Test("the undirected simple graph collapses parallel and antiparallel edges, drops loops")
    func undirectedSimple() throws {
        let graph = try sample()
        let simple = graph.fullView.undirectedGraph()
        #expect(simple.edgeCount == 2)
        #expect(simple.edges.map { [$0.u, $0.v] } == [[0, 1], [0, 2]])
        #expect(Array(simple.neighbors(of: 0)) == [1, 2])
        #expect(Array(simple.neighbors(of: 1)) == [0])
        #expect(simple.degree(of: 3) == 0)
        #expect(simple.includedNodeCount == 4)
        #expect(simple.hasEdge(between: 2, and: 0) && !simple.hasEdge(between: 1, and: 2))

        let noParallel = graph.view(edges: BitMask(count: 5, setting: [0, 3] as [Int32]))
            .undirectedGraph()
        #expect(noParallel.edges.map { [$0.u, $0.v] } == [[0, 2]])

        let masked = graph.view(nodes: BitMask(count: 4, setting: [0, 1, 2] as [Int32]))
            .undirectedGraph()
        #expect(masked.includedNodeCount == 3 && masked.includedNodes == [0, 1, 2])
        #expect(!masked.contains(node: 3))

        let direct = try UndirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 0), (2, 2), (1, 2)])
        #expect(direct.edges.map { [$0.u, $0.v] } == [[0, 1], [1, 2]])
    }

    @Test("SplitMix64 gives the published sequence and reproducible samples")
    func splitMix() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
        var a = SplitMix64(seed: 7)
        var b = SplitMix64(seed: 7)
        let items = Array(0..<100)
        let sample = a.sample(items, count: 10)
        #expect(sample == b.sample(items, count: 10))
        #expect(sample.count == 10 && Set(sample).count == 10 && sample == sample.sorted())
        #expect(a.sample(items, count: 200).count == 100)
        for _ in 0..<1000 { #expect(a.next(below: 7) < 7) }
    }
}
