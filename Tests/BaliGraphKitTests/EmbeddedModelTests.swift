import Foundation
import StakeholderModel
import Testing

@testable import BaliGraphKit

@Suite("The built-in model")
struct EmbeddedModelTests {
    @Test("the embedded copy is byte-identical to Data/bali-process.yaml (run `make embed`)")
    func inSync() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/bali-process.yaml")
        let file = try String(contentsOf: url, encoding: .utf8)
        #expect(BuiltInModel.text + "\n" == file)
    }

    @Test("it loads without errors or warnings")
    func loads() throws {
        let result = ModelStore.parse(text: BuiltInModel.text, file: BuiltInModel.label)
        #expect(result.diagnostics.map(\.formatted) == [])
        #expect(result.model != nil)
    }
}

/// Field-by-field equality of two models, locations included.
func sameModel(_ a: Model, _ b: Model) -> Bool {
    a.title == b.title && a.asOf == b.asOf && a.description == b.description && a.file == b.file
        && a.schema == b.schema && a.sources == b.sources && a.nodes == b.nodes
        && a.edges == b.edges
}

@Suite("The compact built-in form")
struct ModelCodecTests {
    @Test("the compiled-in snapshot decodes to exactly the model the YAML gives (run `make embed`)")
    func snapshotInSync() throws {
        let parsed = try #require(
            ModelStore.parse(text: BuiltInModel.text, file: BuiltInModel.label).model)
        let decoded = try ModelCodec.decode(EmbeddedSnapshot.text)
        #expect(sameModel(parsed, decoded))
        #expect(BuiltInModel.load().diagnostics.isEmpty)
    }

    @Test("encode then decode is the identity, hostile names and empty values included")
    func roundTrip() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent()
        for name in ["hostile.yaml", "core.yaml"] {
            let text = try String(
                contentsOf: root.appendingPathComponent("Fixtures/models/\(name)"), encoding: .utf8)
            let model = try #require(ModelStore.parse(text: text, file: name).model)
            #expect(sameModel(model, try ModelCodec.decode(ModelCodec.encode(model))), "\(name)")
        }
        let tricky = """
            format: baligraph/1
            title: "t|ab\\tle`s\\\\ and \\n"
            schema:
              kinds: {k: {label: "K|`", plural: Ks}}
              relations: {r: {label: "a\\tb", inverse: "c|d"}}
            sources: [{id: S1, title: "x"}]
            nodes:
              - {id: a, kind: k, name: "A", aliases: ["", "x|y", "`"], sources: [S1],
                 attributes: {e: [], f: [""], g: "", h: ["a`b", "c|d"]}}
              - {id: b, kind: k, name: "B\\\\n", sources: [S1], note: "", since: "2020-02-29"}
            edges: [{from: a, relation: r, to: b, sources: [S1], attributes: {w: "1"}}]
            """
        let model = try #require(ModelStore.parse(text: tricky, file: "t.yaml").model)
        #expect(sameModel(model, try ModelCodec.decode(ModelCodec.encode(model))))
    }

    @Test("a corrupted encoding is an error, not a crash")
    func corrupted() {
        #expect(throws: ModelCodec.DecodingError.self) { try ModelCodec.decode("nonsense") }
        #expect(throws: ModelCodec.DecodingError.self) {
            try ModelCodec.decode(ModelCodec.header + "\nN\tx")
        }
        #expect(throws: ModelCodec.DecodingError.self) {
            try ModelCodec.decode(ModelCodec.header + "\nQ\tx")
        }
    }
}
