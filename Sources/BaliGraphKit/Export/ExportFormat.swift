import StakeholderModel

/// The formats `export --to` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// GraphML: lossless for baligraph, readable by NetworkX, Gephi, yEd, Cytoscape, igraph.
    case graphml
    /// GEXF 1.3 with validity intervals (Gephi's timeline).
    case gexf
    /// CSV tables: `nodes.csv`, `edges.csv` and `model.csv` (Gephi, Neo4j, spreadsheets).
    case csv
    /// NetworkX node-link JSON (`networkx.node_link_graph`).
    case json
    /// Cypher statements for Neo4j.
    case cypher
    /// Plain structural Graphviz DOT.
    case dot
    /// A Mermaid flowchart.
    case mermaid

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .graphml: return "graphml"
        case .gexf: return "gexf"
        case .csv: return "csv"
        case .json: return "json"
        case .cypher: return "cypher"
        case .dot: return "dot"
        case .mermaid: return "mmd"
        }
    }
}

/// One file an export produces.
public struct ExportedFile: Sendable, Equatable {
    /// The file name (`nodes.csv`, or `graph.EXT` for single-file formats).
    public var name: String
    /// The content.
    public var text: String

    /// Creates a file.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// Which part of the model to export: nodes of some kinds, edges of some relations (empty
/// means all). Edges are kept only when both of their nodes are.
public struct ExportFilter: Sendable, Equatable {
    /// Kind ids to keep; empty keeps every kind.
    public var kinds: [String]
    /// Relation ids to keep; empty keeps every relation.
    public var relations: [String]

    /// Creates a filter.
    public init(kinds: [String] = [], relations: [String] = []) {
        self.kinds = kinds
        self.relations = relations
    }

    /// Keeps everything.
    public static let all = ExportFilter()

    /// The model restricted to the filter, or a usage error naming an unknown kind or
    /// relation (with the nearest declared ones).
    public func apply(to model: Model) -> Result<Model, BaliError> {
        let kindIDs = model.schema.kinds.map(\.id)
        for kind in kinds where !kindIDs.contains(kind) {
            return .failure(unknown("kind", kind, among: kindIDs))
        }
        let relationIDs = model.schema.relations.map(\.id)
        for relation in relations where !relationIDs.contains(relation) {
            return .failure(unknown("relation", relation, among: relationIDs))
        }
        guard !kinds.isEmpty || !relations.isEmpty else { return .success(model) }
        let keptKinds = Set(kinds)
        let keptRelations = Set(relations)
        let nodes = model.nodes.filter { keptKinds.isEmpty || keptKinds.contains($0.kind) }
        let ids = Set(nodes.map(\.id))
        let edges = model.edges.filter {
            (keptRelations.isEmpty || keptRelations.contains($0.relation)) && ids.contains($0.from)
                && ids.contains($0.to)
        }
        return .success(
            Model(
                title: model.title, asOf: model.asOf, description: model.description,
                schema: model.schema, sources: model.sources, nodes: nodes, edges: edges,
                file: model.file))
    }

    private func unknown(_ what: String, _ value: String, among: [String]) -> BaliError {
        var notes = ["declared \(what)s: " + among.joined(separator: ", ")]
        let near = TextMatching.suggestions(for: value, among: among)
        if !near.isEmpty {
            notes.insert(
                "did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?", at: 0)
        }
        return .usage("unknown \(what) '\(value)'", notes: notes)
    }
}
