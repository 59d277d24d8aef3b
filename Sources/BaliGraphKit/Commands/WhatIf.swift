import GraphEngine
import StakeholderModel

/// `what-if --remove NODE…`: what breaks if nodes leave the structure.
public enum WhatIfCommand {
    /// The most nodes for which every pairwise distance is compared.
    static let distanceLimit = 5_000

    /// Compares the structure with and without the removed nodes (ties read both ways).
    public static func run(
        _ invocation: Invocation, remove queries: [String], via: [String], top: Int
    ) -> CommandResult {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.model
        let analysis = AnalysisGraph(model: model)
        if let e = analysis.check(.init(relations: via)) { return e.result }
        var removed: [Node] = []
        for q in queries {
            switch ModelStore.resolve(q, in: model, full: loaded.full) {
            case .failure(let e): return e.result
            case .success(let n):
                if !removed.contains(where: { $0.id == n.id }) { removed.append(n) }
            }
        }
        let beforeView = analysis.view(.init(relations: via))
        let afterView = analysis.view(.init(relations: via, removed: removed.map(\.id)))
        let before = beforeView.undirectedGraph()
        let after = afterView.undirectedGraph()
        let removedSet = Set(removed.map { analysis.index($0.id) })
        let componentsBefore = before.connectedComponents()
        let componentsAfter = after.connectedComponents()
        // Pieces cut off: components after removal that are not the largest piece of the
        // component they belonged to before.
        var largestPiece: [Int32: Int32] = [:]  // before-component → after-component label
        for v in after.includedNodes {
            let cb = componentsBefore.labels[Int(v)]
            let ca = componentsAfter.labels[Int(v)]
            if let current = largestPiece[cb] {
                let sc = componentsAfter.sizes[Int(current)]
                let sn = componentsAfter.sizes[Int(ca)]
                if sn > sc || (sn == sc && ca < current) { largestPiece[cb] = ca }
            } else {
                largestPiece[cb] = ca
            }
        }
        var cutOffGroups: [Int32: [Int32]] = [:]
        for v in after.includedNodes {
            let ca = componentsAfter.labels[Int(v)]
            if largestPiece[componentsBefore.labels[Int(v)]] != ca {
                cutOffGroups[ca, default: []].append(v)
            }
        }
        let cutOff = cutOffGroups.values.map { $0.sorted() }.sorted {
            ($0.count, $1.first ?? 0) > ($1.count, $0.first ?? 0)
        }
        var disconnectedPairs = 0
        var grown: [(a: Int32, b: Int32, before: Int32, after: Int32)] = []
        let remaining = after.includedNodes
        let compareDistances = remaining.count <= distanceLimit
        if compareDistances {
            for (i, a) in remaining.enumerated() {
                let db = beforeView.distances(from: a)
                let da = afterView.distances(from: a)
                for b in remaining[(i + 1)...] {
                    let x = db[Int(b)]
                    let y = da[Int(b)]
                    if x >= 0 && y < 0 { disconnectedPairs += 1 }
                    if x >= 0 && y > x { grown.append((a, b, x, y)) }
                }
            }
        }
        grown.sort { ($0.after - $0.before, $1.a, $1.b) > ($1.after - $1.before, $0.a, $0.b) }
        let pointsBefore = Set(before.articulationPoints().map(\.node))
        let newPoints = after.articulationPoints().map(\.node).filter {
            !pointsBefore.contains($0) && !removedSet.contains($0)
        }
        .map { analysis.node($0) }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        let name = { (v: Int32) in analysis.node(v).name }
        switch invocation.format {
        case .json:
            return CommandResult(
                stdout: JSONValue.object([
                    "removed": .array(removed.map { .string($0.id) }),
                    "as_of": .optional(loaded.asOf?.description),
                    "components_before": .int(componentsBefore.count),
                    "components_after": .int(componentsAfter.count),
                    "cut_off": .array(
                        cutOff.map { .array($0.map { .string(analysis.node($0).id) }) }),
                    "disconnected_pairs": compareDistances ? .int(disconnectedPairs) : .null,
                    "distances_grown_count": compareDistances ? .int(grown.count) : .null,
                    "distances_grown": .array(
                        grown.prefix(top).map {
                            .object([
                                "from": .string(analysis.node($0.a).id),
                                "to": .string(analysis.node($0.b).id),
                                "before": .int(Int($0.before)), "after": .int(Int($0.after)),
                            ])
                        }),
                    "new_cut_points": .array(newPoints.map { .string($0.id) }),
                ]).serialized())
        case .csv:
            var out = CSV.row(["effect", "a", "b", "before", "after"])
            for group in cutOff {
                for v in group { out += CSV.row(["cut-off", analysis.node(v).id, "", "", ""]) }
            }
            for g in grown.prefix(top) {
                out += CSV.row([
                    "distance-grown", analysis.node(g.a).id, analysis.node(g.b).id,
                    String(g.before), String(g.after),
                ])
            }
            for p in newPoints { out += CSV.row(["new-cut-point", p.id, "", "", ""]) }
            return CommandResult(stdout: out)
        case .text:
            let style = invocation.style
            var out =
                style.bold(
                    "What if " + removed.map(\.name).joined(separator: ", ")
                        + (removed.count == 1 ? " leaves" : " leave")) + "\n"
            out += "  components: \(componentsBefore.count) → \(componentsAfter.count)\n"
            if cutOff.isEmpty {
                out += "  nobody is cut off: every remaining node still reaches the others\n"
            } else {
                out +=
                    "\n"
                    + style.cyan(
                        "Cut off from the rest (\(cutOff.reduce(0) { $0 + $1.count }) nodes)")
                    + "\n"
                for group in cutOff {
                    out += "  - " + group.map(name).joined(separator: ", ") + "\n"
                }
            }
            if compareDistances {
                out += "\n" + style.cyan("Pairs no longer connected: \(disconnectedPairs)") + "\n"
                out += style.cyan("Pairs whose distance grew: \(grown.count)") + "\n"
                for g in grown.prefix(top) {
                    out += "  - \(name(g.a)) – \(name(g.b)): \(g.before) → \(g.after) steps\n"
                }
                if grown.count > top {
                    out += style.dim("  … \(grown.count - top) more (--top)") + "\n"
                }
            } else {
                out +=
                    style.dim("\n(distances not compared: more than \(distanceLimit) nodes)") + "\n"
            }
            out += "\n" + style.cyan("New cut points: \(newPoints.count)") + "\n"
            for p in newPoints { out += "  - \(p.name)\n" }
            return CommandResult(stdout: out)
        }
    }
}
