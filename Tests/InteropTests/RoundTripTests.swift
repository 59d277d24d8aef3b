import BaliGraphKit
import Foundation
import StakeholderModel
import Testing

@Suite("Round trips: native → format → native gives the same model")
struct RoundTripTests {
    @Test("native → GraphML → native", arguments: Fixture.nativeModels)
    func graphML(path: String) throws {
        let original = try loadModel(path)
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let file = try folder.write("model.graphml", ModelExporter.graphML(original))
        let back = try loadModel(file)
        #expect(differences(original, back) == [])
        // And once more: the second export is byte-identical to the first.
        #expect(ModelExporter.graphML(back) == ModelExporter.graphML(original))
    }

    @Test("native → CSV folder → native", arguments: Fixture.nativeModels)
    func csv(path: String) throws {
        let original = try loadModel(path)
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let tables = ModelExporter.csvTables(original)
        _ = try folder.write("nodes.csv", tables.nodes)
        _ = try folder.write("edges.csv", tables.edges)
        _ = try folder.write("model.csv", tables.model)
        let back = try loadModel(folder.path)
        #expect(differences(original, back) == [])
        let again = ModelExporter.csvTables(back)
        #expect(
            again.nodes == tables.nodes && again.edges == tables.edges
                && again.model == tables.model)
    }

    @Test("native → CSV → native through the export command and --data DIR")
    func csvThroughCommand() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let out = folder.file("tables")
        let result = ExportCommand.run(
            Invocation(dataPath: Fixture.interop), to: .csv, output: out)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("nodes.csv, edges.csv, model.csv"))
        let back = try loadModel(out)
        #expect(differences(try loadModel(Fixture.interop), back) == [])
    }

    @Test("native → GraphML → native through the export command")
    func graphMLThroughCommand() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let out = folder.file("m.graphml")
        let result = ExportCommand.run(
            Invocation(dataPath: Fixture.core), to: .graphml, output: out)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(differences(try loadModel(Fixture.core), try loadModel(out)) == [])
    }

    @Test("CSV tables without model.csv still load the same graph, with a derived schema")
    func csvWithoutMeta() throws {
        let original = try loadModel(Fixture.interop)
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let tables = ModelExporter.csvTables(original)
        let nodes = try folder.write("nodes.csv", tables.nodes)
        let edges = try folder.write("edges.csv", tables.edges)
        let back = try loadModel(edges, nodes: nodes)
        #expect(back.nodes.map(\.id) == original.nodes.map(\.id))
        #expect(back.nodes.map(\.name) == original.nodes.map(\.name))
        #expect(back.nodes.map(\.kind) == original.nodes.map(\.kind))
        #expect(
            back.nodes.map { $0.attributes.map(\.value) }
                == original.nodes.map { $0.attributes.map(\.value) })
        #expect(back.edges.map(\.relation) == original.edges.map(\.relation))
        #expect(back.edges.map(\.validity) == original.edges.map(\.validity))
        // The schema is derived: labels from ids, sources declared with their id as title.
        #expect(back.schema.kind("member-organisation")?.label == "Member organisation")
        #expect(back.sources.map(\.id) == ["S1", "S2"])
        #expect(back.title == "Imported from edges.csv")
    }

    @Test("--as-of exports the snapshot")
    func asOfExport() throws {
        let result = ExportCommand.run(
            Invocation(dataPath: Fixture.interop, asOf: PartialDate("2016")), to: .json,
            output: nil)
        #expect(result.exitCode == 0)
        // 'hostile' ended in 2012 and the 2023 forum did not exist yet.
        #expect(!result.stdout.contains("\"id\": \"hostile\""))
        #expect(!result.stdout.contains("\"id\": \"2023-forum\""))
        #expect(result.stdout.contains("\"id\": \"australia\""))
    }

    @Test("filters keep kinds and relations; unknown names are usage errors")
    func filters() throws {
        let model = try loadModel(Fixture.interop)
        let groups = try ExportFilter(kinds: ["group"]).apply(to: model).get()
        #expect(groups.nodes.map(\.id) == ["wg", "sg"])
        #expect(groups.edges.map(\.relation) == ["part-of"])
        let members = try ExportFilter(relations: ["member-of"]).apply(to: model).get()
        #expect(members.nodes.count == model.nodes.count)
        #expect(Set(members.edges.map(\.relation)) == ["member-of"])
        let bad = ExportCommand.run(
            Invocation(dataPath: Fixture.interop), to: .dot, output: nil,
            filter: ExportFilter(kinds: ["grup"]))
        #expect(bad.exitCode == 64)
        #expect(bad.stderr.contains("unknown kind 'grup'"))
        #expect(bad.stderr.contains("did you mean 'group'?"))
    }
}
