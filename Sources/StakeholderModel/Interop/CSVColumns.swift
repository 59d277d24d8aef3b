import Foundation

/// The roles of an edge table's columns, matched by header name, case-insensitively.
///
/// | role | header names |
/// |---|---|
/// | source | `source`, `from` |
/// | target | `target`, `to` |
/// | relation | `relation`; else `type` (unless it says `Directed`/`Undirected`, Gephi's edge type); else `label` |
/// | weight | `weight` (also kept as an attribute) |
/// | fields | `since`, `until`, `sources`, `confidence`, `note` |
///
/// Every other column is a free attribute named by its header (without an `attr:` prefix).
struct EdgeColumns {
    var source: Int?
    var target: Int?
    var relation: Int?
    var type: Int?
    var label: Int?
    var weight: Int?
    var since: Int?
    var until: Int?
    var sources: Int?
    var confidence: Int?
    var note: Int?
    var attributes: [(index: Int, key: String)] = []
    var count = 0

    static let sourceNames = ["source", "from"]
    static let targetNames = ["target", "to"]

    /// True when the header names both endpoints.
    var isEdgeTable: Bool { source != nil && target != nil }
}

/// The roles of a node table's columns: `id`, `kind`, `name` (else `label`), `short`,
/// `aliases`, `article`, `since`, `until`, `sources`, `confidence`, `note`; every other
/// column is a free attribute.
struct NodeColumns {
    var id: Int?
    var kind: Int?
    var name: Int?
    var label: Int?
    var short: Int?
    var aliases: Int?
    var article: Int?
    var since: Int?
    var until: Int?
    var sources: Int?
    var confidence: Int?
    var note: Int?
    var attributes: [(index: Int, key: String)] = []
    var count = 0
}

enum CSVHeader {
    /// Reads the header row of an edge or node table; diagnostics for repeated roles.
    static func read(_ reader: CSVReader) -> (
        names: [String], locations: [SourceLocation]
    ) {
        var names: [String] = []
        var locations: [SourceLocation] = []
        for i in 0..<reader.fields.count {
            names.append(InteropCoding.unguardFormula(reader.trimmed(i)))
            locations.append(reader.location(i))
        }
        return (names, locations)
    }

    static func edgeColumns(
        names: [String], locations: [SourceLocation], diagnostics: inout [Diagnostic]
    ) -> EdgeColumns {
        var c = EdgeColumns()
        c.count = names.count
        var seen: [String: SourceLocation] = [:]
        func claim(_ slot: inout Int?, _ i: Int, role: String) {
            if let first = seen[role] {
                diagnostics.append(.csvDuplicateColumn(names[i], first: first, at: locations[i]))
                return
            }
            seen[role] = locations[i]
            slot = i
        }
        for (i, raw) in names.enumerated() {
            switch raw.lowercased() {
            case "source", "from": claim(&c.source, i, role: "source")
            case "target", "to": claim(&c.target, i, role: "target")
            case "relation": claim(&c.relation, i, role: "relation")
            case "type": claim(&c.type, i, role: "type")
            case "label": claim(&c.label, i, role: "label")
            case "since": claim(&c.since, i, role: "since")
            case "until": claim(&c.until, i, role: "until")
            case "sources": claim(&c.sources, i, role: "sources")
            case "confidence": claim(&c.confidence, i, role: "confidence")
            case "note": claim(&c.note, i, role: "note")
            default:
                if raw.lowercased() == "weight" { c.weight = c.weight ?? i }
                let key = InteropCoding.attributeKey(raw)
                if let first = seen["attr:" + key] {
                    diagnostics.append(.csvDuplicateColumn(raw, first: first, at: locations[i]))
                } else {
                    seen["attr:" + key] = locations[i]
                    c.attributes.append((i, key))
                }
            }
        }
        return c
    }

    static func nodeColumns(
        names: [String], locations: [SourceLocation], diagnostics: inout [Diagnostic]
    ) -> NodeColumns {
        var c = NodeColumns()
        c.count = names.count
        var seen: [String: SourceLocation] = [:]
        func claim(_ slot: inout Int?, _ i: Int, role: String) {
            if let first = seen[role] {
                diagnostics.append(.csvDuplicateColumn(names[i], first: first, at: locations[i]))
                return
            }
            seen[role] = locations[i]
            slot = i
        }
        for (i, raw) in names.enumerated() {
            switch raw.lowercased() {
            case "id": claim(&c.id, i, role: "id")
            case "kind": claim(&c.kind, i, role: "kind")
            case "name": claim(&c.name, i, role: "name")
            case "label": claim(&c.label, i, role: "label")
            case "short": claim(&c.short, i, role: "short")
            case "aliases": claim(&c.aliases, i, role: "aliases")
            case "article": claim(&c.article, i, role: "article")
            case "since": claim(&c.since, i, role: "since")
            case "until": claim(&c.until, i, role: "until")
            case "sources": claim(&c.sources, i, role: "sources")
            case "confidence": claim(&c.confidence, i, role: "confidence")
            case "note": claim(&c.note, i, role: "note")
            default:
                let key = InteropCoding.attributeKey(raw)
                if let first = seen["attr:" + key] {
                    diagnostics.append(.csvDuplicateColumn(raw, first: first, at: locations[i]))
                } else {
                    seen["attr:" + key] = locations[i]
                    c.attributes.append((i, key))
                }
            }
        }
        // Without a name column, Gephi's `label` is the name.
        if c.name == nil, let label = c.label {
            c.name = label
            c.label = nil
        }
        if let label = c.label {
            c.attributes.append((label, names[label]))
            c.attributes.sort { $0.index < $1.index }
        }
        return c
    }
}

/// Collects row diagnostics with a cap, so a broken million-row file does not print a
/// million lines.
struct DiagnosticSink {
    static let limit = 200
    private(set) var items: [Diagnostic] = []
    private var dropped = 0
    private var lastLocation: SourceLocation?

    mutating func append(_ d: Diagnostic) {
        if items.count < Self.limit {
            items.append(d)
        } else {
            dropped += 1
            lastLocation = d.location
        }
    }

    mutating func append(contentsOf list: [Diagnostic]) {
        for d in list { append(d) }
    }

    var hasErrors: Bool { items.hasErrors }

    /// Every kept diagnostic, plus one that counts the dropped ones.
    var all: [Diagnostic] {
        guard dropped > 0, let lastLocation else { return items }
        return items + [.limitedErrors(shown: Self.limit, more: dropped, at: lastLocation)]
    }
}
