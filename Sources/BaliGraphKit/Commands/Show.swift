import StakeholderModel

/// `show NODE`: one node with every relation in and out, grouped and labelled.
public enum ShowCommand {
    /// Resolves the node and describes it.
    public static func run(_ invocation: Invocation, query: String) -> CommandResult {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.model
        let node: Node
        switch ModelStore.resolve(query, in: model, full: loaded.full) {
        case .failure(let e): return e.result
        case .success(let n): node = n
        }
        let outgoing = model.edges(from: node.id)
        let incoming = model.edges(to: node.id)
        switch invocation.format {
        case .json:
            var object = Describe.nodeJSON(node, in: model)
            object["relations"] = .object([
                "out": .array(
                    outgoing.map { Describe.edgeJSON($0, other: $0.to, direction: .out, in: model) }
                ),
                "in": .array(
                    incoming.map {
                        Describe.edgeJSON($0, other: $0.from, direction: .in, in: model)
                    }),
            ])
            object["as_of"] = .optional(loaded.asOf?.description)
            return CommandResult(stdout: JSONValue.object(object).serialized())
        case .csv:
            var out = CSV.row([
                "direction", "relation", "label", "node", "name", "kind", "since", "until",
                "confidence", "sources",
                "note",
            ])
            for (edge, dir) in outgoing.map({ ($0, Describe.Direction.out) })
                + incoming.map({ ($0, .in) })
            {
                let otherID = dir == .out ? edge.to : edge.from
                let other = model.node(otherID)!
                let type = model.schema.relation(edge.relation)
                out += CSV.row([
                    dir.rawValue, edge.relation,
                    (dir == .out ? type?.label : type?.inverse) ?? edge.relation,
                    otherID, other.name, other.kind, edge.validity.since?.description ?? "",
                    edge.validity.until?.description ?? "", edge.confidence.rawValue,
                    edge.sources.joined(separator: ";"), edge.note ?? "",
                ])
            }
            return CommandResult(stdout: out)
        case .text:
            return CommandResult(
                stdout: text(
                    node, outgoing: outgoing, incoming: incoming, loaded: loaded,
                    style: invocation.style))
        }
    }

    static func text(
        _ node: Node, outgoing: [Edge], incoming: [Edge], loaded: LoadedModel, style: TextStyle
    ) -> String {
        let model = loaded.model
        let kind = model.kind(of: node)
        var out = style.bold(node.name) + style.dim("  [\(node.id)]") + "\n"
        var fields: [(label: String, values: [String])] = [("kind", [kind?.label ?? node.kind])]
        if let short = node.short { fields.append(("short name", [short])) }
        if !node.aliases.isEmpty {
            fields.append(("aliases", [node.aliases.joined(separator: ", ")]))
        }
        if !node.validity.text.isEmpty { fields.append(("valid", [node.validity.text])) }
        if node.confidence == .inferred { fields.append(("confidence", ["inferred"])) }
        for (key, value) in node.attributes { fields.append((key, value.values)) }
        if let note = node.note { fields.append(("note", [note])) }
        if !node.sources.isEmpty {
            fields.append(("sources", [node.sources.joined(separator: ", ")]))
        }
        let width = min(16, fields.map(\.label.count).max() ?? 0) + 1
        for field in fields {
            let label = "  " + (field.label + ":").padded(to: width) + " "
            let hang = String(repeating: " ", count: width + 3)
            if field.values.count > 1 {
                out += label.trimmingTrailingSpaces() + "\n"
                for value in field.values {
                    out += wrap(value, width: 96, first: "    - ", rest: "      ")
                }
            } else {
                out += wrap(field.values.first ?? "", width: 96, first: label, rest: hang)
            }
        }
        if let asOf = loaded.asOf { out += style.dim("  (as of \(asOf))") + "\n" }
        let groups = Describe.groups(outgoing: outgoing, incoming: incoming, in: model)
        if groups.isEmpty {
            out += "\n  No relations" + (loaded.asOf == nil ? "." : " on that date.") + "\n"
        }
        for group in groups {
            out +=
                "\n" + style.cyan("\(node.name) \(group.label)")
                + style.dim(" (\(group.items.count))") + "\n"
            for item in group.items {
                var line = "  - \(item.other.name)"
                var extras: [String] = []
                if !item.edge.validity.text.isEmpty { extras.append(item.edge.validity.text) }
                if item.edge.confidence == .inferred { extras.append("inferred") }
                if !item.edge.sources.isEmpty {
                    extras.append(item.edge.sources.joined(separator: ", "))
                }
                if !extras.isEmpty {
                    line += style.dim("  (" + extras.joined(separator: "; ") + ")")
                }
                out += line + "\n"
                if let note = item.edge.note { out += style.dim("      note: \(note)") + "\n" }
            }
        }
        if !node.sources.isEmpty {
            out += "\n" + style.cyan("Sources") + "\n"
            var cited = node.sources
            for e in outgoing + incoming { cited += e.sources }
            var seen = Set<String>()
            for id in cited where seen.insert(id).inserted {
                guard let s = model.source(id) else { continue }
                out +=
                    "  \(id): \(s.title)" + (s.date.map { " (\($0))" } ?? "")
                    + (s.url.map { " <\($0)>" } ?? "") + "\n"
            }
        }
        return out
    }
}

/// Wraps text at word boundaries to `width` columns: the first line after `first`, the
/// others after `rest`.
func wrap(_ text: String, width: Int, first: String, rest: String) -> String {
    var out = ""
    var line = first
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if lineHasWord && line.count + 1 + word.count > width {
            out += line + "\n"
            line = rest
            lineHasWord = false
        }
        line += (lineHasWord ? " " : "") + word
        lineHasWord = true
    }
    return out + line + "\n"
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

/// Shared descriptions of nodes and edges for text and JSON.
enum Describe {
    enum Direction: String {
        case out
        case `in`
    }

    struct Item {
        var edge: Edge
        var other: Node
    }

    struct Group {
        var label: String
        var items: [Item]
    }

    /// Relations grouped by their label as read from this node: outgoing ones by the
    /// relation's label, incoming ones by its inverse; groups in schema order, items by name.
    static func groups(outgoing: [Edge], incoming: [Edge], in model: Model) -> [Group] {
        var groups: [Group] = []
        for type in model.schema.relations {
            for (direction, edges) in [(Direction.out, outgoing), (.in, incoming)] {
                let matching = edges.filter { $0.relation == type.id }
                guard !matching.isEmpty else { continue }
                let items = matching.map { e in
                    Item(edge: e, other: model.node(direction == .out ? e.to : e.from)!)
                }.sorted {
                    ($0.other.name, $0.other.id, $0.edge.validity.since?.firstDay ?? 0) < (
                        $1.other.name, $1.other.id, $1.edge.validity.since?.firstDay ?? 0
                    )
                }
                groups.append(
                    Group(label: direction == .out ? type.label : type.inverse, items: items))
            }
        }
        return groups
    }

    static func attributesJSON(_ attributes: [(key: String, value: AttributeValue)]) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (key, value) in attributes {
            switch value {
            case .string(let s): object[key] = .string(s)
            case .list(let l): object[key] = .array(l.map { .string($0) })
            }
        }
        return .object(object)
    }

    static func nodeJSON(_ node: Node, in model: Model) -> [String: JSONValue] {
        [
            "id": .string(node.id), "name": .string(node.name), "kind": .string(node.kind),
            "kind_label": .string(model.kind(of: node)?.label ?? node.kind),
            "short": .optional(node.short), "aliases": .array(node.aliases.map { .string($0) }),
            "attributes": attributesJSON(node.attributes),
            "sources": .array(node.sources.map { .string($0) }),
            "confidence": .string(node.confidence.rawValue), "note": .optional(node.note),
            "since": .optional(node.validity.since?.description),
            "until": .optional(node.validity.until?.description),
        ]
    }

    static func edgeJSON(_ edge: Edge, other: String, direction: Direction, in model: Model)
        -> JSONValue
    {
        let type = model.schema.relation(edge.relation)
        let node = model.node(other)
        return .object([
            "relation": .string(edge.relation),
            "label": .string((direction == .out ? type?.label : type?.inverse) ?? edge.relation),
            "node": .object([
                "id": .string(other), "name": .optional(node?.name), "kind": .optional(node?.kind),
            ]),
            "since": .optional(edge.validity.since?.description),
            "until": .optional(edge.validity.until?.description),
            "sources": .array(edge.sources.map { .string($0) }),
            "confidence": .string(edge.confidence.rawValue), "note": .optional(edge.note),
            "attributes": attributesJSON(edge.attributes),
        ])
    }
}
