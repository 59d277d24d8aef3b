/// One field that differs between two versions of a node or edge.
public struct FieldChange: Hashable, Sendable {
    /// The field: `name`, `kind`, `short`, `aliases`, `note`, `since`, `until`, `confidence`,
    /// `sources`, or `attributes.KEY`.
    public var field: String
    /// The old value as text ("" when absent).
    public var old: String
    /// The new value as text ("" when absent).
    public var new: String
}

/// A node present in both models whose fields differ.
public struct NodeChange: Hashable, Sendable {
    public var old: Node
    public var new: Node
    public var changes: [FieldChange]
}

/// An edge present in both models whose fields differ.
public struct EdgeChange: Hashable, Sendable {
    public var old: Edge
    public var new: Edge
    public var changes: [FieldChange]
}

/// What changed between two models: nodes and edges added, removed and changed.
///
/// Nodes are matched by id. Edges are matched by (from, relation, to) and, when a model holds
/// the same triple more than once (a co-chair who served twice), by their order among those.
public struct ModelDiff: Sendable {
    public var addedNodes: [Node] = []
    public var removedNodes: [Node] = []
    public var changedNodes: [NodeChange] = []
    public var addedEdges: [Edge] = []
    public var removedEdges: [Edge] = []
    public var changedEdges: [EdgeChange] = []

    /// True when the two models are the same for every compared field.
    public var isEmpty: Bool {
        addedNodes.isEmpty && removedNodes.isEmpty && changedNodes.isEmpty && addedEdges.isEmpty
            && removedEdges.isEmpty && changedEdges.isEmpty
    }

    /// Compares two models. With `comparingValidity: false` (used when diffing two dates of
    /// one model) the since/until fields are not compared: they are what made the snapshots
    /// differ, not a change of the structure.
    public init(old: Model, new: Model, comparingValidity: Bool = true) {
        let oldIDs = Set(old.nodes.map(\.id))
        let newIDs = Set(new.nodes.map(\.id))
        addedNodes = new.nodes.filter { !oldIDs.contains($0.id) }
        removedNodes = old.nodes.filter { !newIDs.contains($0.id) }
        for node in new.nodes {
            guard let before = old.node(node.id) else { continue }
            let changes = Self.changes(before, node, comparingValidity: comparingValidity)
            if !changes.isEmpty {
                changedNodes.append(NodeChange(old: before, new: node, changes: changes))
            }
        }
        let oldKeyed = Self.keyed(old.edges)
        let newKeyed = Self.keyed(new.edges)
        let oldKeys = Set(oldKeyed.map(\.key))
        let newKeys = Set(newKeyed.map(\.key))
        addedEdges = newKeyed.filter { !oldKeys.contains($0.key) }.map(\.edge)
        removedEdges = oldKeyed.filter { !newKeys.contains($0.key) }.map(\.edge)
        let oldByKey = Dictionary(uniqueKeysWithValues: oldKeyed.map { ($0.key, $0.edge) })
        for (key, edge) in newKeyed {
            guard let before = oldByKey[key] else { continue }
            let changes = Self.changes(before, edge, comparingValidity: comparingValidity)
            if !changes.isEmpty {
                changedEdges.append(EdgeChange(old: before, new: edge, changes: changes))
            }
        }
    }

    struct EdgeKey: Hashable {
        var from: String
        var relation: String
        var to: String
        var occurrence: Int
    }

    static func keyed(_ edges: [Edge]) -> [(key: EdgeKey, edge: Edge)] {
        var seen: [String: Int] = [:]
        return edges.map { e in
            let triple = e.from + "\u{0}" + e.relation + "\u{0}" + e.to
            let n = seen[triple, default: 0]
            seen[triple] = n + 1
            return (EdgeKey(from: e.from, relation: e.relation, to: e.to, occurrence: n), e)
        }
    }

    static func attributeChanges(
        _ a: [(key: String, value: AttributeValue)], _ b: [(key: String, value: AttributeValue)]
    ) -> [FieldChange] {
        let keys = Set(a.map(\.key)).union(b.map(\.key)).sorted()
        var out: [FieldChange] = []
        for key in keys {
            let x = a.first { $0.key == key }?.value
            let y = b.first { $0.key == key }?.value
            if x != y {
                out.append(
                    FieldChange(field: "attributes.\(key)", old: x?.text ?? "", new: y?.text ?? ""))
            }
        }
        return out
    }

    static func changes(_ a: Node, _ b: Node, comparingValidity: Bool) -> [FieldChange] {
        var out: [FieldChange] = []
        func compare(_ field: String, _ x: String, _ y: String) {
            if x != y { out.append(FieldChange(field: field, old: x, new: y)) }
        }
        compare("name", a.name, b.name)
        compare("kind", a.kind, b.kind)
        compare("short", a.short ?? "", b.short ?? "")
        compare("aliases", a.aliases.joined(separator: "; "), b.aliases.joined(separator: "; "))
        if comparingValidity {
            compare(
                "since", a.validity.since?.description ?? "", b.validity.since?.description ?? "")
            compare(
                "until", a.validity.until?.description ?? "", b.validity.until?.description ?? "")
        }
        compare("confidence", a.confidence.rawValue, b.confidence.rawValue)
        compare("note", a.note ?? "", b.note ?? "")
        compare("sources", a.sources.joined(separator: ", "), b.sources.joined(separator: ", "))
        out += attributeChanges(a.attributes, b.attributes)
        return out
    }

    static func changes(_ a: Edge, _ b: Edge, comparingValidity: Bool) -> [FieldChange] {
        var out: [FieldChange] = []
        func compare(_ field: String, _ x: String, _ y: String) {
            if x != y { out.append(FieldChange(field: field, old: x, new: y)) }
        }
        if comparingValidity {
            compare(
                "since", a.validity.since?.description ?? "", b.validity.since?.description ?? "")
            compare(
                "until", a.validity.until?.description ?? "", b.validity.until?.description ?? "")
        }
        compare("confidence", a.confidence.rawValue, b.confidence.rawValue)
        compare("note", a.note ?? "", b.note ?? "")
        compare("sources", a.sources.joined(separator: ", "), b.sources.joined(separator: ", "))
        out += attributeChanges(a.attributes, b.attributes)
        return out
    }
}

/// A dated event of a model: something began or ended.
public struct TimelineEvent: Hashable, Sendable {
    /// Whether the fact began or ended on this date.
    public enum Boundary: String, Sendable { case begins, ends }

    public var date: PartialDate
    public var boundary: Boundary
    /// The node the event is about, when it is a node's own dates.
    public var node: Node?
    /// The edge the event is about, when it is an edge's dates.
    public var edge: Edge?

    /// Every dated event of the model (or those touching `focus`), in date order; ties keep
    /// file order, nodes before edges.
    public static func events(in model: Model, about focus: String? = nil) -> [TimelineEvent] {
        var out: [(Int, Int, TimelineEvent)] = []
        var order = 0
        for node in model.nodes where focus == nil || node.id == focus {
            if let s = node.validity.since {
                out.append(
                    (s.firstDay, order, TimelineEvent(date: s, boundary: .begins, node: node)))
            }
            if let u = node.validity.until {
                out.append(
                    (u.lastDay, order + 1, TimelineEvent(date: u, boundary: .ends, node: node)))
            }
            order += 2
        }
        for edge in model.edges where focus == nil || edge.from == focus || edge.to == focus {
            if let s = edge.validity.since {
                out.append(
                    (s.firstDay, order, TimelineEvent(date: s, boundary: .begins, edge: edge)))
            }
            if let u = edge.validity.until {
                out.append(
                    (u.lastDay, order + 1, TimelineEvent(date: u, boundary: .ends, edge: edge)))
            }
            order += 2
        }
        return out.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
