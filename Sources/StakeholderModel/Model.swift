/// How sure the model is of a node or edge.
public enum Confidence: String, Sendable, Hashable, CaseIterable {
    /// A source states it.
    case stated
    /// Deduced from sourced facts; the note says how.
    case inferred
}

/// A free attribute value: a scalar string or a list of strings.
public enum AttributeValue: Hashable, Sendable {
    case string(String)
    case list([String])

    /// The values as a list (a scalar is a one-element list).
    public var values: [String] {
        switch self {
        case .string(let s): return [s]
        case .list(let l): return l
        }
    }

    /// A display form: the scalar, or the list joined with "; ".
    public var text: String { values.joined(separator: "; ") }
}

/// A node kind declared by the model's schema, with its display hints.
public struct Kind: Hashable, Sendable {
    public var id: String
    public var label: String
    public var plural: String
    /// Graphviz shape name (validated against an allow-list).
    public var shape: String
    /// Fill colour `#rrggbb`, or nil for the theme's default.
    public var color: String?
    /// Tier in org charts; 0 is the top.
    public var rank: Int
    /// The article used before names of this kind in sentences ("the"), or "".
    public var article: String
    public var description: String?
    public var location: SourceLocation
}

/// A relation type declared by the model's schema.
public struct RelationType: Hashable, Sendable {
    public var id: String
    /// Reads "A <label> B".
    public var label: String
    /// Reads "B <inverse> A".
    public var inverse: String
    /// Kinds allowed as the source; empty means any.
    public var from: [String]
    /// Kinds allowed as the target; empty means any.
    public var to: [String]
    /// True when A→B implies B→A.
    public var symmetric: Bool
    /// True when the relation must never form a cycle (part-of, reports-to).
    public var acyclic: Bool
    public var description: String?
    public var location: SourceLocation
}

/// The schema: the kinds and relation types, in file order.
public struct Schema: Hashable, Sendable {
    public var kinds: [Kind]
    public var relations: [RelationType]

    /// Creates a schema.
    public init(kinds: [Kind], relations: [RelationType]) {
        self.kinds = kinds
        self.relations = relations
    }

    /// The kind with this id.
    public func kind(_ id: String) -> Kind? { kinds.first { $0.id == id } }
    /// The relation type with this id.
    public func relation(_ id: String) -> RelationType? { relations.first { $0.id == id } }
}

/// A source declared once and cited by id.
public struct Source: Hashable, Sendable {
    public var id: String
    public var title: String
    /// An http(s) URL, when the source has one.
    public var url: String?
    /// The date as the source gives it (free text).
    public var date: String?
    public var location: SourceLocation
}

/// A stakeholder: a body, member, office, meeting, document, place…
public struct Node: Hashable, Sendable {
    public var id: String
    public var kind: String
    public var name: String
    public var short: String?
    public var aliases: [String]
    /// Overrides the kind's article when set.
    public var article: String?
    /// Free attributes, sorted by key.
    public var attributes: [(key: String, value: AttributeValue)]
    public var sources: [String]
    public var confidence: Confidence
    public var note: String?
    public var validity: Validity
    public var location: SourceLocation

    public static func == (a: Node, b: Node) -> Bool {
        a.id == b.id && a.kind == b.kind && a.name == b.name && a.short == b.short
            && a.aliases == b.aliases && a.article == b.article
            && a.attributes.map(\.key) == b.attributes.map(\.key)
            && a.attributes.map(\.value) == b.attributes.map(\.value) && a.sources == b.sources
            && a.confidence == b.confidence && a.note == b.note && a.validity == b.validity
            && a.location == b.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(name)
    }

    /// The attribute value for a key.
    public func attribute(_ key: String) -> AttributeValue? {
        attributes.first { $0.key == key }?.value
    }
}

/// A typed, directed tie between two nodes.
public struct Edge: Hashable, Sendable {
    public var from: String
    public var relation: String
    public var to: String
    public var sources: [String]
    public var confidence: Confidence
    public var note: String?
    public var validity: Validity
    public var attributes: [(key: String, value: AttributeValue)]
    public var location: SourceLocation

    public static func == (a: Edge, b: Edge) -> Bool {
        a.from == b.from && a.relation == b.relation && a.to == b.to && a.sources == b.sources
            && a.confidence == b.confidence && a.note == b.note && a.validity == b.validity
            && a.attributes.map(\.key) == b.attributes.map(\.key)
            && a.attributes.map(\.value) == b.attributes.map(\.value) && a.location == b.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(from)
        hasher.combine(relation)
        hasher.combine(to)
    }
}

/// A whole, valid model: schema, sources, nodes and edges, in file order.
///
/// A `Model` is only ever built from input that passed validation; loaders return
/// diagnostics instead of a half-valid model.
public struct Model: Sendable {
    /// The only supported format version.
    public static let formatVersion = "baligraph/1"

    public var title: String
    public var asOf: PartialDate?
    public var description: String?
    public var schema: Schema
    public var sources: [Source]
    public var nodes: [Node]
    public var edges: [Edge]
    /// The file it was loaded from, as the user named it.
    public var file: String

    /// Creates a model from parts that are already valid.
    public init(
        title: String, asOf: PartialDate?, description: String?, schema: Schema,
        sources: [Source], nodes: [Node], edges: [Edge], file: String
    ) {
        self.title = title
        self.asOf = asOf
        self.description = description
        self.schema = schema
        self.sources = sources
        self.nodes = nodes
        self.edges = edges
        self.file = file
        rebuildIndex()
    }

    private(set) var nodeIndex: [String: Int] = [:]
    private(set) var sourceIndex: [String: Int] = [:]

    mutating func rebuildIndex() {
        nodeIndex = Dictionary(
            nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        sourceIndex = Dictionary(
            sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The node with this id.
    public func node(_ id: String) -> Node? { nodeIndex[id].map { nodes[$0] } }
    /// The position of the node with this id in ``nodes``.
    public func index(of id: String) -> Int? { nodeIndex[id] }
    /// The source with this id.
    public func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }

    /// The kind of a node, from the schema.
    public func kind(of node: Node) -> Kind? { schema.kind(node.kind) }

    /// The article for sentences: the node's own, else its kind's.
    public func article(of node: Node) -> String {
        node.article ?? schema.kind(node.kind)?.article ?? ""
    }

    /// The node's name with its article: "the Ad Hoc Group", "Australia".
    public func phrase(for node: Node) -> String {
        let article = article(of: node)
        return article.isEmpty ? node.name : "\(article) \(node.name)"
    }

    /// A compact phrase for sentence chains: the short name replaces a name longer than 60
    /// characters ("the Disruption WG"), otherwise the same as ``phrase(for:)``.
    public func compactPhrase(for node: Node) -> String {
        guard node.name.count > 60, let short = node.short, !short.isEmpty else {
            return phrase(for: node)
        }
        let article = article(of: node)
        return article.isEmpty ? short : "\(article) \(short)"
    }

    /// The model as it stood on the last day of `date`'s period: nodes and edges valid then,
    /// and only edges whose two nodes are valid too.
    public func snapshot(asOf date: PartialDate?) -> Model {
        guard let date else { return self }
        var copy = self
        copy.nodes = nodes.filter { $0.validity.contains(date) }
        let kept = Set(copy.nodes.map(\.id))
        copy.edges = edges.filter {
            $0.validity.contains(date) && kept.contains($0.from) && kept.contains($0.to)
        }
        copy.rebuildIndex()
        return copy
    }

    /// Edges leaving a node, in file order.
    public func edges(from id: String) -> [Edge] { edges.filter { $0.from == id } }
    /// Edges arriving at a node, in file order.
    public func edges(to id: String) -> [Edge] { edges.filter { $0.to == id } }
}
