import Foundation
import StakeholderModel
import Testing

@testable import BaliGraphKit

@Suite("connectors on a lean edge list")
struct LargeGraphTests {
    /// A small random affiliation graph as a CSV edge list.
    func csv(seed: UInt64, edges: Int) -> String {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var text = "source,target,relation\n"
        for _ in 0..<edges {
            text += "m\(next(40)),b\(next(8)),\(next(3) == 0 ? "co-chairs" : "member-of")\n"
        }
        return text
    }

    @Test(
        "the lean path gives the same measures as the model path", arguments: [1, 2, 3] as [UInt64])
    func sameAsModel(seed: UInt64) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lean-\(getpid())-\(seed)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("edges.csv").path
        try csv(seed: seed, edges: 150).write(toFile: path, atomically: true, encoding: .utf8)

        let table = try ModelImporter.loadEdgeList(path: path).get()
        var options = ConnectorsCommand.Options()
        options.exact = true
        let lean = try ConnectorsCommand.largeGraphRows(table, options: options).get().rows
        let model = try #require(ModelImporter.load(path: path, format: nil, nodesPath: nil).model)
        let full = ConnectorsCommand.measures(AnalysisGraph(model: model), options: options)
        // The model path slugs names into ids and keeps the original as the name.
        let byName = Dictionary(uniqueKeysWithValues: full.map { ($0.node.name, $0) })
        #expect(lean.count == full.count)
        for row in lean {
            let other = try #require(byName[row.node.name], "\(row.node.name)")
            #expect(abs(row.betweenness - other.betweenness) < 1e-12)
            #expect(abs(row.closeness - other.closeness) < 1e-12)
            #expect(row.degree == other.degree)
            #expect(row.articulationPoint == other.articulationPoint)
            #expect(
                abs(row.constraint - other.constraint) < 1e-12
                    || (row.constraint.isNaN && other.constraint.isNaN))
        }
        options.relations = ["co-chairs"]
        let filtered = try ConnectorsCommand.largeGraphRows(table, options: options).get().rows
        #expect(filtered.map(\.degree).reduce(0, +) < lean.map(\.degree).reduce(0, +))
    }

    @Test("a large graph without --sample is refused with what to do; kinds are refused")
    func limits() throws {
        let names = (0..<(ConnectorsCommand.exactLimit + 1)).map { "n\($0)" }
        let table = EdgeListTable(
            names: names, sources: [0], targets: [1], relations: [0], relationNames: ["linked-to"])
        guard case .failure(let e) = ConnectorsCommand.largeGraphRows(table, options: .init())
        else {
            Issue.record("expected a refusal")
            return
        }
        #expect(e.notes.joined().contains("--sample"))
        var options = ConnectorsCommand.Options()
        options.kinds = ["state"]
        guard case .failure(let k) = ConnectorsCommand.largeGraphRows(table, options: options)
        else {
            Issue.record("expected a refusal")
            return
        }
        #expect(k.exitCode == 64)
    }
}
