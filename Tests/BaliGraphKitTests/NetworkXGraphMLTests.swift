import Foundation
import StakeholderModel
import Testing

@testable import BaliGraphKit

/// GraphML files written by NetworkX load, and `connectors` on them matches NetworkX's values
/// (the engine's reference fixtures, computed by NetworkX on the same graphs).
@Suite("connectors on NetworkX's GraphML matches NetworkX")
struct NetworkXGraphMLTests {
    struct Reference: Decodable {
        var nodes: [String]
        var betweenness: [Double]
        var closeness: [Double]
        var degree: [Double]
        var constraint: [Double?]
        var effective_size: [Double?]
    }

    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("karate club and Davis Southern Women", arguments: ["karate", "davis"])
    func matches(name: String) throws {
        let graphml = Self.tests.appendingPathComponent(
            "InteropTests/Fixtures/networkx/\(name).graphml"
        ).path
        let result = ModelImporter.load(path: graphml, format: nil, nodesPath: nil)
        let model = try #require(result.model, "\(result.diagnostics.map(\.formatted))")
        let reference = try JSONDecoder().decode(
            Reference.self,
            from: Data(
                contentsOf: Self.tests.appendingPathComponent(
                    "GraphEngineTests/Fixtures/\(name).json")))
        let rows = ConnectorsCommand.measures(AnalysisGraph(model: model), options: .init())
        // Imported ids are slugs; the original NetworkX id is kept as the attribute graphml_id.
        var byOriginal: [String: ConnectorRow] = [:]
        for row in rows {
            let original = model.node(row.node.id)?.attribute("graphml_id")?.text ?? row.node.id
            byOriginal[original] = row
        }
        #expect(byOriginal.count == reference.nodes.count)
        for (i, id) in reference.nodes.enumerated() {
            let row = try #require(byOriginal[id], "\(id)")
            #expect(
                abs(row.betweenness - reference.betweenness[i]) < 1e-9, "\(name) betweenness \(id)")
            #expect(abs(row.closeness - reference.closeness[i]) < 1e-9, "\(name) closeness \(id)")
            #expect(abs(row.degreeCentrality - reference.degree[i]) < 1e-9, "\(name) degree \(id)")
            if let c = reference.constraint[i] {
                #expect(abs(row.constraint - c) < 1e-9, "\(name) constraint \(id)")
            }
            if let e = reference.effective_size[i] {
                #expect(abs(row.effectiveSize - e) < 1e-9, "\(name) effective size \(id)")
            }
        }
    }
}
