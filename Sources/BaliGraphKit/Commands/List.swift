import StakeholderModel

/// `list`: nodes filtered by kind, relation to a node and attribute.
public enum ListCommand {
    /// The filters `list` takes.
    public struct Filters: Sendable {
        /// Keep nodes of these kinds (any when empty).
        public var kinds: [String] = []
        /// Keep members of this node (`--member-of`).
        public var memberOf: String?
        /// Keep nodes related to this node (`--related-to`), by `relation` when given.
        public var relatedTo: String?
        /// Restrict `relatedTo` to one relation type.
        public var relation: String?
        /// `key=value` attribute filters (all must hold; lists match any element).
        public var attributes: [String] = []

        /// Creates empty filters.
        public init() {}
    }

    /// Lists the nodes that pass every filter, sorted by name then id.
    public static func run(_ invocation: Invocation, filters: Filters) -> CommandResult {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.model
        for kind in filters.kinds where model.schema.kind(kind) == nil {
            let known = model.schema.kinds.map(\.id)
            let hints = TextMatching.suggestions(for: kind, among: known)
            return BaliError.usage(
                "unknown kind '\(kind)'",
                notes: (hints.isEmpty ? [] : ["did you mean '\(hints[0])'?"]) + [
                    "kinds: " + known.joined(separator: ", ")
                ]
            ).result
        }
        if let relation = filters.relation, model.schema.relation(relation) == nil {
            return BaliError.usage(
                "unknown relation '\(relation)'",
                notes: ["relations: " + model.schema.relations.map(\.id).joined(separator: ", ")]
            ).result
        }
        var attributeFilters: [(String, String)] = []
        for item in filters.attributes {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                return BaliError.usage(
                    "--where takes KEY=VALUE, got '\(item)'",
                    notes: ["for example --where region=Pacific"]
                ).result
            }
            attributeFilters.append((String(item[..<eq]), String(item[item.index(after: eq)...])))
        }
        var nodes = model.nodes
        if !filters.kinds.isEmpty { nodes = nodes.filter { filters.kinds.contains($0.kind) } }
        for (query, relation, direction) in [
            (filters.memberOf, "member-of" as String?, "in"),
            (filters.relatedTo, filters.relation, "any"),
        ] {
            guard let query else { continue }
            let anchor: Node
            switch ModelStore.resolve(query, in: model, full: loaded.full) {
            case .failure(let e): return e.result
            case .success(let n): anchor = n
            }
            var keep = Set<String>()
            for e in model.edges where relation == nil || e.relation == relation {
                if e.to == anchor.id { keep.insert(e.from) }
                if direction == "any" && e.from == anchor.id { keep.insert(e.to) }
            }
            nodes = nodes.filter { keep.contains($0.id) }
        }
        for (key, value) in attributeFilters {
            let wanted = TextMatching.normalize(value)
            nodes = nodes.filter { n in
                (n.attribute(key)?.values ?? []).contains { TextMatching.normalize($0) == wanted }
            }
        }
        nodes.sort { ($0.name, $0.id) < ($1.name, $1.id) }
        switch invocation.format {
        case .json:
            let rows: [JSONValue] = nodes.map { .object(Describe.nodeJSON($0, in: model)) }
            return CommandResult(
                stdout: JSONValue.object([
                    "count": .int(nodes.count), "as_of": .optional(loaded.asOf?.description),
                    "nodes": .array(rows),
                ]).serialized())
        case .csv:
            var out = CSV.row(["id", "name", "kind", "short", "since", "until", "sources"])
            for n in nodes {
                out += CSV.row([
                    n.id, n.name, n.kind, n.short ?? "", n.validity.since?.description ?? "",
                    n.validity.until?.description ?? "", n.sources.joined(separator: ";"),
                ])
            }
            return CommandResult(stdout: out)
        case .text:
            if nodes.isEmpty {
                return CommandResult(stdout: "No nodes match.\n")
            }
            let idWidth = min(30, nodes.map(\.id.count).max() ?? 0)
            let kindWidth = min(
                20, nodes.map { model.kind(of: $0)?.label.count ?? $0.kind.count }.max() ?? 0)
            var out = ""
            for n in nodes {
                let kind = model.kind(of: n)?.label ?? n.kind
                var line =
                    n.id.padded(to: idWidth) + "  " + kind.padded(to: kindWidth) + "  " + n.name
                if let s = n.short, s != n.name { line += invocation.style.dim(" (\(s))") }
                if !n.validity.text.isEmpty {
                    line += invocation.style.dim("  [\(n.validity.text)]")
                }
                out += line + "\n"
            }
            out +=
                invocation.style.dim(
                    "\(nodes.count) node\(nodes.count == 1 ? "" : "s")"
                        + (loaded.asOf.map { " as of \($0)" } ?? "")) + "\n"
            return CommandResult(stdout: out)
        }
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
