import Foundation
import StakeholderModel

/// The model as the explorer page embeds it: one JSON document, every history kept, with each
/// node's and edge's validity also given as `yyyymmdd` day numbers so that the page filters
/// by date exactly as ``Model/snapshot(asOf:)`` does.
enum ExplorerData {
    /// The document: title, dates, schema, sources, nodes and edges in file order.
    static func json(_ model: Model, asOf: PartialDate?) -> JSONValue {
        let years = years(model, asOf: asOf)
        return .object([
            "format": .string("baligraph-explorer/1"),
            "title": .string(model.title),
            "description": .optional(model.description),
            "as_of": .optional(model.asOf?.description),
            "initial_as_of": .optional(asOf?.description),
            "initial_day": asOf.map { .int($0.lastDay) } ?? .null,
            "first_year": years.map { .int($0.lowerBound) } ?? .null,
            "last_year": years.map { .int($0.upperBound) } ?? .null,
            "kinds": .array(
                model.schema.kinds.map { kind in
                    .object([
                        "id": .string(kind.id), "label": .string(kind.label),
                        "plural": .string(kind.plural), "color": .optional(kind.color),
                    ])
                }),
            "relations": .array(
                model.schema.relations.map { relation in
                    .object([
                        "id": .string(relation.id), "label": .string(relation.label),
                        "inverse": .string(relation.inverse),
                        "description": .optional(relation.description),
                    ])
                }),
            "sources": .array(
                model.sources.map { source in
                    .object([
                        "id": .string(source.id), "title": .string(source.title),
                        "url": .optional(source.url), "date": .optional(source.date),
                    ])
                }),
            "nodes": .array(
                model.nodes.map { node in
                    var object = Describe.nodeJSON(node, in: model)
                    object["article"] = .string(model.article(of: node))
                    days(node.validity, into: &object)
                    return .object(object)
                }),
            "edges": .array(
                model.edges.map { edge in
                    var object: [String: JSONValue] = [
                        "from": .string(edge.from), "relation": .string(edge.relation),
                        "to": .string(edge.to),
                        "since": .optional(edge.validity.since?.description),
                        "until": .optional(edge.validity.until?.description),
                        "sources": .array(edge.sources.map { .string($0) }),
                        "confidence": .string(edge.confidence.rawValue),
                        "note": .optional(edge.note),
                        "attributes": Describe.attributesJSON(edge.attributes),
                    ]
                    days(edge.validity, into: &object)
                    return .object(object)
                }),
        ])
    }

    /// The years the date slider spans: from the earliest year any date names to the model's
    /// own `as_of` (else the latest year named), widened to include `asOf`; nil when the model
    /// names no date at all.
    static func years(_ model: Model, asOf: PartialDate?) -> ClosedRange<Int>? {
        let named =
            (model.nodes.map(\.validity) + model.edges.map(\.validity))
            .flatMap { [$0.since?.year, $0.until?.year] }.compactMap { $0 }
            + [model.asOf?.year, asOf?.year].compactMap { $0 }
        guard let earliest = named.min() else { return nil }
        var last = model.asOf?.year ?? named.max()!
        if let asOf { last = Swift.max(last, asOf.year) }
        return Swift.min(earliest, last)...last
    }

    /// `since_day`: the first day of `since`; `until_day`: the last day of `until`.
    private static func days(_ validity: Validity, into object: inout [String: JSONValue]) {
        object["since_day"] = validity.since.map { .int($0.firstDay) } ?? .null
        object["until_day"] = validity.until.map { .int($0.lastDay) } ?? .null
    }

    /// The document as the text of a `<script type="application/json">` element: compact,
    /// keys sorted, and with every `<` written `\u003c`, so that no value can close the
    /// element (`</script>`) or open a comment (`<!--`) that would change how HTML parses
    /// it. U+2028 and U+2029 are escaped too.
    static func scriptText(_ value: JSONValue) -> String {
        var out = ""
        value.writeCompact(into: &out)
        return out.replacingOccurrences(of: "<", with: "\\u003c")
    }
}

extension JSONValue {
    /// Writes the value on one line with no spaces, object keys sorted.
    fileprivate func writeCompact(into out: inout String) {
        switch self {
        case .null, .bool, .int, .double, .string:
            write(into: &out, indent: 0)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeCompact(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                JSONValue.escape(key, into: &out)
                out += ":"
                members[key]!.writeCompact(into: &out)
            }
            out += "}"
        }
    }
}
