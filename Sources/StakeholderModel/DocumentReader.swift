import Yams

/// A value with the position it was read from.
struct Located<Value: Sendable>: Sendable {
    var value: Value
    var location: SourceLocation
}

struct RawKind {
    var id: Located<String>
    var label: String?
    var plural: String?
    var shape: Located<String>?
    var color: Located<String>?
    var rank: Int?
    var article: String?
    var description: String?
}

struct RawRelation {
    var id: Located<String>
    var label: String?
    var inverse: String?
    var from: [Located<String>]
    var to: [Located<String>]
    var symmetric: Bool
    var acyclic: Bool
    var description: String?
}

struct RawSource {
    var id: Located<String>?
    var title: String?
    var url: Located<String>?
    var date: String?
    var location: SourceLocation
}

struct RawAttribute {
    var key: String
    var value: AttributeValue
    var location: SourceLocation
}

struct RawNode {
    var id: Located<String>?
    var kind: Located<String>?
    var name: Located<String>?
    var short: Located<String>?
    var aliases: [Located<String>] = []
    var article: String?
    var attributes: [RawAttribute] = []
    var sources: [Located<String>] = []
    var sourcesGiven = false
    var confidence: Confidence = .stated
    var note: String?
    var since: Located<String>?
    var until: Located<String>?
    var location: SourceLocation
}

struct RawEdge {
    var from: Located<String>?
    var relation: Located<String>?
    var to: Located<String>?
    var sources: [Located<String>] = []
    var sourcesGiven = false
    var confidence: Confidence = .stated
    var note: String?
    var since: Located<String>?
    var until: Located<String>?
    var attributes: [RawAttribute] = []
    var location: SourceLocation
}

struct RawDocument {
    var format: Located<String>?
    var title: String?
    var asOf: Located<String>?
    var description: String?
    var kinds: [RawKind] = []
    var relations: [RawRelation] = []
    var sources: [RawSource] = []
    var nodes: [RawNode] = []
    var edges: [RawEdge] = []
    var location: SourceLocation
}

/// Turns a composed YAML tree into raw, located records; reports shape problems (wrong
/// types, missing and unknown keys) but no cross-references.
struct DocumentReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    static let documentKeys = [
        "format", "title", "as_of", "description", "schema", "sources", "nodes", "edges",
    ]
    static let schemaKeys = ["kinds", "relations"]
    static let kindKeys = ["label", "plural", "shape", "color", "rank", "article", "description"]
    static let relationKeys = [
        "label", "inverse", "from", "to", "symmetric", "acyclic", "description",
    ]
    static let sourceKeys = ["id", "title", "url", "date"]
    static let nodeKeys = [
        "id", "kind", "name", "short", "aliases", "article", "attributes", "sources",
        "confidence", "note", "since", "until",
    ]
    static let edgeKeys = [
        "from", "relation", "to", "sources", "confidence", "note", "since", "until",
        "attributes",
    ]

    func loc(_ node: Yams.Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    // MARK: Shapes

    /// The keys and values of a mapping; reports unknown keys (warning) and missing
    /// required keys (error).
    mutating func fields(
        _ node: Yams.Node, in context: String, allowed: [String], required: [String]
    ) -> [String: (key: Yams.Node, value: Yams.Node)]? {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.wrongType(context, expected: "a mapping", at: loc(node)))
            return nil
        }
        var result: [String: (key: Yams.Node, value: Yams.Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                diagnostics.append(
                    .wrongType("a key in \(context)", expected: "text", at: loc(key)))
                continue
            }
            let name = scalar.string
            if !allowed.contains(name) {
                diagnostics.append(
                    .unknownKey(
                        name, in: context,
                        suggestions: TextMatching.suggestions(
                            for: name, among: allowed, limit: 1), at: loc(key)))
                continue
            }
            result[name] = (key, value)
        }
        for key in required where result[key] == nil {
            diagnostics.append(.missingKey(key, in: context, at: loc(node)))
        }
        return result
    }

    func isNull(_ node: Yams.Node) -> Bool {
        if case .scalar(let s) = node, s.style == .plain,
            ["", "~", "null", "Null", "NULL"].contains(s.string)
        {
            return true
        }
        return false
    }

    mutating func string(_ node: Yams.Node?, _ what: String) -> Located<String>? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let s) = node else {
            diagnostics.append(.wrongType(what, expected: "text", at: loc(node)))
            return nil
        }
        return Located(value: s.string, location: loc(node))
    }

    mutating func int(_ node: Yams.Node?, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text.value), (-1000...1000).contains(value) else {
            diagnostics.append(
                .invalidValue(text.value, for: what, expected: "a whole number", at: text.location))
            return nil
        }
        return value
    }

    mutating func bool(_ node: Yams.Node?, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.append(
                .invalidValue(text.value, for: what, expected: "true or false", at: text.location))
            return nil
        }
    }

    /// A list of strings; a single scalar counts as a one-element list.
    mutating func strings(_ node: Yams.Node?, _ what: String) -> [Located<String>] {
        guard let node, !isNull(node) else { return [] }
        switch node {
        case .scalar:
            return string(node, what).map { [$0] } ?? []
        case .sequence(let seq):
            var out: [Located<String>] = []
            for item in seq {
                if let s = string(item, "an item of \(what)") { out.append(s) }
            }
            return out
        default:
            diagnostics.append(.wrongType(what, expected: "a list of text", at: loc(node)))
            return []
        }
    }

    mutating func items(_ node: Yams.Node?, _ what: String) -> [Yams.Node] {
        guard let node, !isNull(node) else { return [] }
        guard case .sequence(let seq) = node else {
            diagnostics.append(.wrongType(what, expected: "a list", at: loc(node)))
            return []
        }
        return Array(seq)
    }

    mutating func confidence(_ node: Yams.Node?) -> Confidence {
        guard let text = string(node, "confidence") else { return .stated }
        guard let value = Confidence(rawValue: text.value) else {
            diagnostics.append(
                .invalidValue(
                    text.value, for: "confidence", expected: "'stated' or 'inferred'",
                    at: text.location))
            return .stated
        }
        return value
    }

    mutating func attributes(_ node: Yams.Node?) -> [RawAttribute] {
        guard let node, !isNull(node) else { return [] }
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.wrongType("attributes", expected: "a mapping", at: loc(node)))
            return []
        }
        var out: [RawAttribute] = []
        for (key, value) in mapping {
            guard case .scalar(let k) = key else {
                diagnostics.append(
                    .wrongType("an attribute name", expected: "text", at: loc(key)))
                continue
            }
            switch value {
            case .scalar:
                if isNull(value) { continue }
                out.append(
                    RawAttribute(
                        key: k.string, value: .string(value.scalar?.string ?? ""),
                        location: loc(value)))
            case .sequence:
                let list = strings(value, "attribute '\(k.string)'").map(\.value)
                out.append(RawAttribute(key: k.string, value: .list(list), location: loc(value)))
            default:
                diagnostics.append(
                    .wrongType(
                        "attribute '\(k.string)'", expected: "text or a list of text",
                        at: loc(value)))
            }
        }
        return out.sorted { $0.key < $1.key }
    }

    // MARK: Sections

    mutating func readDocument(_ root: Yams.Node) -> RawDocument? {
        guard
            let top = fields(
                root, in: "the model", allowed: Self.documentKeys,
                required: ["format", "title", "schema", "sources", "nodes"])
        else { return nil }
        var doc = RawDocument(location: loc(root))
        doc.format = string(top["format"]?.value, "format")
        doc.title = string(top["title"]?.value, "title")?.value
        doc.asOf = string(top["as_of"]?.value, "as_of")
        doc.description = string(top["description"]?.value, "description")?.value
        if let schema = top["schema"]?.value,
            let parts = fields(
                schema, in: "schema", allowed: Self.schemaKeys, required: ["kinds", "relations"])
        {
            if let kinds = parts["kinds"]?.value { doc.kinds = readKinds(kinds) }
            if let relations = parts["relations"]?.value {
                doc.relations = readRelations(relations)
            }
        }
        for item in items(top["sources"]?.value, "sources") {
            if let source = readSource(item) { doc.sources.append(source) }
        }
        let nodeItems = items(top["nodes"]?.value, "nodes")
        if nodeItems.count > ModelLimits.maxNodes {
            diagnostics.append(
                .tooMany(
                    "nodes", count: nodeItems.count, limit: ModelLimits.maxNodes,
                    at: loc(top["nodes"]!.value)))
            return nil
        }
        for item in nodeItems {
            if let node = readNode(item) { doc.nodes.append(node) }
        }
        for item in items(top["edges"]?.value, "edges") {
            if let edge = readEdge(item) { doc.edges.append(edge) }
        }
        return doc
    }

    mutating func entries(_ node: Yams.Node, _ what: String) -> [(Located<String>, Yams.Node)] {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(
                .wrongType(what, expected: "a mapping from id to definition", at: loc(node)))
            return []
        }
        var out: [(Located<String>, Yams.Node)] = []
        for (key, value) in mapping {
            guard let id = string(key, "an id in \(what)") else { continue }
            out.append((id, value))
        }
        return out
    }

    mutating func readKinds(_ node: Yams.Node) -> [RawKind] {
        var out: [RawKind] = []
        for (id, value) in entries(node, "schema.kinds") {
            let context = "kind '\(id.value)'"
            guard
                let f = fields(
                    value, in: context, allowed: Self.kindKeys, required: ["label", "plural"])
            else { continue }
            out.append(
                RawKind(
                    id: id, label: string(f["label"]?.value, "label")?.value,
                    plural: string(f["plural"]?.value, "plural")?.value,
                    shape: string(f["shape"]?.value, "shape"),
                    color: string(f["color"]?.value, "color"),
                    rank: int(f["rank"]?.value, "rank"),
                    article: string(f["article"]?.value, "article")?.value,
                    description: string(f["description"]?.value, "description")?.value))
        }
        return out
    }

    mutating func readRelations(_ node: Yams.Node) -> [RawRelation] {
        var out: [RawRelation] = []
        for (id, value) in entries(node, "schema.relations") {
            let context = "relation '\(id.value)'"
            guard
                let f = fields(
                    value, in: context, allowed: Self.relationKeys, required: ["label", "inverse"])
            else { continue }
            out.append(
                RawRelation(
                    id: id, label: string(f["label"]?.value, "label")?.value,
                    inverse: string(f["inverse"]?.value, "inverse")?.value,
                    from: strings(f["from"]?.value, "from"), to: strings(f["to"]?.value, "to"),
                    symmetric: bool(f["symmetric"]?.value, "symmetric") ?? false,
                    acyclic: bool(f["acyclic"]?.value, "acyclic") ?? false,
                    description: string(f["description"]?.value, "description")?.value))
        }
        return out
    }

    mutating func readSource(_ node: Yams.Node) -> RawSource? {
        guard
            let f = fields(
                node, in: "a source", allowed: Self.sourceKeys, required: ["id", "title"])
        else { return nil }
        return RawSource(
            id: string(f["id"]?.value, "id"), title: string(f["title"]?.value, "title")?.value,
            url: string(f["url"]?.value, "url"), date: string(f["date"]?.value, "date")?.value,
            location: loc(node))
    }

    mutating func readNode(_ node: Yams.Node) -> RawNode? {
        guard
            let f = fields(
                node, in: "a node", allowed: Self.nodeKeys, required: ["id", "kind", "name"])
        else { return nil }
        var raw = RawNode(location: loc(node))
        raw.id = string(f["id"]?.value, "id")
        raw.kind = string(f["kind"]?.value, "kind")
        raw.name = string(f["name"]?.value, "name")
        raw.short = string(f["short"]?.value, "short")
        raw.aliases = strings(f["aliases"]?.value, "aliases")
        raw.article = string(f["article"]?.value, "article")?.value
        raw.attributes = attributes(f["attributes"]?.value)
        raw.sourcesGiven = f["sources"] != nil
        raw.sources = strings(f["sources"]?.value, "sources")
        raw.confidence = confidence(f["confidence"]?.value)
        raw.note = string(f["note"]?.value, "note")?.value
        raw.since = string(f["since"]?.value, "since")
        raw.until = string(f["until"]?.value, "until")
        return raw
    }

    mutating func readEdge(_ node: Yams.Node) -> RawEdge? {
        guard
            let f = fields(
                node, in: "an edge", allowed: Self.edgeKeys, required: ["from", "relation", "to"])
        else { return nil }
        var raw = RawEdge(location: loc(node))
        raw.from = string(f["from"]?.value, "from")
        raw.relation = string(f["relation"]?.value, "relation")
        raw.to = string(f["to"]?.value, "to")
        raw.sourcesGiven = f["sources"] != nil
        raw.sources = strings(f["sources"]?.value, "sources")
        raw.confidence = confidence(f["confidence"]?.value)
        raw.note = string(f["note"]?.value, "note")?.value
        raw.since = string(f["since"]?.value, "since")
        raw.until = string(f["until"]?.value, "until")
        raw.attributes = attributes(f["attributes"]?.value)
        return raw
    }
}
