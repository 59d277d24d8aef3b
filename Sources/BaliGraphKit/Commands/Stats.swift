import GraphEngine
import StakeholderModel

/// `stats`: counts by kind and relation, components, density, dates and source coverage.
public enum StatsCommand {
    /// Summarises the model (on the asked date).
    public static func run(_ invocation: Invocation) -> CommandResult {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.model
        let n = model.nodes.count
        let m = model.edges.count
        var kindCounts: [(Kind, Int)] = []
        for kind in model.schema.kinds {
            kindCounts.append((kind, model.nodes.filter { $0.kind == kind.id }.count))
        }
        var relationCounts: [(RelationType, Int)] = []
        for relation in model.schema.relations {
            relationCounts.append(
                (relation, model.edges.filter { $0.relation == relation.id }.count))
        }
        let components = AnalysisGraph(model: model).graph.fullView.weaklyConnectedComponents()
            .sizes
            .sorted(by: >)
        // Density of the simple undirected graph (pairs joined by any relation).
        var pairs = Set<String>()
        for e in model.edges where e.from != e.to {
            pairs.insert(e.from < e.to ? e.from + "\u{0}" + e.to : e.to + "\u{0}" + e.from)
        }
        let density = n > 1 ? Double(2 * pairs.count) / Double(n * (n - 1)) : 0
        let nodesSourced = model.nodes.filter { !$0.sources.isEmpty }.count
        let edgesSourced = model.edges.filter { !$0.sources.isEmpty }.count
        var cited = Set<String>()
        for node in model.nodes { cited.formUnion(node.sources) }
        for edge in model.edges { cited.formUnion(edge.sources) }
        let inferred =
            model.nodes.filter { $0.confidence == .inferred }.count
            + model.edges.filter { $0.confidence == .inferred }.count
        let dated =
            model.nodes.filter { $0.validity.since != nil || $0.validity.until != nil }.count
            + model.edges.filter { $0.validity.since != nil || $0.validity.until != nil }.count

        switch invocation.format {
        case .json:
            let object: JSONValue = .object([
                "title": .string(model.title), "file": .string(invocation.dataLabel),
                "data_as_of": .optional(model.asOf?.description),
                "as_of": .optional(loaded.asOf?.description),
                "nodes": .int(n), "edges": .int(m),
                "kinds": .object(
                    Dictionary(
                        uniqueKeysWithValues: kindCounts.map { ($0.0.id, JSONValue.int($0.1)) })),
                "relations": .object(
                    Dictionary(
                        uniqueKeysWithValues: relationCounts.map { ($0.0.id, JSONValue.int($0.1)) })
                ),
                "components": .int(components.count),
                "largest_component": .int(components.first ?? 0),
                "density": .double(density),
                "sources": .object([
                    "declared": .int(model.sources.count), "cited": .int(cited.count),
                    "nodes_with_sources": .int(nodesSourced),
                    "edges_with_sources": .int(edgesSourced),
                ]),
                "inferred": .int(inferred), "dated": .int(dated),
            ])
            return CommandResult(stdout: object.serialized())
        case .csv:
            var out = CSV.row(["section", "key", "value"])
            out += CSV.row(["model", "nodes", String(n)])
            out += CSV.row(["model", "edges", String(m)])
            out += CSV.row(["model", "components", String(components.count)])
            out += CSV.row(["model", "density", JSONValue.format(density)])
            for (k, c) in kindCounts { out += CSV.row(["kind", k.id, String(c)]) }
            for (r, c) in relationCounts { out += CSV.row(["relation", r.id, String(c)]) }
            out += CSV.row(["sources", "declared", String(model.sources.count)])
            out += CSV.row(["sources", "cited", String(cited.count)])
            out += CSV.row(["sources", "nodes_with_sources", String(nodesSourced)])
            out += CSV.row(["sources", "edges_with_sources", String(edgesSourced)])
            return CommandResult(stdout: out)
        case .text:
            let s = invocation.style
            var out = s.bold(model.title) + "\n"
            if let d = model.asOf { out += "  data as of:  \(d)\n" }
            if let d = loaded.asOf { out += "  showing:     the structure as of \(d)\n" }
            out += "  nodes:       \(n)\n  edges:       \(m)\n"
            out += "  components:  \(components.count)"
            if components.count > 1 { out += " (largest \(components[0]) nodes)" }
            out += "\n  density:     \(formatFixed(density, digits: 4))\n"
            out += "\n" + s.cyan("Nodes by kind") + "\n"
            let width = kindCounts.map { $0.0.plural.count }.max() ?? 0
            for (k, c) in kindCounts where c > 0 {
                out += "  " + k.plural.padded(to: width) + "  " + String(c).leftPad(4) + "\n"
            }
            out += "\n" + s.cyan("Edges by relation") + "\n"
            let rwidth = relationCounts.map { $0.0.id.count }.max() ?? 0
            for (r, c) in relationCounts where c > 0 {
                out +=
                    "  " + r.id.padded(to: rwidth) + "  " + String(c).leftPad(4)
                    + s.dim("  (\(r.label))") + "\n"
            }
            out += "\n" + s.cyan("Sources") + "\n"
            out += "  declared \(model.sources.count), cited \(cited.count)\n"
            out += "  nodes citing a source: \(nodesSourced)/\(n)\n"
            out += "  edges citing a source: \(edgesSourced)/\(m)\n"
            out += "  inferred facts: \(inferred); dated facts: \(dated)\n"
            return CommandResult(stdout: out)
        }
    }
}

/// A fixed-point decimal rendering that does not depend on the locale.
func formatFixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return "n/a" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let frac = Int(scaled - Double(whole) * scale)
    var fracText = String(frac)
    fracText = String(repeating: "0", count: max(0, digits - fracText.count)) + fracText
    return (value < 0 && scaled > 0 ? "-" : "") + String(whole) + (digits > 0 ? "." + fracText : "")
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
