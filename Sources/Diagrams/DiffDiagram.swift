import StakeholderModel

/// The diagram of a ``ModelDiff``: the union of both models, added nodes and ties in green,
/// removed in red, changed in amber and the unchanged muted, with a legend. Colour is never
/// the only signal: added is drawn bold, removed dashed, changed with a double outline.
public enum DiffDiagram {
    /// What happened to a node or tie between the two models.
    public enum Status: String, Sendable, CaseIterable {
        case added, removed, changed, unchanged

        var fill: String {
            switch self {
            case .added: "#d9f0d3"
            case .removed: "#fddbc7"
            case .changed: "#fee8b0"
            case .unchanged: "#f4f4f4"
            }
        }

        var ink: String {
            switch self {
            case .added: "#1b7837"
            case .removed: "#b2182b"
            case .changed: "#b35806"
            case .unchanged: "#9a9a9a"
            }
        }

        var nodeStyle: String { self == .removed ? "filled,dashed" : "filled" }
        var edgeStyle: String { self == .removed ? "dashed" : self == .added ? "bold" : "solid" }
        var label: String {
            switch self {
            case .added: "added"
            case .removed: "removed"
            case .changed: "changed"
            case .unchanged: "unchanged"
            }
        }
    }

    /// Builds the diagram. `oldLabel` and `newLabel` name the two sides in the title. By
    /// default it draws the part of the union that the changes touch: every added, removed
    /// or changed node and tie, the nodes at the ends of those ties, and the unchanged ties
    /// among all of these (muted); `fullUnion` draws every node and tie of both models.
    public static func diagram(
        old: Model, new: Model, diff: ModelDiff, oldLabel: String, newLabel: String,
        theme: Theme = .light, fullUnion: Bool = false
    ) -> Diagram {
        var status: [String: Status] = [:]
        for n in new.nodes { status[n.id] = .unchanged }
        for n in diff.addedNodes { status[n.id] = .added }
        for n in diff.removedNodes { status[n.id] = .removed }
        for c in diff.changedNodes { status[c.new.id] = .changed }
        var nodes = new.nodes + diff.removedNodes
        func key(_ e: Edge) -> String { e.from + "\u{0}" + e.relation + "\u{0}" + e.to }
        var edgeStatus: [(Edge, Status, Model)] = []
        let added = Set(diff.addedEdges.map(key))
        let changed = Set(diff.changedEdges.map { key($0.new) })
        var seen = Set<String>()
        for e in new.edges where seen.insert(key(e)).inserted {
            edgeStatus.append(
                (
                    e,
                    added.contains(key(e))
                        ? .added : changed.contains(key(e)) ? .changed : .unchanged, new
                ))
        }
        for e in diff.removedEdges where seen.insert(key(e)).inserted {
            edgeStatus.append((e, .removed, old))
        }
        if !fullUnion {
            var keep = Set(status.filter { $0.value != .unchanged }.map(\.key))
            for (e, s, _) in edgeStatus where s != .unchanged {
                keep.insert(e.from)
                keep.insert(e.to)
            }
            edgeStatus = edgeStatus.filter { keep.contains($0.0.from) && keep.contains($0.0.to) }
            nodes = nodes.filter { keep.contains($0.id) }
            status = status.filter { keep.contains($0.key) }
        }
        let title = "What changed: \(oldLabel) → \(newLabel)"
        var counts: [Status: Int] = [:]
        for s in status.values { counts[s, default: 0] += 1 }
        var dot = "digraph \"baligraph_diff\" {\n"
        dot +=
            "  graph ["
            + [
                "label=" + DOTText.quoted(title), "labelloc=\"t\"",
                "fontsize=\(DOTText.number(theme.titleFontSize))",
                "fontname=" + DOTText.quoted(theme.fontName), "rankdir=\"LR\"", "ranksep=\"0.6\"",
                "nodesep=\"0.25\"",
                "pad=\"0.3\"", "bgcolor=" + DOTText.quoted(theme.background), "id=\"diff\"",
            ].joined(separator: ", ") + "];\n"
        dot +=
            "  node [fontname=" + DOTText.quoted(theme.fontName)
            + ", fontsize=\(DOTText.number(theme.fontSize))];\n"
        dot +=
            "  edge [fontname=" + DOTText.quoted(theme.fontName)
            + ", fontsize=\(DOTText.number(theme.fontSize - 2))];\n"
        let model = new
        for n in nodes {
            let s = status[n.id] ?? .unchanged
            let kind = (s == .removed ? old : model).schema.kind(n.kind)
            var attributes = [
                "id=" + DOTText.quoted("n-" + n.id),
                "class="
                    + DOTText.quoted(
                        "diff-\(s.rawValue) kind-\(DOTText.cssIdentifier(n.kind))"),
                "label="
                    + DOTText.quoted(
                        DOTText.wrapped(n.name, width: 26, maxLines: 4).joined(separator: "\n")),
                "tooltip=" + DOTText.quoted("\(n.name) (\(kind?.label ?? n.kind)): \(s.label)"),
                "shape=" + DOTText.quoted(Context.safeShape(kind?.shape)),
                "style=" + DOTText.quoted(s.nodeStyle),
                "fillcolor=" + DOTText.quoted(s.fill), "color=" + DOTText.quoted(s.ink),
                "fontcolor=" + DOTText.quoted(s == .unchanged ? theme.mutedInk : "#1a1a1a"),
            ]
            if s == .changed { attributes.append("peripheries=\"2\"") }
            if s == .added { attributes.append("penwidth=\"2\"") }
            dot += "  " + DOTText.quoted(n.id) + " [" + attributes.joined(separator: ", ") + "];\n"
        }
        var edgeIDs: [String: Int] = [:]
        for (e, s, m) in edgeStatus {
            let base = "e-\(e.from)--\(e.relation)--\(e.to)"
            let n = edgeIDs[base, default: 0]
            edgeIDs[base] = n + 1
            let label = m.schema.relation(e.relation)?.label ?? e.relation
            let attributes =
                [
                    "id=" + DOTText.quoted(n == 0 ? base : "\(base)-\(n + 1)"),
                    "class="
                        + DOTText.quoted(
                            "diff-\(s.rawValue) rel-\(DOTText.cssIdentifier(e.relation))"),
                    "color=" + DOTText.quoted(s.ink), "style=" + DOTText.quoted(s.edgeStyle),
                    "penwidth=" + DOTText.quoted(s == .unchanged ? "0.8" : "1.6"),
                    "tooltip="
                        + DOTText.quoted(
                            "\(m.phrase(for: m.node(e.from) ?? old.node(e.from)!)) \(label) \(m.phrase(for: m.node(e.to) ?? old.node(e.to)!)): \(s.label)"
                        ),
                ]
                + (s == .unchanged
                    ? []
                    : ["label=" + DOTText.quoted(label), "fontcolor=" + DOTText.quoted(s.ink)])
            dot +=
                "  " + DOTText.quoted(e.from) + " -> " + DOTText.quoted(e.to) + " ["
                + attributes.joined(separator: ", ") + "];\n"
        }
        // The legend: one chip per status, with counts of nodes.
        var rows = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"4\" CELLPADDING=\"4\">"
        rows += "<TR><TD BORDER=\"0\" COLSPAN=\"4\"><B>Key</B></TD></TR><TR>"
        for s in Status.allCases {
            rows +=
                "<TD BGCOLOR=\"\(s.fill)\" COLOR=\"\(s.ink)\"><FONT COLOR=\"\(s.ink)\">\(s.label) (\(counts[s] ?? 0))</FONT></TD>"
        }
        rows += "</TR><TR><TD BORDER=\"0\" COLSPAN=\"4\">"
        rows +=
            HTML.text(
                "added: bold · removed: dashed · changed: double outline · "
                    + "\(diff.addedEdges.count) ties added, \(diff.removedEdges.count) removed, \(diff.changedEdges.count) changed"
            ).markup
        rows += "</TD></TR></TABLE>"
        dot +=
            "  \"legend\" [id=\"legend\", class=\"legend\", shape=\"plaintext\", label=<\(rows)>];\n"
        dot += "}\n"
        let summary =
            "Differences between \(oldLabel) and \(newLabel): \(diff.addedNodes.count) nodes added, "
            + "\(diff.removedNodes.count) removed, \(diff.changedNodes.count) changed; "
            + "\(diff.addedEdges.count) ties added, \(diff.removedEdges.count) removed, \(diff.changedEdges.count) changed."
        return Diagram(
            name: "diff", title: title, summary: summary, dot: dot, engine: .dot, theme: theme,
            outputPath: "diff.svg", nodeCount: nodes.count, edgeCount: edgeStatus.count)
    }
}
