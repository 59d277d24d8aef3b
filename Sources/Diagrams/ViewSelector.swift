import StakeholderModel

/// A connector measure's values for the drawn nodes.
public struct NodeMeasure: Hashable, Sendable {
    /// The measure.
    public var measure: ConnectorMeasure
    /// The value of each drawn node that has one, keyed by node id.
    public var values: [String: Double]
    /// The ids of the top nodes, best first.
    public var ranking: [String]

    /// Creates measure values.
    public init(measure: ConnectorMeasure, values: [String: Double], ranking: [String]) {
        self.measure = measure
        self.values = values
        self.ranking = ranking
    }
}

/// What one view draws: nodes and edges of a model at a date, and what to emphasise.
public struct DiagramSelection: Sendable {
    /// The view.
    public var view: ViewSpec
    /// The title to draw: the view's own, or one that describes the selection.
    public var title: String
    /// The model as of the view's date: the schema, sources and sentences come from it.
    public var model: Model
    /// The nodes to draw, in file order.
    public var nodes: [Node]
    /// The edges to draw, in file order.
    public var edges: [Edge]
    /// The nodes the view is about (an ego centre, a path's ends), drawn with a bold outline.
    public var focus: [String]
    /// The path's nodes in order, for path views.
    public var path: [String]
    /// Connector views: the measure that sizes the nodes.
    public var measure: NodeMeasure?
    /// Connector views: the drawn nodes that are cut points of the base graph, in file order.
    public var cutPoints: [String]
    /// The relations whose targets group their sources into clusters (resolved `cluster_by`).
    public var clusterRelations: [String]
    /// The centre of a `twopi`/`circo` drawing, when the view names one that is drawn.
    public var root: String?
    /// The date the view shows (its `as_of`, resolved), or nil for the whole model.
    public var asOf: PartialDate?
}

/// The outcome of selecting a view: what to draw, or nothing, plus every diagnostic.
public struct SelectionResult: Sendable {
    /// The selection, or nil when any error was found.
    public var selection: DiagramSelection?
    /// Every error and warning, in output order.
    public var diagnostics: [Diagnostic]
}

/// Turns a view and a model into the nodes and edges to draw.
public enum ViewSelector {
    /// The most nodes one diagram may draw: layout time grows faster than the graph.
    public static let maxNodes = 2_000
    /// The most edges one diagram may draw.
    public static let maxEdges = 10_000

    /// Selects what `view` draws from `model`, with `analytics` for path and connector views.
    ///
    /// Every name in the view is checked before anything is selected, and all problems are
    /// reported together. The steps are those described at ``ViewSelection``.
    public static func select(
        _ view: ViewSpec, from model: Model, analytics: ViewAnalytics = .standalone
    ) -> SelectionResult {
        var resolver = Resolution(model: model)
        let s = view.selection
        var diagnostics = view.problems()
        let kinds = Set(s.kinds.compactMap { resolver.kind($0) })
        let relations = Set(s.relations.compactMap { resolver.relation($0) })
        let linkedVia = Set(s.linked?.via.compactMap { resolver.relation($0) } ?? [])
        let linkedKinds = Set(s.linked?.kinds.compactMap { resolver.kind($0) } ?? [])
        let clusterRelations = view.layout.clusterBy.compactMap { resolver.relation($0) }
        let explicit = s.nodes.compactMap { ref in resolver.node(ref).map { (ref, $0) } }
        let excluded = Set(s.exclude.compactMap { resolver.node($0) })
        let egoCentre = s.ego.flatMap { resolver.node($0.node) }
        let pathEnds = s.path.map { (resolver.node($0.from), resolver.node($0.to)) }
        let root = view.layout.root.flatMap { resolver.node($0) }
        diagnostics += resolver.diagnostics
        if diagnostics.hasErrors {
            return SelectionResult(selection: nil, diagnostics: diagnostics.sortedForOutput)
        }

        let date = s.asOf?.resolved(in: model)
        let snapshot = model.snapshot(asOf: date)
        let base = baseGraph(
            of: snapshot, kinds: kinds, relations: relations, excluded: excluded)
        var core: [String] = []
        var focus: [String] = []
        var path: [String] = []
        var measure: NodeMeasure? = nil
        var cutPoints: [String] = []

        func inBase(_ id: String, _ ref: Reference) -> Bool {
            if snapshot.node(id) == nil {
                diagnostics.append(.nodeNotValid(id, asOf: date, at: ref.location))
                return false
            }
            if base.node(id) == nil {
                let kind = snapshot.node(id)?.kind ?? ""
                diagnostics.append(.nodeOutsideView(id, kind: kind, at: ref.location))
                return false
            }
            return true
        }

        if let ego = s.ego, let centre = egoCentre {
            if inBase(centre, ego.node) {
                core = neighbourhood(of: centre, depth: ego.depth, in: base)
                focus = [centre]
            }
        } else if let p = s.path, let ends = pathEnds, let from = ends.0, let to = ends.1 {
            if inBase(from, p.from) && inBase(to, p.to) {
                if let found = analytics.shortestPath(base, from, to), found.first == from,
                    found.last == to, found.allSatisfy({ base.node($0) != nil })
                {
                    path = found
                    core = found
                    focus = [from, to]
                } else {
                    diagnostics.append(.noPath(from: from, to: to, at: p.from.location))
                }
            }
        } else if let c = s.connectors {
            if let values = analytics.measure(base, c.measure) {
                let ranked = base.nodes.enumerated()
                    .compactMap { i, node in values[node.id].map { (node.id, $0, i) } }
                    .filter { $0.1 > 0 && $0.1.isFinite }
                    .sorted { ($1.1, $0.2) < ($0.1, $1.2) }
                    .prefix(c.top)
                    .map(\.0)
                if ranked.isEmpty {
                    diagnostics.append(.noConnectors(c.measure, at: view.location))
                }
                core = ranked
                measure = NodeMeasure(measure: c.measure, values: values, ranking: ranked)
            } else {
                diagnostics.append(
                    .analyticsUnavailable(
                        "the \(c.measure.rawValue) of each node", at: view.location))
            }
            if let found = analytics.cutPoints(base) {
                cutPoints = found
            } else {
                diagnostics.append(.analyticsUnavailable("cut points", at: view.location))
            }
        } else if !s.kinds.isEmpty || s.nodes.isEmpty {
            core = base.nodes.map(\.id)
        }
        for (ref, id) in explicit where !excluded.contains(id) {
            if snapshot.node(id) == nil {
                diagnostics.append(nodeSkipped(id, asOf: date, at: ref.location))
            } else {
                core.append(id)
            }
        }
        if diagnostics.hasErrors {
            return SelectionResult(selection: nil, diagnostics: diagnostics.sortedForOutput)
        }

        var drawn = Set(core)
        let coreSet = drawn
        if !linkedVia.isEmpty {
            for edge in snapshot.edges where linkedVia.contains(edge.relation) {
                for (inside, outside) in [(edge.from, edge.to), (edge.to, edge.from)]
                where coreSet.contains(inside) && !drawn.contains(outside) {
                    guard let node = snapshot.node(outside), !excluded.contains(outside),
                        linkedKinds.isEmpty || linkedKinds.contains(node.kind)
                    else { continue }
                    drawn.insert(outside)
                }
            }
        }
        let nodes = snapshot.nodes.filter { drawn.contains($0.id) }
        let edges = snapshot.edges.filter {
            drawn.contains($0.from) && drawn.contains($0.to)
                && (relations.isEmpty || relations.contains($0.relation)
                    || linkedVia.contains($0.relation))
        }
        if nodes.isEmpty {
            diagnostics.append(.emptyView(view.name, at: view.location))
        } else if nodes.count > maxNodes || edges.count > maxEdges {
            diagnostics.append(
                .viewTooLarge(view.name, nodes: nodes.count, edges: edges.count, at: view.location))
        }
        if diagnostics.hasErrors {
            return SelectionResult(selection: nil, diagnostics: diagnostics.sortedForOutput)
        }
        if var m = measure {
            m.values = m.values.filter { drawn.contains($0.key) }
            measure = m
        }
        let cut = Set(cutPoints)
        let selection = DiagramSelection(
            view: view,
            title: view.title ?? generatedTitle(view, model: snapshot, focus: focus, path: path),
            model: snapshot, nodes: nodes, edges: edges, focus: focus, path: path,
            measure: measure,
            cutPoints: nodes.map(\.id).filter { cut.contains($0) },
            clusterRelations: clusterRelations,
            root: root.flatMap { drawn.contains($0) ? $0 : nil }, asOf: date)
        return SelectionResult(selection: selection, diagnostics: diagnostics.sortedForOutput)
    }

    static func nodeSkipped(_ id: String, asOf: PartialDate?, at location: SourceLocation)
        -> Diagnostic
    {
        var d = Diagnostic.nodeNotValid(id, asOf: asOf, at: location)
        d.severity = .warning
        d.notes = ["it is left out of this view"]
        return d
    }

    /// The base graph: nodes of `kinds` (all when empty) less `excluded`, and edges of
    /// `relations` (all when empty) between them.
    static func baseGraph(
        of snapshot: Model, kinds: Set<String>, relations: Set<String>, excluded: Set<String>
    ) -> Model {
        let nodes = snapshot.nodes.filter {
            (kinds.isEmpty || kinds.contains($0.kind)) && !excluded.contains($0.id)
        }
        let kept = Set(nodes.map(\.id))
        let edges = snapshot.edges.filter {
            kept.contains($0.from) && kept.contains($0.to)
                && (relations.isEmpty || relations.contains($0.relation))
        }
        return Model(
            title: snapshot.title, asOf: snapshot.asOf, description: snapshot.description,
            schema: snapshot.schema, sources: snapshot.sources, nodes: nodes, edges: edges,
            file: snapshot.file)
    }

    /// The nodes within `depth` hops of `centre`, ignoring direction, in file order.
    static func neighbourhood(of centre: String, depth: Int, in graph: Model) -> [String] {
        guard let start = graph.index(of: centre) else { return [] }
        let neighbours = ViewAnalytics.adjacency(of: graph)
        var distance = [Int](repeating: -1, count: graph.nodes.count)
        distance[start] = 0
        var frontier = [start]
        for hop in 1...Swift.max(1, depth) {
            var next: [Int] = []
            for u in frontier {
                for v in neighbours[u] where distance[v] < 0 {
                    distance[v] = hop
                    next.append(v)
                }
            }
            frontier = next
        }
        return graph.nodes.indices.filter { distance[$0] >= 0 }.map { graph.nodes[$0].id }
    }

    /// A title for a view that has none, from what it selects.
    static func generatedTitle(_ view: ViewSpec, model: Model, focus: [String], path: [String])
        -> String
    {
        let s = view.selection
        func name(_ id: String) -> String { model.node(id).map { model.phrase(for: $0) } ?? id }
        var title: String
        if let ego = s.ego, let centre = focus.first {
            title = "Around \(name(centre))"
            if ego.depth > 1 { title += " (\(ego.depth) steps)" }
        } else if let first = path.first, let last = path.last {
            title = "From \(name(first)) to \(name(last))"
        } else if let c = s.connectors {
            title = "Top \(c.top) connectors by \(c.measure.rawValue)"
        } else {
            title = model.title
        }
        if case .date(let date) = s.asOf { title += " (as of \(date))" }
        return title.prefix(1).uppercased() + title.dropFirst()
    }
}

/// Resolves the names a view uses against a model, collecting diagnostics.
struct Resolution {
    let model: Model
    let resolver: NameResolver
    var diagnostics: [Diagnostic] = []

    init(model: Model) {
        self.model = model
        self.resolver = NameResolver(model: model)
    }

    mutating func kind(_ ref: Reference) -> String? {
        if model.schema.kind(ref.text) != nil { return ref.text }
        diagnostics.append(
            .viewUnknownKind(ref.text, kinds: model.schema.kinds.map(\.id), at: ref.location))
        return nil
    }

    mutating func relation(_ ref: Reference) -> String? {
        if model.schema.relation(ref.text) != nil { return ref.text }
        diagnostics.append(
            .viewUnknownRelation(
                ref.text, relations: model.schema.relations.map(\.id), at: ref.location))
        return nil
    }

    mutating func node(_ ref: Reference) -> String? {
        switch resolver.resolve(ref.text) {
        case .found(let id):
            return id
        case .ambiguous(let ids):
            diagnostics.append(.viewAmbiguousNode(ref.text, ids: ids, at: ref.location))
        case .notFound(let suggestions):
            diagnostics.append(
                .viewUnknownNode(ref.text, suggestions: suggestions, at: ref.location))
        }
        return nil
    }
}
