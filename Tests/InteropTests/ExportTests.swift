import BaliGraphKit
import Foundation
import StakeholderModel
import TestSupport
import Testing

@Suite("Export formats")
struct ExportTests {
    static let goldens: [(ExportFormat, String)] = [
        (.graphml, "exported/interop.graphml"), (.gexf, "exported/interop.gexf"),
        (.json, "exported/interop.json"), (.cypher, "exported/interop.cypher"),
        (.dot, "exported/interop.dot"), (.mermaid, "exported/interop.mmd"),
    ]

    @Test("golden exports of the interop fixture", arguments: ExportTests.goldens)
    func golden(format: ExportFormat, file: String) throws {
        let model = try loadModel(Fixture.interop)
        let files = ModelExporter.export(model, to: format)
        #expect(files.count == 1)
        try Golden.check(files[0].text, against: file)
    }

    @Test("golden GraphML and node-link exports of the core model (read by NetworkX)")
    func goldenCore() throws {
        let model = try loadModel(Fixture.core)
        try Golden.check(ModelExporter.graphML(model), against: "exported/core.graphml")
        try Golden.check(ModelExporter.nodeLinkJSON(model), against: "exported/core.json")
    }

    @Test("golden CSV tables of the interop fixture")
    func goldenCSV() throws {
        let tables = ModelExporter.csvTables(try loadModel(Fixture.interop))
        try Golden.check(tables.nodes, against: "exported/csv/nodes.csv")
        try Golden.check(tables.edges, against: "exported/csv/edges.csv")
        try Golden.check(tables.model, against: "exported/csv/model.csv")
    }

    @Test("identical input gives byte-identical output", arguments: ExportFormat.allCases)
    func deterministic(format: ExportFormat) throws {
        let a = ModelExporter.export(try loadModel(Fixture.interop), to: format)
        let b = ModelExporter.export(try loadModel(Fixture.interop), to: format)
        #expect(a == b)
        if FileManager.default.fileExists(atPath: Fixture.bali) {
            let c = ModelExporter.export(try loadModel(Fixture.bali), to: format)
            let d = ModelExporter.export(try loadModel(Fixture.bali), to: format)
            #expect(c == d)
        }
    }

    /// A model with one node whose every text field is `text`.
    func hostileModel(_ text: String) throws -> Model {
        let yaml = """
            format: baligraph/1
            title: \(yamlQuoted(text))
            schema:
              kinds:
                k:
                  label: \(yamlQuoted(text))
                  plural: Ks
              relations:
                r:
                  label: \(yamlQuoted(text))
                  inverse: \(yamlQuoted(text))
            sources:
              - {id: S1, title: \(yamlQuoted(text))}
            nodes:
              - id: a
                kind: k
                name: \(yamlQuoted(text))
                note: \(yamlQuoted(text))
                attributes: {x: \(yamlQuoted(text))}
                sources: [S1]
              - {id: b, kind: k, name: plain, sources: [S1]}
            edges:
              - {from: a, relation: r, to: b, note: \(yamlQuoted(text)), sources: [S1]}

            """
        let result = NativeLoader.load(text: yaml, file: "hostile.yaml")
        return try #require(result.model, "\(result.diagnostics.map(\.formatted))")
    }

    func yamlQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || scalar.properties.generalCategory == .format
                {
                    out += "\\u" + String(format: "%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static let hostile =
        "Robert'); DROP \"x\" \\ `tick` <script>alert(1)</script> & #35; | --> ]] \n"
        + "line2\r\n🦘 \u{202E}gnp.exe \u{2066}iso\u{2069}"

    @Test("Cypher: every string is one escaped literal, invisible characters as \\u escapes")
    func cypherEscaping() throws {
        let text = ModelExporter.cypher(try hostileModel(Self.hostile))
        let escaped =
            "'Robert\\'); DROP \"x\" \\\\ `tick` <script>alert(1)</script> & #35; | --> ]] \\n"
            + "line2\\r\\n🦘 \\u202Egnp.exe \\u2066iso\\u2069'"
        #expect(text.contains("n.name = \(escaped)"))
        #expect(text.contains("n.x = \(escaped)"))
        #expect(text.contains("r.note = \(escaped)"))
        // No raw line break or bidirectional control inside any statement.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .format })
        }
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("MERGE") }.count == 2)
        #expect(text.contains("MERGE (a)-[r:R {relation: 'r', key: 0}]->(b)"))
        #expect(
            text.contains("CREATE CONSTRAINT k_id IF NOT EXISTS FOR (n:K) REQUIRE n.id IS UNIQUE;"))
        // The title goes into a comment without its line break.
        #expect(text.hasPrefix("// Robert'); DROP"))
        #expect(text.split(separator: "\n")[1].hasPrefix("// Load with"))
    }

    @Test("Cypher identifiers: PascalCase labels, UPPER_SNAKE types, back-quotes when needed")
    func cypherIdentifiers() throws {
        let text = ModelExporter.cypher(try loadModel(Fixture.interop))
        #expect(text.contains("MERGE (n:MemberOrganisation {id: '2023-forum'})"))
        #expect(text.contains("-[r:COOPERATES_WITH {relation: 'cooperates-with', key: 0}]->"))
        #expect(text.contains("-[r:CO_CHAIRS {relation: 'co-chairs', key: 1}]->"))
        #expect(text.contains("n.`attr:name` = 'an attribute called name'"))
        #expect(text.contains("n.`json-like` = '[\"looks\",\"like\",\"a list\"]'"))
        #expect(text.contains("n.tags = ['alpha', 'beta']"))
        #expect(text.contains("n.since = '2002-02'"))
    }

    @Test("Mermaid: entity codes, no raw line breaks or invisible characters")
    func mermaidEscaping() throws {
        let text = ModelExporter.mermaid(try hostileModel(Self.hostile))
        let lines = text.split(separator: "\n")
        #expect(lines[1] == "flowchart LR")
        let node = try #require(lines.first { $0.hasPrefix("  n_a[") })
        #expect(
            node
                == "  n_a[\"Robert'); DROP #quot;x#quot; \\ #96;tick#96; #60;script#62;alert(1)#60;/script#62; "
                + "#38; #35;35; #124; --#62; ]] line2 🦘 gnp.exe iso\"]")
        #expect(lines.contains { $0.hasPrefix("  n_a -->|\"Robert'); DROP #quot;x#quot;") })
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .format })
        // The comment holds the title on one line.
        #expect(lines[0].hasPrefix("%% Robert'); DROP"))
    }

    @Test("Mermaid ids never clash with its keywords or each other")
    func mermaidIDs() throws {
        let yaml = """
            format: baligraph/1
            title: t
            schema:
              kinds: {k: {label: K, plural: Ks}}
              relations: {r: {label: r, inverse: r}}
            sources: [{id: S, title: s}]
            nodes:
              - {id: end, kind: k, name: End, sources: [S]}
              - {id: a-b, kind: k, name: A, sources: [S]}
              - {id: a_b, kind: k, name: B, sources: [S]}
              - {id: a.b, kind: k, name: C, sources: [S]}
            edges:
              - {from: end, relation: r, to: a_b, sources: [S]}

            """
        let model = try #require(NativeLoader.load(text: yaml, file: "m.yaml").model)
        let text = ModelExporter.mermaid(model)
        #expect(text.contains("  n_end[\"End\"]\n"))
        #expect(text.contains("  n_a_b[\"A\"]\n  n_a_b_2[\"B\"]\n  n_a_b_3[\"C\"]\n"))
        #expect(text.contains("  n_end -->|\"r\"| n_a_b_2\n"))
    }

    @Test("DOT: quoted, escaped, no control or invisible characters")
    func dotEscaping() throws {
        let text = ModelExporter.dot(try hostileModel(Self.hostile))
        let expected =
            "\"Robert'); DROP \\\"x\\\" \\\\ `tick` <script>alert(1)</script> & #35; | --> ]] \\n"
            + "line2 \\n🦘 gnp.exe iso\""
        #expect(text.contains("\"a\" [label=\(expected), kind=\"k\"];"))
        #expect(text.hasPrefix("digraph \(expected) {\n"))
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .format })
        #expect(text.contains("\"a\" -> \"b\" [relation=\"r\", label=\(expected)];"))
    }

    @Test("XML: characters XML 1.0 cannot carry become U+FFFD; the rest round-trips")
    func xmlControlCharacters() throws {
        let model = try hostileModel("bell\u{7} nul-free \u{1B}[31m red & <b> \"q\" 'a'\ttab\r\n")
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let graphml = ModelExporter.graphML(model)
        #expect(!graphml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        let path = try folder.write("m.graphml", graphml)
        let back = try loadModel(path)
        #expect(
            back.node("a")?.name
                == "bell\u{FFFD} nul-free \u{FFFD}[31m red & <b> \"q\" 'a'\ttab\r\n")
        let gexf = ModelExporter.gexf(model)
        #expect(!gexf.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(
            gexf.contains(
                "label=\"bell\u{FFFD} nul-free \u{FFFD}[31m red &amp; &lt;b&gt; &quot;q&quot; &apos;a&apos;&#9;tab&#13;&#10;\""
            ))
    }

    @Test("the hostile model survives GraphML and CSV round trips exactly")
    func hostileRoundTrip() throws {
        let model = try hostileModel(Self.hostile)
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.write("h.graphml", ModelExporter.graphML(model))
        #expect(differences(model, try loadModel(path)) == [])
        let tables = ModelExporter.csvTables(model)
        _ = try folder.write("nodes.csv", tables.nodes)
        _ = try folder.write("edges.csv", tables.edges)
        _ = try folder.write("model.csv", tables.model)
        #expect(differences(model, try loadModel(folder.path)) == [])
    }

    @Test("GEXF: dynamic, intervals from validity, attributes declared")
    func gexfIntervals() throws {
        let text = ModelExporter.gexf(try loadModel(Fixture.interop))
        #expect(text.contains("<gexf xmlns=\"http://gexf.net/1.3\""))
        #expect(text.contains("version=\"1.3\""))
        #expect(
            text.contains(
                "<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">"))
        #expect(text.contains("<node id=\"australia\" label=\"Australia\" start=\"2002-02-01\">"))
        #expect(text.contains("label=\"Quote") && text.contains("end=\"2012-12-31\">"))
        #expect(text.contains("start=\"2023-03-01\" end=\"2023-03-02\""))
        #expect(text.contains("kind=\"co-chairs\" start=\"2010-01-01\" end=\"2015-06-30\">"))
        #expect(text.contains("<attributes class=\"node\">"))
        #expect(text.contains("<attribute id=\"a7\" title=\"members\" type=\"long\"/>"))
        #expect(text.contains("weight=\"2.5\""))
    }

    @Test("node-link JSON keys are NetworkX 3.6's defaults")
    func nodeLinkShape() throws {
        let text = ModelExporter.nodeLinkJSON(try loadModel(Fixture.interop))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["directed", "multigraph", "graph", "nodes", "edges"])
        #expect(object["directed"] as? Bool == true)
        #expect(object["multigraph"] as? Bool == true)
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(edges.map { $0["key"] as? Int } == [0, 1, 2, 0, 0, 0, 0])
        #expect(edges.allSatisfy { $0["source"] is String && $0["target"] is String })
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.first?["aliases"] as? [String] == ["AUS", "AU"])
        #expect(nodes.first?["attr:name"] as? String == "an attribute called name")
    }

    @Test("the export command: stdout, files, CSV sections, CSV needs a folder")
    func command() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let invocation = Invocation(dataPath: Fixture.core)
        let dot = ExportCommand.run(invocation, to: .dot, output: nil)
        #expect(dot.exitCode == 0)
        #expect(dot.stdout == ModelExporter.dot(try loadModel(Fixture.core)))
        let csv = ExportCommand.run(invocation, to: .csv, output: nil)
        let tables = ModelExporter.csvTables(try loadModel(Fixture.core))
        #expect(
            csv.stdout
                == "# nodes.csv\n\(tables.nodes)# edges.csv\n\(tables.edges)# model.csv\n\(tables.model)"
        )
        let bad = ExportCommand.run(invocation, to: .csv, output: folder.file("x.csv"))
        #expect(bad.exitCode == 64)
        let file = try folder.write("plain", "x")
        let clash = ExportCommand.run(invocation, to: .csv, output: file)
        #expect(clash.exitCode == 1)
        let out = folder.file("deep/er/m.cypher")
        let written = ExportCommand.run(invocation, to: .cypher, output: out)
        #expect(written.exitCode == 0)
        #expect(written.stderr == "wrote \(out) (9 nodes, 10 edges)\n")
        #expect(
            try String(contentsOfFile: out, encoding: .utf8)
                == ModelExporter.cypher(try loadModel(Fixture.core)))
        let missing = ExportCommand.run(
            Invocation(dataPath: "/nonexistent.yaml"), to: .dot, output: nil)
        #expect(missing.exitCode == 1)
    }
}
