import GraphEngine
import StakeholderModel

/// The names a result row shows for a node.
public struct NodeLabel: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: String
    /// The name, or the short name when the name is too long for a table.
    public var display: String

    init(id: String, name: String, kind: String, short: String?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.display = name.count > 36 ? (short ?? name) : name
    }

    init(_ node: Node) {
        self.init(id: node.id, name: node.name, kind: node.kind, short: node.short)
    }
}

/// The per-node connector measures, computed on one filtered view of a graph.
public struct ConnectorRow: Sendable {
    public var node: NodeLabel
    /// Degree centrality (NetworkX `degree_centrality`, simple undirected graph).
    public var degreeCentrality: Double
    /// Number of distinct neighbours in the simple undirected graph.
    public var degree: Int
    /// Normalised betweenness (NetworkX `betweenness_centrality`).
    public var betweenness: Double
    /// Closeness (NetworkX `closeness_centrality`, Wasserman–Faust); NaN when skipped.
    public var closeness: Double
    /// Burt's constraint (NaN for isolated nodes, as NetworkX).
    public var constraint: Double
    /// Burt's effective size (NaN for isolated nodes, as NetworkX).
    public var effectiveSize: Double
    /// True when removing the node disconnects its component.
    public var articulationPoint: Bool
    /// How many nodes lose their way to the largest remaining piece when it is removed.
    public var separates: Int
    /// Gould–Fernandez brokerage role counts on the directed ties.
    public var brokerage: BrokerageRoles
}

/// The measures `connectors` can rank by.
public enum ConnectorMeasure: String, Sendable, CaseIterable {
    case betweenness
    case closeness
    case degree
    case constraint
    case effectiveSize = "effective-size"
    case brokerage
    case separates
}

/// `connectors`: who bridges the structure, by every standard measure.
public enum ConnectorsCommand {
    /// Options of the analysis.
    public struct Options: Sendable {
        public var measure: ConnectorMeasure = .betweenness
        /// Rows printed (0: all).
        public var top: Int = 0
        /// `kind` or an attribute name: the partition for brokerage roles.
        public var partition: String = "kind"
        /// Only these relations.
        public var relations: [String] = []
        /// Only nodes of these kinds.
        public var kinds: [String] = []
        /// Betweenness from this many sampled sources (seeded), NetworkX's `k=`; nil: exact.
        public var sample: Int?
        /// On a large imported edge list: compute exact betweenness and closeness anyway.
        public var exact = false

        /// Defaults: rank by betweenness, all rows, partition by kind.
        public init() {}
    }

    /// Computes every measure for every node of the filtered view of a model, in model order.
    static func measures(_ analysis: AnalysisGraph, options: Options) -> [ConnectorRow] {
        let model = analysis.model
        let view = analysis.view(.init(relations: options.relations, kinds: options.kinds))
        // Partition: group ids in order of the sorted labels.
        let labels: [String] = model.nodes.map { node in
            options.partition == "kind"
                ? node.kind : node.attribute(options.partition)?.text ?? "(none)"
        }
        let distinct = Array(Set(labels)).sorted()
        let groupOf = Dictionary(
            uniqueKeysWithValues: distinct.enumerated().map { ($1, Int32($0)) })
        return measures(
            view: view, labels: model.nodes.map(NodeLabel.init),
            groups: labels.map { groupOf[$0]! },
            sample: options.sample, closeness: true)
    }

    /// The seed of sampled betweenness, so that a sample is repeatable.
    static let sampleSeed: UInt64 = 20_021_226

    /// Computes the measures on a view: betweenness exact or from `sample` sources; closeness
    /// only when asked (it needs a breadth-first search from every node).
    static func measures(
        view: GraphView, labels: [NodeLabel], groups: [Int32], sample: Int?, closeness wanted: Bool
    ) -> [ConnectorRow] {
        let simple = view.undirectedGraph()
        let degree = simple.degreeCentrality()
        let betweenness = simple.betweennessCentrality(
            normalized: true, sample: sample.flatMap { SourceSample(count: $0, seed: sampleSeed) })
        let closeness =
            wanted ? simple.closenessCentrality() : [Double](repeating: .nan, count: view.nodeCount)
        let (constraint, effective) = simple.structuralHoles()
        var cut: [Int32: ArticulationPoint] = [:]
        for point in simple.articulationPoints() { cut[point.node] = point }
        let brokerage = view.brokerageRoles(groups: groups)
        return labels.indices.compactMap { i -> ConnectorRow? in
            let v = Int32(i)
            guard view.contains(node: v) else { return nil }
            return ConnectorRow(
                node: labels[i], degreeCentrality: degree[i], degree: simple.degree(of: v),
                betweenness: betweenness[i], closeness: closeness[i], constraint: constraint[i],
                effectiveSize: effective[i], articulationPoint: cut[v] != nil,
                separates: cut[v]?.separatedNodeCount ?? 0, brokerage: brokerage[i])
        }
    }

    static func value(_ row: ConnectorRow, _ measure: ConnectorMeasure) -> Double {
        switch measure {
        case .betweenness: return row.betweenness
        case .closeness: return row.closeness.isNaN ? -Double.infinity : row.closeness
        case .degree: return row.degreeCentrality
        // Low constraint means more brokerage opportunity: rank ascending (NaN last).
        case .constraint: return row.constraint.isNaN ? -Double.infinity : -row.constraint
        case .effectiveSize: return row.effectiveSize.isNaN ? -Double.infinity : row.effectiveSize
        case .brokerage: return Double(row.brokerage.total)
        case .separates: return Double(row.separates)
        }
    }

    /// Ranks by the measure (best first; ties by name, then id).
    static func ranked(_ rows: [ConnectorRow], by measure: ConnectorMeasure) -> [ConnectorRow] {
        rows.sorted {
            let a = value($0, measure)
            let b = value($1, measure)
            if a != b { return a > b }
            return ($0.node.name, $0.node.id) < ($1.node.name, $1.node.id)
        }
    }

    /// Runs the analysis and prints the ranked report.
    public static func run(_ invocation: Invocation, options: Options) -> CommandResult {
        var rows: [ConnectorRow]
        var notes: [String] = []
        var asOf: PartialDate? = nil
        if let lean = LargeGraph.edgeList(for: invocation) {
            switch lean {
            case .failure(let e): return e.result
            case .success(let table):
                switch largeGraphRows(table, options: options) {
                case .failure(let e): return e.result
                case .success(let result):
                    rows = result.rows
                    notes = result.notes
                }
            }
        } else {
            let loaded: LoadedModel
            switch ModelStore.load(invocation) {
            case .failure(let e): return e.result
            case .success(let l): loaded = l
            }
            asOf = loaded.asOf
            let analysis = AnalysisGraph(model: loaded.model)
            if let e = analysis.check(.init(relations: options.relations, kinds: options.kinds)) {
                return e.result
            }
            if options.partition != "kind",
                !loaded.model.nodes.contains(where: { $0.attribute(options.partition) != nil })
            {
                return BaliError.usage(
                    "no node has the attribute '\(options.partition)' to partition by",
                    notes: ["use --partition kind, or an attribute such as region"]
                ).result
            }
            rows = measures(analysis, options: options)
        }
        if let k = options.sample {
            notes.append(
                "betweenness estimated from \(k) sampled sources (seed \(sampleSeed)), as NetworkX's k="
            )
        }
        rows = ranked(rows, by: options.measure)
        if rows.isEmpty {
            return BaliError(
                "no nodes are left after the filters", notes: ["loosen --kind or --via"]
            ).result
        }
        let total = rows.count
        if options.top > 0 { rows = Array(rows.prefix(options.top)) }
        switch invocation.format {
        case .json:
            let items: [JSONValue] = rows.enumerated().map { i, r in
                .object([
                    "rank": .int(i + 1), "id": .string(r.node.id), "name": .string(r.node.name),
                    "kind": .string(r.node.kind), "degree": .int(r.degree),
                    "degree_centrality": .double(r.degreeCentrality),
                    "betweenness": .double(r.betweenness),
                    "closeness": .double(r.closeness), "constraint": .double(r.constraint),
                    "effective_size": .double(r.effectiveSize),
                    "articulation_point": .bool(r.articulationPoint),
                    "separates": .int(r.separates),
                    "brokerage": .object([
                        "coordinator": .int(r.brokerage.coordinator),
                        "itinerant": .int(r.brokerage.itinerant),
                        "gatekeeper": .int(r.brokerage.gatekeeper),
                        "representative": .int(r.brokerage.representative),
                        "liaison": .int(r.brokerage.liaison),
                        "total": .int(r.brokerage.total),
                    ]),
                ])
            }
            return CommandResult(
                stdout: JSONValue.object([
                    "measure": .string(options.measure.rawValue),
                    "partition": .string(options.partition),
                    "as_of": .optional(asOf?.description), "nodes": .int(total),
                    "rows": .array(items), "notes": .array(notes.map { .string($0) }),
                ]).serialized())
        case .csv:
            var out = CSV.row([
                "rank", "id", "name", "kind", "degree", "degree_centrality", "betweenness",
                "closeness", "constraint",
                "effective_size", "articulation_point", "separates", "coordinator", "itinerant",
                "gatekeeper",
                "representative", "liaison",
            ])
            for (i, r) in rows.enumerated() {
                out += CSV.row([
                    String(i + 1), r.node.id, r.node.name, r.node.kind, String(r.degree),
                    JSONValue.format(r.degreeCentrality), JSONValue.format(r.betweenness),
                    JSONValue.format(r.closeness),
                    r.constraint.isNaN ? "" : JSONValue.format(r.constraint),
                    r.effectiveSize.isNaN ? "" : JSONValue.format(r.effectiveSize),
                    r.articulationPoint ? "true" : "false",
                    String(r.separates), String(r.brokerage.coordinator),
                    String(r.brokerage.itinerant),
                    String(r.brokerage.gatekeeper), String(r.brokerage.representative),
                    String(r.brokerage.liaison),
                ])
            }
            return CommandResult(stdout: out)
        case .text:
            let style = invocation.style
            var out = style.bold("Connectors ranked by \(options.measure.rawValue)")
            out +=
                style.dim(
                    " (\(total) nodes" + (asOf.map { ", as of \($0)" } ?? "")
                        + "; brokerage by \(options.partition))")
                + "\n\n"
            let nameWidth = min(36, rows.map { $0.node.display.count }.max() ?? 4)
            out +=
                "  #  " + "node".padded(to: nameWidth)
                + "  betweenness  closeness  degree  constraint  eff.size  cut point     brokerage c/i/g/r/l\n"
            for (i, r) in rows.enumerated() {
                var line =
                    String(i + 1).leftPad(3) + "  "
                    + truncate(r.node.display, nameWidth).padded(to: nameWidth)
                line += "  " + formatFixed(r.betweenness, digits: 4).leftPad(11)
                line +=
                    "  "
                    + (r.closeness.isNaN ? "n/a" : formatFixed(r.closeness, digits: 4)).leftPad(9)
                line += "  " + String(r.degree).leftPad(6)
                line +=
                    "  "
                    + (r.constraint.isNaN ? "n/a" : formatFixed(r.constraint, digits: 4)).leftPad(
                        10)
                line +=
                    "  "
                    + (r.effectiveSize.isNaN ? "n/a" : formatFixed(r.effectiveSize, digits: 2))
                    .leftPad(8)
                line += "  " + (r.articulationPoint ? "yes (\(r.separates))" : "").padded(to: 12)
                let b = r.brokerage
                line +=
                    "  " + "\(b.total)".leftPad(5)
                    + style.dim(
                        " \(b.coordinator)/\(b.itinerant)/\(b.gatekeeper)/\(b.representative)/\(b.liaison)"
                    )
                out += line + "\n"
            }
            if options.top > 0 && total > rows.count {
                out += style.dim("  … \(total - rows.count) more; use --top 0 for all") + "\n"
            }
            out +=
                "\n"
                + style.dim(
                    "betweenness, closeness, degree: NetworkX definitions on the simple undirected graph;\n"
                        + "constraint and effective size: Burt (1992); cut point: removing it disconnects (nodes cut off);\n"
                        + "brokerage: Gould & Fernandez (1989) coordinator/itinerant/gatekeeper/representative/liaison"
                ) + "\n"
            for note in notes { out += style.dim("note: \(note)") + "\n" }
            return CommandResult(stdout: out)
        }
    }

    static func truncate(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}

/// `common A B [C…]`: what the nodes share, and how strongly.
public enum CommonCommand {
    /// Lists the nodes every given node is tied to, and pairwise co-membership strength.
    public static func run(_ invocation: Invocation, nodes queries: [String], via: [String])
        -> CommandResult
    {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.model
        let analysis = AnalysisGraph(model: model)
        if let e = analysis.check(.init(relations: via)) { return e.result }
        var nodes: [Node] = []
        for q in queries {
            switch ModelStore.resolve(q, in: model, full: loaded.full) {
            case .failure(let e): return e.result
            case .success(let n):
                if nodes.contains(where: { $0.id == n.id }) {
                    return BaliError.usage("'\(q)' names \(n.name) twice").result
                }
                nodes.append(n)
            }
        }
        let view = analysis.view(.init(relations: via))
        let indices = nodes.map { analysis.index($0.id) }
        let shared = view.commonNeighbors(of: indices).map { analysis.node($0) }
            .sorted {
                (model.kind(of: $0)?.rank ?? 99, $0.name, $0.id) < (
                    model.kind(of: $1)?.rank ?? 99, $1.name, $1.id
                )
            }
        // How each given node is tied to each shared node, as the relation labels read from it.
        func ties(_ a: Node, _ b: Node) -> [String] {
            let ai = analysis.index(a.id)
            let bi = analysis.index(b.id)
            return view.steps(from: ai, to: bi, direction: .both).map {
                PathCommand.label($0, analysis)
            }
        }
        struct Pair {
            var a: Node
            var b: Node
            var shared: Int
            var union: Int
            var jaccard: Double
        }
        var pairs: [Pair] = []
        for i in 0..<nodes.count {
            for j in (i + 1)..<nodes.count {
                let na = Set(view.neighbors(of: indices[i]))
                let nb = Set(view.neighbors(of: indices[j]))
                let inter = na.intersection(nb).count
                let union = na.union(nb).count
                pairs.append(
                    Pair(
                        a: nodes[i], b: nodes[j], shared: inter, union: union,
                        jaccard: union == 0 ? 0 : Double(inter) / Double(union)))
            }
        }
        switch invocation.format {
        case .json:
            let items: [JSONValue] = shared.map { s in
                var o: [String: JSONValue] = [
                    "id": .string(s.id), "name": .string(s.name), "kind": .string(s.kind),
                ]
                var t: [String: JSONValue] = [:]
                for n in nodes { t[n.id] = .array(ties(n, s).map { .string($0) }) }
                o["ties"] = .object(t)
                return .object(o)
            }
            let pairItems: [JSONValue] = pairs.map {
                .object([
                    "a": .string($0.a.id), "b": .string($0.b.id), "shared": .int($0.shared),
                    "union": .int($0.union),
                    "jaccard": .double($0.jaccard),
                ])
            }
            return CommandResult(
                stdout: JSONValue.object([
                    "nodes": .array(nodes.map { .string($0.id) }), "shared": .array(items),
                    "pairs": .array(pairItems),
                    "as_of": .optional(loaded.asOf?.description),
                ]).serialized())
        case .csv:
            var out = CSV.row(["shared_id", "shared_name", "kind"] + nodes.map(\.id))
            for s in shared {
                out += CSV.row(
                    [s.id, s.name, s.kind] + nodes.map { ties($0, s).joined(separator: "; ") })
            }
            return CommandResult(stdout: out)
        case .text:
            let style = invocation.style
            let names = nodes.map(\.name)
            let list =
                names.count == 2
                ? names.joined(separator: " and ")
                : names.dropLast().joined(separator: ", ") + " and " + names.last!
            var out =
                style.bold("\(list) share \(shared.count) node\(shared.count == 1 ? "" : "s")")
                + "\n"
            for s in shared {
                out +=
                    "  - \(s.name)" + style.dim(" (\(model.kind(of: s)?.label ?? s.kind))") + ": "
                out +=
                    nodes.map { "\($0.name) \(ties($0, s).joined(separator: ", "))" }.joined(
                        separator: "; ") + "\n"
            }
            out += "\n" + style.cyan("Co-membership strength") + "\n"
            for p in pairs {
                out +=
                    "  \(p.a.name) – \(p.b.name): \(p.shared) shared of \(p.union) (Jaccard \(formatFixed(p.jaccard, digits: 3)))\n"
            }
            return CommandResult(stdout: out)
        }
    }
}

extension ConnectorsCommand {
    /// The most nodes for which closeness (a breadth-first search from every node) and exact
    /// betweenness are computed on an imported edge list without being asked for.
    static let exactLimit = 20_000

    /// `connectors` on a large CSV edge list, read by the lean loader (no model is built).
    static func largeGraphRows(_ table: EdgeListTable, options: Options) -> Result<
        (rows: [ConnectorRow], notes: [String]), BaliError
    > {
        if !options.kinds.isEmpty || options.partition != "kind" {
            return .failure(
                .usage(
                    "a CSV edge list read in lean mode has no kinds or attributes",
                    notes: ["drop --kind/--partition, or give a node table with --nodes (slower)"]))
        }
        for r in options.relations where !table.relationNames.contains(r) {
            return .failure(
                .usage(
                    "unknown relation '\(r)'",
                    notes: ["relations: " + table.relationNames.joined(separator: ", ")]))
        }
        let n = table.names.count
        if n > exactLimit && options.sample == nil && !options.exact {
            return .failure(
                BaliError(
                    "exact betweenness on \(n) nodes needs a breadth-first search from every node",
                    notes: [
                        "add --sample 1000 to estimate it from 1000 sources (NetworkX's k=), "
                            + "or --exact to wait for the exact value"
                    ]))
        }
        let graph: Graph
        do {
            graph = try Graph(
                nodeCount: n, sources: table.sources, targets: table.targets,
                relations: table.relations)
        } catch {
            return .failure(BaliError("the edge list cannot form a graph: \(error)"))
        }
        let mask: BitMask? =
            options.relations.isEmpty
            ? nil
            : BitMask(
                count: table.relationNames.count,
                setting: table.relationNames.indices.filter {
                    options.relations.contains(table.relationNames[$0])
                })
        let view = graph.view(relations: mask)
        let labels = table.names.map { NodeLabel(id: $0, name: $0, kind: "node", short: nil) }
        let closeness = n <= exactLimit || options.exact
        var notes = ["read as a lean edge list: \(n) nodes, \(table.edgeCount) edges"]
        if !closeness {
            notes.append("closeness skipped on \(n) nodes (use --exact to compute it)")
        }
        return .success(
            (
                measures(
                    view: view, labels: labels, groups: [Int32](repeating: 0, count: n),
                    sample: options.sample,
                    closeness: closeness), notes
            ))
    }
}
