import Foundation
import StakeholderModel
import Testing

@Suite("GraphML import")
struct GraphMLImportTests {
    /// The counts and values NetworkX reported when it wrote the fixtures.
    static let expected: [String] = {
        let text =
            (try? String(contentsOfFile: Fixture.path("networkx/expected.txt"), encoding: .utf8))
            ?? ""
        return text.split(separator: "\n").map(String.init)
    }()

    @Test("the karate club as NetworkX writes it: 34 nodes, 78 undirected weighted edges")
    func karate() throws {
        let model = try loadModel(Fixture.path("networkx/karate.graphml"))
        #expect(Self.expected.contains("karate nodes=34 edges=78 directed=False"))
        #expect(model.nodes.count == 34)
        #expect(model.edges.count == 78)
        #expect(model.title == "Zachary's Karate Club")
        #expect(model.nodes.map(\.id) == (0..<34).map(String.init))
        #expect(model.nodes.allSatisfy { $0.kind == "node" && $0.name == $0.id })
        #expect(model.node("0")?.attribute("club") == .string("Mr. Hi"))
        #expect(model.node("33")?.attribute("club") == .string("Officer"))
        #expect(Self.expected.contains("karate club[0]=Mr. Hi club[33]=Officer"))
        // Undirected graph: one symmetric relation, each edge once.
        #expect(model.schema.relations.map(\.id) == ["linked-to"])
        #expect(model.schema.relations[0].symmetric)
        #expect(model.schema.relations[0].label == "is linked to")
        #expect(model.schema.relations[0].inverse == "is linked to")
        let first = try #require(model.edges.first)
        #expect(first.from == "0" && first.to == "1")
        #expect(first.attributes.first { $0.key == "weight" }?.value == .string("4"))
        let total = model.edges.compactMap { e in
            e.attributes.first { $0.key == "weight" }.flatMap { Int($0.value.text) }
        }.reduce(0, +)
        #expect(Self.expected.contains("karate weight(0,1)=4 total_weight=\(total)"))
        // Everything cites the one synthetic source.
        #expect(model.sources.map(\.id) == ["import"])
        #expect(model.sources[0].title == "Imported from karate.graphml")
        #expect(model.nodes.allSatisfy { $0.sources == ["import"] })
        #expect(model.edges.allSatisfy { $0.sources == ["import"] })
        #expect(model.schema.kinds.map(\.id) == ["node"])
        #expect(model.schema.kinds[0].label == "Node")
    }

    @Test("Davis Southern Women: names as ids become slugs, the original is kept")
    func davis() throws {
        let result = ModelImporter.load(
            path: Fixture.path("networkx/davis.graphml"), format: nil, nodesPath: nil)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let model = try #require(result.model)
        #expect(Self.expected.contains("davis nodes=32 edges=89 directed=False"))
        #expect(model.nodes.count == 32)
        #expect(model.edges.count == 89)
        let evelyn = try #require(model.node("evelyn-jefferson"))
        #expect(evelyn.name == "Evelyn Jefferson")
        #expect(evelyn.attribute("graphml_id") == .string("Evelyn Jefferson"))
        #expect(evelyn.attribute("bipartite") == .string("0"))
        #expect(model.node("e1")?.attribute("graphml_id") == .string("E1"))
        #expect(model.node("e1")?.name == "E1")
        let women = model.nodes.filter { $0.attribute("bipartite") == .string("0") }.count
        let events = model.nodes.filter { $0.attribute("bipartite") == .string("1") }.count
        let degree = model.edges.filter {
            $0.from == "evelyn-jefferson" || $0.to == "evelyn-jefferson"
        }.count
        #expect(
            Self.expected.contains(
                "davis women=\(women) events=\(events) degree(Evelyn Jefferson)=\(degree)"))
        #expect(model.title == "Davis Southern Women")
    }

    @Test("yEd: labels from the graphics, groups flattened, empty data ignored")
    func yed() throws {
        let model = try loadModel(Fixture.path("graphml/yed.graphml"))
        #expect(model.nodes.map(\.id) == ["n0", "n1", "n1-n0"])
        #expect(model.nodes.map(\.name) == ["Ministry A", "Task Force", "Agency B"])
        #expect(model.node("n0")?.attribute("url") == .string("https://example.org/ministry"))
        #expect(model.node("n0")?.attribute("description") == nil)
        #expect(model.node("n1")?.attribute("description") == .string("A group & its members"))
        #expect(model.node("n1-n0")?.attribute("graphml_parent") == .string("n1"))
        #expect(model.node("n1-n0")?.attribute("graphml_id") == .string("n1::n0"))
        #expect(model.edges.map(\.relation) == ["chairs", "linked-to"])
        #expect(model.edges.map(\.to) == ["n1", "n0"])
        #expect(model.schema.relation("chairs")?.symmetric == false)
        #expect(model.schema.relation("linked-to")?.inverse == "is linked from")
        #expect(model.edges[0].attributes.first { $0.key == "graphml_id" }?.value == .string("e0"))
    }

    @Test("Gephi: label is the name, typed numbers kept as written, undirected")
    func gephi() throws {
        let model = try loadModel(Fixture.path("graphml/gephi.graphml"))
        #expect(model.nodes.map(\.name) == ["Myriel", "Napoleon", "Mlle.Baptistine"])
        #expect(model.node("0")?.attribute("Modularity Class") == .string("0"))
        #expect(model.node("0")?.attribute("x") == .string("-18.133495"))
        #expect(model.edges.count == 2)
        #expect(
            model.edges[1].attributes.first { $0.key == "Edge Label" }?.value == .string("siblings")
        )
        #expect(model.schema.relations.map(\.symmetric) == [true])
    }

    @Test("igraph: kinds and relations from kind and type, defaults, graph data")
    func igraph() throws {
        let model = try loadModel(Fixture.path("graphml/igraph.graphml"))
        #expect(model.title == "Small ministries")
        #expect(model.description == "year: 2024")
        #expect(model.schema.kinds.map(\.id) == ["ministry", "agency", "node"])
        #expect(model.schema.kinds.map(\.label) == ["Ministry", "Agency", "Node"])
        #expect(model.schema.kinds.map(\.plural) == ["Ministrys", "Agencys", "Nodes"])
        #expect(model.nodes.map(\.kind) == ["ministry", "agency", "node"])
        #expect(model.node("n0")?.name == "Ministère des Affaires étrangères")
        // The key's default applies where a node has no value.
        #expect(model.node("n0")?.attribute("active") == .string("true"))
        #expect(model.node("n1")?.attribute("active") == .string("false"))
        #expect(model.schema.relations.map(\.id) == ["reports-to", "member-of", "cooperates"])
        #expect(model.schema.relations.map(\.label) == ["reports to", "Member of", "cooperates"])
        #expect(model.schema.relations.map(\.symmetric) == [false, false, true])
        #expect(model.schema.relation("reports-to")?.inverse == "has 'reports to' from")
    }

    // MARK: Malformed input

    func write(_ text: String, name: String = "bad.graphml") throws -> (String, TemporaryFolder) {
        let folder = try TemporaryFolder()
        return (try folder.write(name, text), folder)
    }

    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="d0" for="node" attr.name="kind" attr.type="string"/>
          <key id="d1" for="node" attr.name="age" attr.type="int"/>
          <graph edgedefault="directed">

        """

    @Test("broken XML: a located syntax error")
    func brokenXML() throws {
        let (path, folder) = try write(
            Self.header + "    <node id=\"a\">\n    </nod>\n  </graph>\n</graphml>\n")
        defer { folder.cleanup() }
        let errors = loadErrors(path)
        #expect(errors.count == 1)
        #expect(errors.first?.code == .syntax)
        #expect(errors.first?.location.line == 7)
        #expect(errors.first?.message.contains("closing tag does not match") == true)
    }

    @Test("a DOCTYPE (billion laughs) is refused before parsing")
    func billionLaughs() throws {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <graphml><graph><node id="&lol3;"/></graph></graphml>
            """
        let (path, folder) = try write(bomb)
        defer { folder.cleanup() }
        let errors = loadErrors(path)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("DOCTYPE") == true)
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.location.column == 1)
    }

    @Test("an external entity is refused too")
    func externalEntity() throws {
        let (path, folder) = try write(
            "<?xml version=\"1.0\"?>\n<!-- x -->\n<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<graphml/>"
        )
        defer { folder.cleanup() }
        let errors = loadErrors(path)
        #expect(errors.first?.message.contains("DOCTYPE") == true)
        #expect(errors.first?.location.line == 3)
    }

    @Test("Latin-1 bytes: an encoding error at the byte's line and column")
    func latin1() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        var bytes = Array((Self.header + "    <node id=\"caf").utf8)
        bytes.append(0xE9)
        bytes += Array("\"/>\n  </graph>\n</graphml>\n".utf8)
        let path = try folder.write("latin1.graphml", bytes: bytes)
        let errors = loadErrors(path)
        #expect(errors.count == 1)
        #expect(errors.first?.code == .encoding)
        #expect(errors.first?.location.line == 6)
        #expect(errors.first?.location.column == 18)
        #expect(errors.first?.message.contains("0xE9") == true)
    }

    @Test("a declared encoding other than UTF-8 is an error")
    func declaredEncoding() throws {
        let (path, folder) = try write(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml><graph/></graphml>\n")
        defer { folder.cleanup() }
        let errors = loadErrors(path)
        #expect(errors.first?.code == .encoding)
        #expect(errors.first?.message.contains("ISO-8859-1") == true)
        #expect(errors.first?.location.column == 31)
    }

    @Test("UTF-16 is refused with a clear message")
    func utf16() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.write(
            "u16.graphml", bytes: [0xFF, 0xFE] + Array("<".utf8) + [0])
        let errors = loadErrors(path)
        #expect(errors.first?.message.contains("UTF-16") == true)
    }

    @Test("an edge to a missing node: located at the attribute, with a suggestion")
    func missingNode() throws {
        let (path, folder) = try write(
            Self.header + """
                    <node id="alpha"/>
                    <node id="beta"/>
                    <edge source="alpha" target="betta"/>
                  </graph>
                </graphml>

                """)
        defer { folder.cleanup() }
        let errors = loadErrors(path)
        #expect(errors.count == 1)
        let e = try #require(errors.first)
        #expect(e.code == .unknownNode)
        #expect(e.location.line == 8)
        #expect(e.location.column == 34)
        #expect(e.notes.contains("did you mean 'beta'?"))
    }

    @Test("undeclared keys and values that do not fit their type are errors")
    func keysAndTypes() throws {
        let (path, folder) = try write(
            Self.header + """
                    <node id="a"><data key="d1">forty</data></node>
                    <node id="b"><data key="d9">x</data></node>
                  </graph>
                </graphml>

                """)
        defer { folder.cleanup() }
        let errors = loadErrors(path)
        #expect(errors.map(\.code) == [.invalidValue, .unknownKey])
        #expect(errors[0].message.contains("'forty'"))
        #expect(errors[0].location.line == 6)
        #expect(errors[1].message.contains("'d9'"))
    }

    @Test("a GEXF file is not GraphML")
    func notGraphML() throws {
        let (path, folder) = try write(
            "<?xml version=\"1.0\"?>\n<gexf version=\"1.3\"><graph/></gexf>\n")
        defer { folder.cleanup() }
        let errors = loadErrors(path)
        #expect(errors.first?.message.contains("<gexf>") == true)
        #expect(errors.first?.location.line == 2)
    }

    @Test("hyperedges are skipped with a warning; self-loops are errors as in native models")
    func hyperedgesAndLoops() throws {
        let (path, folder) = try write(
            Self.header + """
                    <node id="a"/><node id="b"/>
                    <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>
                    <edge source="a" target="a"/>
                  </graph>
                </graphml>

                """)
        defer { folder.cleanup() }
        let result = ModelImporter.load(path: path, format: nil, nodesPath: nil)
        #expect(result.model == nil)
        #expect(result.diagnostics.map(\.code) == [.unknownKey, .selfLoop])
        #expect(result.diagnostics[0].severity == .warning)
    }

    @Test("our own GraphML with a damaged schema is located")
    func damagedOwnSchema() throws {
        let original = try String(
            contentsOfFile: Fixture.path("exported/interop.graphml"), encoding: .utf8)
        let damaged = original.replacingOccurrences(
            of: "<data key=\"g_schema\">{", with: "<data key=\"g_schema\">{{")
        let (path, folder) = try write(damaged)
        defer { folder.cleanup() }
        let errors = loadErrors(path)
        #expect(errors.first?.code == .invalidValue)
        #expect(errors.first?.message.contains("'schema'") == true)
    }

    @Test("files that are missing or have an unknown extension")
    func missingFiles() throws {
        let missing = loadErrors("/nonexistent/model.graphml")
        #expect(missing.first?.message.contains("no such file") == true)
        let unknown = loadErrors("/nonexistent/model.txt")
        #expect(unknown.first?.code == .unsupportedFormat)
        let explicit = ModelImporter.load(
            path: Fixture.path("networkx/karate.graphml"), format: .graphml, nodesPath: nil)
        #expect(explicit.model != nil)
    }
}
