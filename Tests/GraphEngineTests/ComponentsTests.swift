import GraphEngine
import Testing

@Suite("Components, cut points and bridges")
struct ComponentsTests {
    @Test("a path of 200 000 nodes: iterative search, every inner node a cut point")
    func deepPath() throws {
        let n = 200_000
        let graph = try UndirectedGraph(
            nodeCount: n, edges: (0..<Int32(n - 1)).map { ($0, $0 + 1) })
        let cut = graph.cutStructure()
        #expect(cut.articulationPoints.count == n - 2)
        #expect(cut.bridges.count == n - 1)
        // Removing node i leaves pieces of i and n − 1 − i nodes; the smaller is cut off.
        for point in cut.articulationPoints.prefix(5) + cut.articulationPoints.suffix(5) {
            let i = Int(point.node)
            #expect(point.pieceCount == 2)
            #expect(point.separatedNodeCount == min(i, n - 1 - i))
        }
        #expect(graph.connectedComponents().count == 1)
    }

    @Test("separation counts: star, bowtie, and a node in a cycle")
    func separation() throws {
        // Star with centre 0 and 5 leaves: 5 pieces of 1 node; 4 nodes separated.
        let star = try UndirectedGraph(nodeCount: 6, edges: (1...5).map { (0, Int32($0)) })
        #expect(
            star.articulationPoints() == [
                ArticulationPoint(node: 0, pieceCount: 5, separatedNodeCount: 4)
            ])
        // Two triangles joined at 2, plus a tail 5–6 on the second: removing 2 leaves {0, 1}
        // and {3, 4, 5, 6}; removing 5 cuts off 6.
        let bowtie = try UndirectedGraph(
            nodeCount: 7, edges: [(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (2, 4), (4, 5), (5, 6)])
        #expect(
            bowtie.articulationPoints() == [
                ArticulationPoint(node: 2, pieceCount: 2, separatedNodeCount: 2),
                ArticulationPoint(node: 4, pieceCount: 2, separatedNodeCount: 2),
                ArticulationPoint(node: 5, pieceCount: 2, separatedNodeCount: 1),
            ])
        #expect(bowtie.bridges().map { [$0.u, $0.v] } == [[4, 5], [5, 6]])
        // A cycle has no cut points and no bridges.
        let cycle = try UndirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3), (3, 0)])
        #expect(cycle.cutStructure().articulationPoints.isEmpty && cycle.bridges().isEmpty)
    }

    @Test("components are numbered by their smallest node; absent nodes are -1")
    func labels() throws {
        let graph = try Graph(
            nodeCount: 6, sources: [5, 3, 0], targets: [1, 4, 0], relations: [0, 0, 0])
        let weak = graph.fullView.weaklyConnectedComponents()
        #expect(weak.labels == [0, 1, 2, 3, 3, 1])
        #expect(weak.sizes == [1, 2, 1, 2])
        #expect(weak.members(of: 1) == [1, 5])
        var nodes = BitMask(count: 6, repeating: true)
        nodes[1] = false
        let masked = graph.view(nodes: nodes).weaklyConnectedComponents()
        #expect(masked.labels == [0, -1, 1, 2, 2, 3])
        #expect(graph.view(nodes: nodes).undirectedGraph().connectedComponents() == masked)
    }
}
