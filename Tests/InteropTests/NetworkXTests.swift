import BaliGraphKit
import Foundation
import StakeholderModel
import Testing

/// What NetworkX sees in our GraphML and node-link exports, checked without Python: the
/// committed `exported/networkx-summary.txt` was written by
/// `Fixtures/check_networkx_roundtrip.py` from the committed golden exports, and this suite
/// derives the same summary from the models, by the documented rules of the exporters.
@Suite("NetworkX reads our exports")
struct NetworkXTests {
    typealias Value = PythonJSON.Value

    /// The documented typing rule: canonical integers are `long`, canonical decimals
    /// `double` (NetworkX reads them as `int` and `float`), everything else a string.
    static func type(of key: String, in lists: [[(key: String, value: AttributeValue)]]) -> String {
        var long = true
        var double = true
        var any = false
        for list in lists {
            guard let v = list.first(where: { $0.key == key })?.value else { continue }
            guard case .string(let s) = v else { return "string" }
            any = true
            let isLong = Int(s).map(String.init) == s
            let isDecimal =
                Double(s).map { "\($0)" == s && (s.contains(".") || s.contains("e")) } ?? false
            long = long && isLong
            double = double && (isLong || isDecimal)
        }
        return !any ? "string" : long ? "long" : double ? "double" : "string"
    }

    static func attributeValues(
        _ list: [(key: String, value: AttributeValue)],
        all: [[(key: String, value: AttributeValue)]], reserved: Set<String>, json: Bool
    ) -> [(String, Value)] {
        list.map { a in
            let name = InteropCoding.attributeName(a.key, reserved: reserved)
            switch a.value {
            case .list(let l):
                return (name, json ? .strings(l) : .string(InteropCoding.encodeList(l)))
            case .string(let s):
                let t = type(of: a.key, in: all)
                if t != "string" { return (name, .number(s)) }
                return (name, .string(json ? s : InteropCoding.encodeScalar(s)))
            }
        }
    }

    static func byPython(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            return Array(x.unicodeScalars.map(\.value)).lexicographicallyPrecedes(
                y.unicodeScalars.map(\.value))
        }
        return a.count < b.count
    }

    /// The lines the script prints for one model exported as GraphML.
    static func graphMLSummary(_ model: Model, tag: String) -> [String] {
        var pairs = Set<String>()
        var multigraph = false
        for e in model.edges where !pairs.insert(e.from + "\u{0}" + e.to).inserted {
            multigraph = true
        }
        var lines = [
            "\(tag) directed=True multigraph=\(multigraph ? "True" : "False") nodes=\(model.nodes.count) edges=\(model.edges.count)"
        ]
        var graph: [(String, Value)] = [
            ("format", .string(Model.formatVersion)),
            ("title", .string(InteropCoding.encodeScalar(model.title))),
            ("schema", .string(InteropCoding.schemaJSON(model.schema))),
            ("sources", .string(InteropCoding.sourcesJSON(model.sources))),
            ("node_default", .raw("{}")), ("edge_default", .raw("{}")),
        ]
        if let asOf = model.asOf { graph.append(("as_of", .string(asOf.description))) }
        if let d = model.description {
            graph.append(("description", .string(InteropCoding.encodeScalar(d))))
        }
        lines.append("\(tag) graph \(PythonJSON.object(graph))")
        let nodeAttrs = model.nodes.map(\.attributes)
        for node in model.nodes {
            var d: [(String, Value)] = [
                ("kind", .string(node.kind)), ("name", .string(node.name)),
                ("label", .string(node.name)),
                ("confidence", .string(node.confidence.rawValue)),
            ]
            if let s = node.short { d.append(("short", .string(InteropCoding.encodeScalar(s)))) }
            if !node.aliases.isEmpty {
                d.append(("aliases", .string(InteropCoding.encodeList(node.aliases))))
            }
            if let a = node.article {
                d.append(("article", .string(InteropCoding.encodeScalar(a))))
            }
            if !node.sources.isEmpty {
                d.append(("sources", .string(InteropCoding.encodeList(node.sources))))
            }
            if let n = node.note { d.append(("note", .string(InteropCoding.encodeScalar(n)))) }
            if let s = node.validity.since { d.append(("since", .string(s.description))) }
            if let u = node.validity.until { d.append(("until", .string(u.description))) }
            d += attributeValues(
                node.attributes, all: nodeAttrs, reserved: InteropCoding.reservedNodeNames,
                json: false)
            lines.append("\(tag) node \(PythonJSON.string(node.id)) \(PythonJSON.object(d))")
        }
        let edgeAttrs = model.edges.map(\.attributes)
        var edgeLines: [([String], String)] = []
        for (i, edge) in model.edges.enumerated() {
            var d: [(String, Value)] = [
                ("relation", .string(edge.relation)),
                ("confidence", .string(edge.confidence.rawValue)),
            ]
            if let label = model.schema.relation(edge.relation)?.label {
                d.append(("label", .string(label)))
            }
            if !edge.sources.isEmpty {
                d.append(("sources", .string(InteropCoding.encodeList(edge.sources))))
            }
            if let n = edge.note { d.append(("note", .string(InteropCoding.encodeScalar(n)))) }
            if let s = edge.validity.since { d.append(("since", .string(s.description))) }
            if let u = edge.validity.until { d.append(("until", .string(u.description))) }
            d += attributeValues(
                edge.attributes, all: edgeAttrs, reserved: InteropCoding.reservedEdgeNames,
                json: false)
            let key: String
            if multigraph {
                key = PythonJSON.string("e\(i)")
            } else {
                key = "null"
                d.append(("id", .string("e\(i)")))
            }
            edgeLines.append(
                (
                    [edge.from, edge.to, multigraph ? "e\(i)" : "None"],
                    "\(tag) edge \(PythonJSON.string(edge.from)) \(PythonJSON.string(edge.to)) \(key) \(PythonJSON.object(d))"
                ))
        }
        lines += edgeLines.sorted { byPython($0.0, $1.0) }.map(\.1)
        return lines
    }

    /// The lines the script prints for one model exported as node-link JSON.
    static func nodeLinkSummary(_ model: Model, tag: String) -> [String] {
        var lines = [
            "\(tag) directed=True multigraph=True nodes=\(model.nodes.count) edges=\(model.edges.count)"
        ]
        var graph: [(String, Value)] = [
            ("format", .string(Model.formatVersion)), ("title", .string(model.title)),
        ]
        if let asOf = model.asOf { graph.append(("as_of", .string(asOf.description))) }
        if let d = model.description { graph.append(("description", .string(d))) }
        lines.append("\(tag) graph \(PythonJSON.object(graph))")
        let nodeAttrs = model.nodes.map(\.attributes)
        for node in model.nodes {
            var d: [(String, Value)] = [
                ("kind", .string(node.kind)), ("name", .string(node.name)),
                ("confidence", .string(node.confidence.rawValue)),
            ]
            if let s = node.short { d.append(("short", .string(s))) }
            if !node.aliases.isEmpty { d.append(("aliases", .strings(node.aliases))) }
            if let a = node.article { d.append(("article", .string(a))) }
            if !node.sources.isEmpty { d.append(("sources", .strings(node.sources))) }
            if let n = node.note { d.append(("note", .string(n))) }
            if let s = node.validity.since { d.append(("since", .string(s.description))) }
            if let u = node.validity.until { d.append(("until", .string(u.description))) }
            d += attributeValues(
                node.attributes, all: nodeAttrs, reserved: InteropCoding.reservedNodeNames,
                json: true)
            lines.append("\(tag) node \(PythonJSON.string(node.id)) \(PythonJSON.object(d))")
        }
        let edgeAttrs = model.edges.map(\.attributes)
        var seen: [String: Int] = [:]
        var edgeLines: [([String], String)] = []
        for edge in model.edges {
            let pair = edge.from + "\u{0}" + edge.to
            let key = seen[pair, default: 0]
            seen[pair] = key + 1
            var d: [(String, Value)] = [
                ("relation", .string(edge.relation)),
                ("confidence", .string(edge.confidence.rawValue)),
            ]
            if let label = model.schema.relation(edge.relation)?.label {
                d.append(("label", .string(label)))
            }
            if !edge.sources.isEmpty { d.append(("sources", .strings(edge.sources))) }
            if let n = edge.note { d.append(("note", .string(n))) }
            if let s = edge.validity.since { d.append(("since", .string(s.description))) }
            if let u = edge.validity.until { d.append(("until", .string(u.description))) }
            d += attributeValues(
                edge.attributes, all: edgeAttrs, reserved: InteropCoding.reservedEdgeNames,
                json: true)
            edgeLines.append(
                (
                    [edge.from, edge.to, String(key)],
                    "\(tag) edge \(PythonJSON.string(edge.from)) \(PythonJSON.string(edge.to)) \(key) \(PythonJSON.object(d))"
                ))
        }
        lines += edgeLines.sorted { byPython($0.0, $1.0) }.map(\.1)
        lines.append(
            "\(tag) schema kinds=\(model.schema.kinds.count) relations=\(model.schema.relations.count) sources=\(model.sources.count)"
        )
        return lines
    }

    static func summary() throws -> String {
        var lines = ["networkx 3"]
        for (name, path) in [("core", Fixture.core), ("interop", Fixture.interop)] {
            let model = try loadModel(path)
            lines += graphMLSummary(model, tag: "\(name).graphml")
            lines += nodeLinkSummary(model, tag: "\(name).json")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("the summary NetworkX printed matches what our exports should say")
    func summaryMatches() throws {
        let expected = try String(
            contentsOfFile: Fixture.path("exported/networkx-summary.txt"), encoding: .utf8)
        let actual = try Self.summary()
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for (x, y) in zip(e, a) where x != y {
            Issue.record("first difference:\nNetworkX: \(x)\nexpected: \(y)")
            break
        }
        #expect(e.count == a.count)
    }

    @Test("when python3 with networkx is here, the committed summary is current")
    func liveNetworkX() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let python else { return }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import networkx"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { return }
        let run = Process()
        run.executableURL = URL(fileURLWithPath: python)
        run.arguments = [Fixture.path("check_networkx_roundtrip.py")]
        let pipe = Pipe()
        run.standardOutput = pipe
        try run.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        let committed = try String(
            contentsOfFile: Fixture.path("exported/networkx-summary.txt"), encoding: .utf8)
        #expect(String(decoding: data, as: UTF8.self) == committed)
    }
}
