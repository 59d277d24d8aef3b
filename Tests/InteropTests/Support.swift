import BaliGraphKit
import Foundation
import StakeholderModel
import TestSupport
import Testing

/// Paths of the fixtures, relative to this file.
enum Fixture {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let folder = here.appendingPathComponent("Fixtures")
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        folder.appendingPathComponent(relative).path
    }

    /// The shared model fixtures of the repository (`Tests/Fixtures/models`).
    static let core = repository.appendingPathComponent("Tests/Fixtures/models/core.yaml").path
    /// The built-in Bali Process model, when it exists.
    static let bali = repository.appendingPathComponent("Data/bali-process.yaml").path
    /// The interop fixture with every field and hostile text.
    static let interop = path("models/interop.yaml")

    /// The native models the round-trip tests use (those that exist).
    static var nativeModels: [String] {
        [core, interop, bali].filter { FileManager.default.fileExists(atPath: $0) }
    }
}

/// A fresh temporary folder, removed by the caller with `cleanup()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("interop-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func write(_ name: String, _ text: String) throws -> String {
        let p = file(name)
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let p = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

/// Golden files named relative to this target's fixtures (see TestSupport's `Golden`).
extension Golden {
    static func check(
        _ actual: String, against name: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        try check(
            actual, against: Fixture.folder.appendingPathComponent(name),
            sourceLocation: sourceLocation)
    }
}

/// Loads a model or fails the test with its diagnostics.
func loadModel(
    _ path: String, format: InputFormat? = nil, nodes: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Model {
    let result = ModelImporter.load(path: path, format: format, nodesPath: nodes)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(
        errors.isEmpty, "\(errors.map(\.formatted).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    return try #require(result.model, sourceLocation: sourceLocation)
}

/// The errors of a load that must fail.
func loadErrors(
    _ path: String, format: InputFormat? = nil, nodes: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    let result = ModelImporter.load(path: path, format: format, nodesPath: nodes)
    #expect(result.model == nil, "the load should fail", sourceLocation: sourceLocation)
    return result.diagnostics.filter { $0.severity == .error }
}

/// Every difference between two models, field by field, ignoring source locations and the
/// file name. Empty when they are the same model.
func differences(_ a: Model, _ b: Model) -> [String] {
    var out: [String] = []
    func check<T: Equatable>(_ what: String, _ x: T, _ y: T) {
        if x != y { out.append("\(what): \(x) ≠ \(y)") }
    }
    check("title", a.title, b.title)
    check("as_of", a.asOf, b.asOf)
    check("description", a.description, b.description)
    check("kinds", a.schema.kinds.count, b.schema.kinds.count)
    for (k, l) in zip(a.schema.kinds, b.schema.kinds) {
        check("kind \(k.id) id", k.id, l.id)
        check("kind \(k.id) label", k.label, l.label)
        check("kind \(k.id) plural", k.plural, l.plural)
        check("kind \(k.id) shape", k.shape, l.shape)
        check("kind \(k.id) color", k.color, l.color)
        check("kind \(k.id) rank", k.rank, l.rank)
        check("kind \(k.id) article", k.article, l.article)
        check("kind \(k.id) description", k.description, l.description)
    }
    check("relations", a.schema.relations.count, b.schema.relations.count)
    for (r, s) in zip(a.schema.relations, b.schema.relations) {
        check("relation \(r.id) id", r.id, s.id)
        check("relation \(r.id) label", r.label, s.label)
        check("relation \(r.id) inverse", r.inverse, s.inverse)
        check("relation \(r.id) from", r.from, s.from)
        check("relation \(r.id) to", r.to, s.to)
        check("relation \(r.id) symmetric", r.symmetric, s.symmetric)
        check("relation \(r.id) acyclic", r.acyclic, s.acyclic)
        check("relation \(r.id) description", r.description, s.description)
    }
    check("sources", a.sources.count, b.sources.count)
    for (s, t) in zip(a.sources, b.sources) {
        check("source \(s.id) id", s.id, t.id)
        check("source \(s.id) title", s.title, t.title)
        check("source \(s.id) url", s.url, t.url)
        check("source \(s.id) date", s.date, t.date)
    }
    check("nodes", a.nodes.count, b.nodes.count)
    for (n, m) in zip(a.nodes, b.nodes) {
        check("node \(n.id) id", n.id, m.id)
        check("node \(n.id) kind", n.kind, m.kind)
        check("node \(n.id) name", n.name, m.name)
        check("node \(n.id) short", n.short, m.short)
        check("node \(n.id) aliases", n.aliases, m.aliases)
        check("node \(n.id) article", n.article, m.article)
        check("node \(n.id) attribute keys", n.attributes.map(\.key), m.attributes.map(\.key))
        check("node \(n.id) attribute values", n.attributes.map(\.value), m.attributes.map(\.value))
        check("node \(n.id) sources", n.sources, m.sources)
        check("node \(n.id) confidence", n.confidence, m.confidence)
        check("node \(n.id) note", n.note, m.note)
        check("node \(n.id) validity", n.validity, m.validity)
    }
    check("edges", a.edges.count, b.edges.count)
    for (i, (e, f)) in zip(a.edges, b.edges).enumerated() {
        let name = "edge \(i) \(e.from) \(e.relation) \(e.to)"
        check("\(name) from", e.from, f.from)
        check("\(name) relation", e.relation, f.relation)
        check("\(name) to", e.to, f.to)
        check("\(name) sources", e.sources, f.sources)
        check("\(name) confidence", e.confidence, f.confidence)
        check("\(name) note", e.note, f.note)
        check("\(name) validity", e.validity, f.validity)
        check("\(name) attribute keys", e.attributes.map(\.key), f.attributes.map(\.key))
        check("\(name) attribute values", e.attributes.map(\.value), f.attributes.map(\.value))
    }
    return out
}

/// `json.dumps(value, ensure_ascii=True)` as Python writes it, for comparing with the
/// summaries the NetworkX script prints.
enum PythonJSON {
    static func string(_ s: String) -> String {
        var out = "\""
        for unit in s.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(unit)!)
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }

    /// A Python value as text: a string, an int or float (given as the text Python would
    /// print), or a list of strings.
    enum Value {
        case string(String)
        case number(String)
        case strings([String])
        case bool(Bool)
        case raw(String)

        var dumped: String {
            switch self {
            case .string(let s): return PythonJSON.string(s)
            case .number(let n): return n
            case .strings(let l):
                return "[" + l.map(PythonJSON.string).joined(separator: ", ") + "]"
            case .bool(let b): return b ? "true" : "false"
            case .raw(let r): return r
            }
        }
    }

    /// `json.dumps(d, sort_keys=True, ensure_ascii=True)`.
    static func object(_ members: [(String, Value)]) -> String {
        let sorted = members.sorted {
            Array($0.0.unicodeScalars.map(\.value)).lexicographicallyPrecedes(
                $1.0.unicodeScalars.map(\.value))
        }
        return "{" + sorted.map { string($0.0) + ": " + $0.1.dumped }.joined(separator: ", ") + "}"
    }
}
