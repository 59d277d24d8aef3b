import GraphEngine
import StakeholderModel

/// A model snapshot turned into the engine's compact graph: node `i` is `model.nodes[i]`,
/// edge `j` is `model.edges[j]`, relation `r` is `model.schema.relations[r]`.
struct AnalysisGraph {
    let model: Model
    let graph: Graph

    init(model: Model) {
        self.model = model
        var relationIndex: [String: Int32] = [:]
        for (i, r) in model.schema.relations.enumerated() { relationIndex[r.id] = Int32(i) }
        var sources: [Int32] = []
        var targets: [Int32] = []
        var relations: [Int32] = []
        sources.reserveCapacity(model.edges.count)
        targets.reserveCapacity(model.edges.count)
        relations.reserveCapacity(model.edges.count)
        for e in model.edges {
            sources.append(Int32(model.index(of: e.from)!))
            targets.append(Int32(model.index(of: e.to)!))
            relations.append(relationIndex[e.relation] ?? 0)
        }
        // The model was validated, so the indices are in range.
        graph = try! Graph(
            nodeCount: model.nodes.count, sources: sources, targets: targets, relations: relations)
    }

    /// The filters shared by the analysis commands.
    struct Filters: Sendable {
        /// Only these relation types (all when empty).
        var relations: [String] = []
        /// Only nodes of these kinds (all when empty).
        var kinds: [String] = []
        /// Nodes left out (what-if, --avoid handled separately for paths).
        var removed: [String] = []
    }

    /// Checks the filters' names against the schema; a usage error for unknown ones.
    func check(_ filters: Filters) -> BaliError? {
        for r in filters.relations where model.schema.relation(r) == nil {
            let known = model.schema.relations.map(\.id)
            let hint = TextMatching.suggestions(for: r, among: known)
            return .usage(
                "unknown relation '\(r)'",
                notes: (hint.isEmpty ? [] : ["did you mean '\(hint[0])'?"])
                    + ["relations: " + known.joined(separator: ", ")])
        }
        for k in filters.kinds where model.schema.kind(k) == nil {
            let known = model.schema.kinds.map(\.id)
            let hint = TextMatching.suggestions(for: k, among: known)
            return .usage(
                "unknown kind '\(k)'",
                notes: (hint.isEmpty ? [] : ["did you mean '\(hint[0])'?"])
                    + ["kinds: " + known.joined(separator: ", ")])
        }
        return nil
    }

    func relationMask(_ relations: [String]) -> BitMask? {
        guard !relations.isEmpty else { return nil }
        let ids = model.schema.relations.enumerated().filter { relations.contains($0.element.id) }
            .map(\.offset)
        return BitMask(count: model.schema.relations.count, setting: ids)
    }

    func kindMask(_ kinds: [String]) -> BitMask? {
        guard !kinds.isEmpty else { return nil }
        return BitMask(
            count: model.nodes.count,
            setting: model.nodes.indices.filter { kinds.contains(model.nodes[$0].kind) })
    }

    /// The view for the filters.
    func view(_ filters: Filters) -> GraphView {
        var nodes = kindMask(filters.kinds)
        if !filters.removed.isEmpty {
            let removed = Set(filters.removed)
            let keep = model.nodes.indices.filter { !removed.contains(model.nodes[$0].id) }
            let mask = BitMask(count: model.nodes.count, setting: keep)
            nodes = nodes.map { $0.intersection(mask) } ?? mask
        }
        return graph.view(nodes: nodes, relations: relationMask(filters.relations))
    }

    func index(_ id: String) -> Int32 { Int32(model.index(of: id)!) }
    func node(_ i: Int32) -> Node { model.nodes[Int(i)] }
    func edge(_ j: Int32) -> Edge { model.edges[Int(j)] }
}
