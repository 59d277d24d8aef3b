import StakeholderModel

/// Which nodes are drawn inside which clusters.
///
/// Graphviz gives a node one cluster at most, so membership drawn as containment would
/// silently drop every membership but one. The plan clusters a node only when it belongs
/// (through the grouping relations) to exactly one drawn node; a node that belongs to several
/// stays outside every cluster and keeps an edge to each, so overlapping memberships remain
/// visible. A container that itself belongs to exactly one other container is nested in it.
struct ClusterPlan {
    /// The container each clustered node is drawn inside.
    private(set) var parent: [String: String] = [:]
    /// The clustered nodes of each container, in file order.
    private(set) var children: [String: [String]] = [:]
    /// Positions (in the selection's edges) of the edges shown by containment.
    private(set) var containedEdges: Set<Int> = []

    /// No clusters.
    static let none = ClusterPlan()

    /// Plans clusters for the selection's grouping relations.
    init(selection: DiagramSelection) {
        let relations = Set(selection.clusterRelations)
        guard !relations.isEmpty else { return }
        var targets: [String: [String]] = [:]
        for edge in selection.edges where relations.contains(edge.relation) {
            if !(targets[edge.from]?.contains(edge.to) ?? false) {
                targets[edge.from, default: []].append(edge.to)
            }
        }
        let order = selection.nodes.map(\.id)
        for id in order {
            if let t = targets[id], t.count == 1 { parent[id] = t[0] }
        }
        // A cycle of single memberships cannot nest: the first node met in file order
        // leaves its container.
        for id in order where parent[id] != nil {
            var seen: Set<String> = [id]
            var next = parent[id]
            while let current = next {
                if current == id {
                    parent[id] = nil
                    break
                }
                guard seen.insert(current).inserted else { break }
                next = parent[current]
            }
        }
        for id in order {
            if let p = parent[id] { children[p, default: []].append(id) }
        }
        for (i, edge) in selection.edges.enumerated()
        where relations.contains(edge.relation) && parent[edge.from] == edge.to {
            containedEdges.insert(i)
        }
    }

    private init() {}

    /// True when the node heads a cluster.
    func isContainer(_ id: String) -> Bool { children[id] != nil }
}
