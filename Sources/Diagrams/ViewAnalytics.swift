import StakeholderModel

/// The graph analytics a view may need, injected by the caller that owns the graph engine.
///
/// Each function receives the view's *base graph* as a ``Model``: the snapshot at the view's
/// date restricted to its kinds and relations (see ``ViewSelection``). It should treat it
/// as a simple undirected graph, as the `connectors` and `path` commands do, so that a
/// diagram's numbers match theirs. Returning nil means "not available": a view that needs it
/// then fails with a diagnostic instead of drawing something else.
///
/// Diagrams does not import the graph engine; ``standalone`` is what it can do on its own
/// (breadth-first shortest paths and degree centrality), which is enough for ego and path
/// views and for tests.
public struct ViewAnalytics: Sendable {
    /// A shortest path between two node ids, both ends included; nil when none exists.
    public typealias ShortestPath =
        @Sendable (_ graph: Model, _ from: String, _ to: String) -> [String]?
    /// A measure for every node of the graph, keyed by node id; nil when unavailable.
    public typealias Measure =
        @Sendable (_ graph: Model, _ measure: ConnectorMeasure) -> [String: Double]?
    /// The cut points (articulation points) of the graph; nil when unavailable.
    public typealias CutPoints = @Sendable (_ graph: Model) -> [String]?

    /// Finds the path of a path view.
    public var shortestPath: ShortestPath
    /// Ranks the nodes of a connector view.
    public var measure: Measure
    /// Finds the cut points marked in a connector view.
    public var cutPoints: CutPoints

    /// Creates analytics from three functions; the defaults are the standalone ones.
    public init(
        shortestPath: @escaping ShortestPath = {
            ViewAnalytics.breadthFirstPath(in: $0, from: $1, to: $2)
        },
        measure: @escaping Measure = { graph, measure in
            measure == .degree ? ViewAnalytics.degreeCentrality(in: graph) : nil
        },
        cutPoints: @escaping CutPoints = { _ in nil }
    ) {
        self.shortestPath = shortestPath
        self.measure = measure
        self.cutPoints = cutPoints
    }

    /// Breadth-first paths and degree centrality; no betweenness, closeness or cut points.
    public static let standalone = ViewAnalytics()

    /// The neighbours of each node of `graph` (by position in `graph.nodes`), ignoring edge
    /// direction, parallel edges and edges to unknown nodes, in ascending position order.
    static func adjacency(of graph: Model) -> [[Int]] {
        var lists = [[Int]](repeating: [], count: graph.nodes.count)
        for edge in graph.edges {
            guard let a = graph.index(of: edge.from), let b = graph.index(of: edge.to), a != b
            else { continue }
            lists[a].append(b)
            lists[b].append(a)
        }
        return lists.map { Array(Set($0)).sorted() }
    }

    /// A shortest path found breadth-first over the undirected graph; among equally short
    /// paths, the one whose nodes come first in file order.
    ///
    /// - Complexity: O(*n* + *m*).
    public static func breadthFirstPath(in graph: Model, from: String, to: String) -> [String]? {
        guard let source = graph.index(of: from), let target = graph.index(of: to) else {
            return nil
        }
        if source == target { return [from] }
        let neighbours = adjacency(of: graph)
        var parent = [Int](repeating: -1, count: graph.nodes.count)
        parent[source] = source
        var queue = [source]
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for v in neighbours[u] where parent[v] < 0 {
                parent[v] = u
                if v == target {
                    var path = [v]
                    var w = v
                    while w != source {
                        w = parent[w]
                        path.append(w)
                    }
                    return path.reversed().map { graph.nodes[$0].id }
                }
                queue.append(v)
            }
        }
        return nil
    }

    /// Degree centrality as NetworkX's `degree_centrality`: distinct neighbours / (n − 1) on
    /// the simple undirected graph.
    ///
    /// - Complexity: O(*n* + *m*).
    public static func degreeCentrality(in graph: Model) -> [String: Double] {
        let neighbours = adjacency(of: graph)
        let scale = graph.nodes.count > 1 ? 1 / Double(graph.nodes.count - 1) : 1
        var out: [String: Double] = [:]
        for (i, node) in graph.nodes.enumerated() {
            out[node.id] = Double(neighbours[i].count) * scale
        }
        return out
    }
}
