import Foundation
import GraphEngine
import StakeholderModel
import Testing

@testable import BaliGraphKit

/// `connectors` on the built-in model against NetworkX (Tests/Fixtures/networkx/
/// make_bali_reference.py wrote the fixture).
@Suite("Connectors on the Bali model match NetworkX")
struct ConnectorsReferenceTests {
    struct Reference: Decodable {
        var nodes: [String]
        var edge_count: Int
        var betweenness: [String: Double?]
        var closeness: [String: Double?]
        var degree_centrality: [String: Double?]
        var constraint: [String: Double?]
        var effective_size: [String: Double?]
        var articulation_points: [String]
        var bridges: [[String]]
    }

    let reference: Reference
    let rows: [String: ConnectorRow]
    let analysis: AnalysisGraph

    init() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/networkx/bali-reference.json")
        reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let model = try #require(ModelStore.parse(text: BuiltInModel.text, file: "bali").model)
        analysis = AnalysisGraph(model: model)
        let computed = ConnectorsCommand.measures(analysis, options: .init())
        rows = Dictionary(uniqueKeysWithValues: computed.map { ($0.node.id, $0) })
    }

    func close(_ a: Double, _ b: Double?) -> Bool {
        guard let b else { return a.isNaN }
        return abs(a - b) <= 1e-9
    }

    @Test("same nodes and the same simple undirected graph")
    func graph() {
        #expect(rows.keys.sorted() == reference.nodes)
        #expect(analysis.graph.fullView.undirectedGraph().edgeCount == reference.edge_count)
    }

    @Test("betweenness, closeness, degree, constraint and effective size to 1e-9")
    func measures() {
        for (id, row) in rows {
            #expect(close(row.betweenness, reference.betweenness[id]!), "betweenness \(id)")
            #expect(close(row.closeness, reference.closeness[id]!), "closeness \(id)")
            #expect(close(row.degreeCentrality, reference.degree_centrality[id]!), "degree \(id)")
            #expect(close(row.constraint, reference.constraint[id]!), "constraint \(id)")
            #expect(close(row.effectiveSize, reference.effective_size[id]!), "effective size \(id)")
        }
    }

    @Test("articulation points and bridges")
    func cuts() {
        #expect(
            rows.values.filter(\.articulationPoint).map(\.node.id).sorted()
                == reference.articulation_points)
        let simple = analysis.graph.fullView.undirectedGraph()
        let bridges = simple.bridges().map {
            [analysis.node($0.u).id, analysis.node($0.v).id].sorted()
        }
        .sorted { $0.lexicographicallyPrecedes($1) }
        #expect(bridges == reference.bridges)
    }

    @Test("the ranking puts the bridging bodies first")
    func ranking() {
        let ranked = ConnectorsCommand.ranked(Array(rows.values), by: .betweenness)
        #expect(ranked.prefix(2).map(\.node.id) == ["bali-process", "ad-hoc-group"])
    }
}
