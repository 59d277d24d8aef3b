import GraphEngine
import StakeholderModel

/// The filters `path` and `neighbors` share.
public struct PathOptions: Sendable {
    /// Only these relations (`--via`).
    public var via: [String] = []
    /// Only nodes of these kinds strictly inside a path (`--through-kind`).
    public var throughKinds: [String] = []
    /// Nodes a path must not touch (`--avoid`), as typed by the user.
    public var avoid: [String] = []
    /// The longest path in steps (`--max-length`).
    public var maxLength: Int?
    /// Follow edges only forwards (`--directed`); by default ties are followed both ways.
    public var directed = false

    /// Creates default options: any relation, both directions.
    public init() {}
}

/// `path A B`: shortest, all shortest or k shortest paths, explained in words.
public enum PathCommand {
    /// Which paths to find.
    public enum Mode: Sendable, Equatable {
        case shortest
        case allShortest(limit: Int)
        case kShortest(Int)
    }

    /// Finds and prints the paths.
    public static func run(
        _ invocation: Invocation, from a: String, to b: String, mode: Mode, options: PathOptions
    ) -> CommandResult {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.model
        let analysis = AnalysisGraph(model: model)
        let start: Node
        let end: Node
        switch (
            ModelStore.resolve(a, in: model, full: loaded.full),
            ModelStore.resolve(b, in: model, full: loaded.full)
        ) {
        case (.failure(let e), _), (_, .failure(let e)): return e.result
        case (.success(let x), .success(let y)):
            start = x
            end = y
        }
        var avoided: [Node] = []
        for query in options.avoid {
            switch ModelStore.resolve(query, in: model, full: loaded.full) {
            case .failure(let e): return e.result
            case .success(let n): avoided.append(n)
            }
        }
        if let e = analysis.check(.init(relations: options.via, kinds: options.throughKinds)) {
            return e.result
        }
        if let clash = avoided.first(where: { $0.id == start.id || $0.id == end.id }) {
            return BaliError.usage("'\(clash.name)' is an end of the path and cannot be avoided")
                .result
        }
        let view = analysis.graph.view(relations: analysis.relationMask(options.via))
        let constraints = PathConstraints(
            direction: options.directed ? .outgoing : .both,
            intermediates: analysis.kindMask(options.throughKinds),
            avoiding: avoided.map { analysis.index($0.id) }, maxLength: options.maxLength)
        let s = analysis.index(start.id)
        let t = analysis.index(end.id)
        let paths: [GraphEngine.Path]
        switch mode {
        case .shortest:
            paths = view.shortestPath(from: s, to: t, constraints: constraints).map { [$0] } ?? []
        case .allShortest(let limit):
            paths = view.allShortestPaths(from: s, to: t, limit: limit, constraints: constraints)
        case .kShortest(let k):
            paths = view.kShortestPaths(from: s, to: t, count: k, constraints: constraints)
        }
        if paths.isEmpty {
            var notes: [String] = []
            var applied: [String] = []
            if !options.via.isEmpty {
                applied.append("--via " + options.via.joined(separator: " "))
            }
            if !options.throughKinds.isEmpty {
                applied.append("--through-kind " + options.throughKinds.joined(separator: " "))
            }
            if !avoided.isEmpty {
                applied.append("--avoid " + avoided.map(\.name).joined(separator: ", "))
            }
            if let m = options.maxLength { applied.append("--max-length \(m)") }
            if options.directed { applied.append("--directed") }
            if let d = loaded.asOf { applied.append("--as-of \(d)") }
            if !applied.isEmpty {
                notes.append(
                    "filters in force: " + applied.joined(separator: "; ")
                        + "; loosen them to find a path")
            }
            return BaliError(
                "no path from \(start.name) to \(end.name)"
                    + (applied.isEmpty ? ": they are not connected" : ""),
                notes: notes
            ).result
        }
        switch invocation.format {
        case .json:
            let rows: [JSONValue] = paths.map { pathJSON($0, analysis) }
            return CommandResult(
                stdout: JSONValue.object([
                    "from": .string(start.id), "to": .string(end.id),
                    "as_of": .optional(loaded.asOf?.description),
                    "length": .int(paths[0].length), "count": .int(paths.count),
                    "paths": .array(rows),
                ]).serialized())
        case .csv:
            var out = CSV.row(["path", "step", "from", "relation", "to", "direction", "label"])
            for (i, p) in paths.enumerated() {
                for (j, step) in p.steps.enumerated() {
                    let e = analysis.edge(step.edge)
                    out += CSV.row([
                        String(i + 1), String(j + 1), analysis.node(step.from).id, e.relation,
                        analysis.node(step.to).id, step.isForward ? "forward" : "backward",
                        label(step, analysis),
                    ])
                }
            }
            return CommandResult(stdout: out)
        case .text:
            let style = invocation.style
            let what: String
            switch mode {
            case .shortest: what = "Shortest path"
            case .allShortest:
                what = paths.count == 1 ? "The only shortest path" : "\(paths.count) shortest paths"
            case .kShortest: what = paths.count == 1 ? "1 path" : "\(paths.count) shortest paths"
            }
            var out = style.bold("\(what) from \(start.name) to \(end.name)")
            out +=
                style.dim(
                    " (\(steps(paths[0].length))" + (loaded.asOf.map { ", as of \($0)" } ?? "")
                        + ")") + "\n"
            for (i, p) in paths.enumerated() {
                let prefix = paths.count > 1 ? "\(i + 1). " : "  "
                out +=
                    prefix + sentence(p, analysis)
                    + (paths.count > 1 && p.length != paths[0].length
                        ? style.dim(" (\(steps(p.length)))") : "") + "\n"
            }
            return CommandResult(stdout: out)
        }
    }

    static func steps(_ n: Int) -> String { n == 1 ? "1 step" : "\(n) steps" }

    /// The relation's label as read along the step: the inverse when walked backwards.
    static func label(_ step: PathStep, _ analysis: AnalysisGraph) -> String {
        let e = analysis.edge(step.edge)
        let type = analysis.model.schema.relation(e.relation)
        return (step.isForward ? type?.label : type?.inverse) ?? e.relation
    }

    /// "Sri Lanka is a member of the Ad Hoc Group, which has member New Zealand."
    static func sentence(_ path: GraphEngine.Path, _ analysis: AnalysisGraph) -> String {
        let model = analysis.model
        guard let first = path.nodes.first else { return "" }
        var text = Sentences.capitalized(model.compactPhrase(for: analysis.node(first)))
        for (i, step) in path.steps.enumerated() {
            text +=
                (i == 0 ? " " : ", which ") + label(step, analysis) + " "
                + model.compactPhrase(for: analysis.node(step.to))
        }
        return text + "."
    }

    static func pathJSON(_ path: GraphEngine.Path, _ analysis: AnalysisGraph) -> JSONValue {
        .object([
            "length": .int(path.length),
            "nodes": .array(path.nodes.map { .string(analysis.node($0).id) }),
            "sentence": .string(sentence(path, analysis)),
            "steps": .array(
                path.steps.map { step in
                    let e = analysis.edge(step.edge)
                    return .object([
                        "from": .string(analysis.node(step.from).id),
                        "to": .string(analysis.node(step.to).id),
                        "relation": .string(e.relation), "label": .string(label(step, analysis)),
                        "direction": .string(step.isForward ? "forward" : "backward"),
                        "sources": .array(e.sources.map { .string($0) }),
                        "confidence": .string(e.confidence.rawValue),
                    ])
                }),
        ])
    }
}

/// `neighbors NODE --depth K`: the k-hop neighbourhood, by distance.
public enum NeighborsCommand {
    /// Lists the nodes within `depth` steps, each with the tie that reached it.
    public static func run(
        _ invocation: Invocation, node query: String, depth: Int, options: PathOptions
    )
        -> CommandResult
    {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.model
        let analysis = AnalysisGraph(model: model)
        let center: Node
        switch ModelStore.resolve(query, in: model, full: loaded.full) {
        case .failure(let e): return e.result
        case .success(let n): center = n
        }
        if let e = analysis.check(.init(relations: options.via, kinds: options.throughKinds)) {
            return e.result
        }
        var removed: [String] = []
        for q in options.avoid {
            switch ModelStore.resolve(q, in: model, full: loaded.full) {
            case .failure(let e): return e.result
            case .success(let n): removed.append(n.id)
            }
        }
        var filters = AnalysisGraph.Filters(relations: options.via, removed: removed)
        filters.kinds = []
        var view = analysis.view(filters)
        if !options.throughKinds.isEmpty {
            // Kind filter applies to the nodes listed; the centre always stays.
            let keep = model.nodes.indices.filter {
                options.throughKinds.contains(model.nodes[$0].kind)
                    || model.nodes[$0].id == center.id
            }
            var mask = BitMask(count: model.nodes.count, setting: keep)
            if let n = view.nodes { mask = mask.intersection(n) }
            view = analysis.graph.view(nodes: mask, relations: analysis.relationMask(options.via))
        }
        let direction: TraversalDirection = options.directed ? .outgoing : .both
        let c = analysis.index(center.id)
        let reached = view.neighborhood(of: [c], depth: depth, direction: direction).filter {
            $0.node != c
        }
        let dist = view.distances(from: c, direction: direction, maxDepth: depth)
        // For each reached node, the tie from a node one step closer (lowest edge index).
        func via(_ v: Int32) -> (parent: Int32, step: PathStep)? {
            let d = dist[Int(v)]
            var best: (Int32, PathStep)? = nil
            for u in view.neighbors(of: v, direction: .both) where dist[Int(u)] == d - 1 {
                let forward = view.steps(from: u, to: v, direction: direction)
                if let step = forward.min(by: { $0.edge < $1.edge }),
                    best == nil || step.edge < best!.1.edge
                {
                    best = (u, step)
                }
            }
            return best
        }
        let rows = reached.map {
            (node: analysis.node($0.node), depth: $0.depth, via: via($0.node))
        }
        .sorted { ($0.depth, $0.node.name, $0.node.id) < ($1.depth, $1.node.name, $1.node.id) }
        switch invocation.format {
        case .json:
            let items: [JSONValue] = rows.map { r in
                var o = Describe.nodeJSON(r.node, in: model)
                o["depth"] = .int(r.depth)
                if let v = r.via {
                    o["via"] = .object([
                        "node": .string(analysis.node(v.parent).id),
                        "relation": .string(analysis.edge(v.step.edge).relation),
                        "label": .string(PathCommand.label(v.step, analysis)),
                    ])
                }
                return .object(o)
            }
            return CommandResult(
                stdout: JSONValue.object([
                    "node": .string(center.id), "depth": .int(depth), "count": .int(rows.count),
                    "as_of": .optional(loaded.asOf?.description), "neighbors": .array(items),
                ]).serialized())
        case .csv:
            var out = CSV.row(["depth", "id", "name", "kind", "via", "relation"])
            for r in rows {
                out += CSV.row([
                    String(r.depth), r.node.id, r.node.name, r.node.kind,
                    r.via.map { analysis.node($0.parent).id } ?? "",
                    r.via.map { analysis.edge($0.step.edge).relation } ?? "",
                ])
            }
            return CommandResult(stdout: out)
        case .text:
            let style = invocation.style
            var out =
                style.bold(
                    "\(center.name): \(rows.count) node\(rows.count == 1 ? "" : "s") within \(PathCommand.steps(depth))"
                ) + "\n"
            var current = 0
            for r in rows {
                if r.depth != current {
                    current = r.depth
                    out += "\n" + style.cyan("Depth \(current)") + "\n"
                }
                var line =
                    "  - \(r.node.name)"
                    + style.dim("  (\(model.kind(of: r.node)?.label ?? r.node.kind))")
                if let v = r.via {
                    let parent = model.compactPhrase(for: analysis.node(v.parent))
                    let sentence =
                        "\(parent) \(PathCommand.label(v.step, analysis)) \(model.compactPhrase(for: r.node))"
                    line += style.dim(" — " + sentence)
                }
                out += line + "\n"
            }
            return CommandResult(stdout: out)
        }
    }
}
