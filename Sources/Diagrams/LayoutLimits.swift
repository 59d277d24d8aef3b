import StakeholderModel

/// The largest diagram each layout engine is given.
///
/// Graphviz cannot cancel a layout, and layout time grows much faster than the graph: on
/// a 2-core machine (debug build), `dot` took 1.3 s on a random graph of 200 nodes and 400
/// edges, 29 s at 300 and 600, and over two minutes at 1,000 and 2,000; `circo` took
/// 1.5 s at 100 nodes, 16 s at 200 and over two minutes at 300; `neato` 5 s at 1,000
/// nodes and 17 s at 2,000; `twopi`, `osage` and `patchwork` stayed under 4 s at 2,000.
/// Hierarchies are much faster than random graphs (`dot` drew a 2,000-node tree in 2 s),
/// so the limits leave room for real org charts while refusing drawings that would run
/// for minutes. Every diagram is also bounded by ``ViewSelector/maxNodes`` and
/// ``ViewSelector/maxEdges``.
public struct LayoutLimits: Hashable, Sendable {
    /// The most nodes drawn.
    public var nodes: Int
    /// The most edges drawn.
    public var edges: Int

    /// The limits of `engine`.
    public static func of(_ engine: LayoutEngine) -> LayoutLimits {
        switch engine {
        case .dot: LayoutLimits(nodes: 300, edges: 600)
        case .circo: LayoutLimits(nodes: 100, edges: 300)
        case .neato: LayoutLimits(nodes: 1_000, edges: 4_000)
        case .twopi, .osage, .patchwork:
            LayoutLimits(nodes: ViewSelector.maxNodes, edges: ViewSelector.maxEdges)
        }
    }

    /// True when a drawing of `nodes` nodes and `edges` edges is within the limits.
    public func allow(nodes: Int, edges: Int) -> Bool {
        nodes <= self.nodes && edges <= self.edges
    }

    /// Why `diagram` is not laid out, and what to do instead; nil when it is within its
    /// engine's limits.
    public static func refusal(for diagram: Diagram) -> (message: String, notes: [String])? {
        let limits = of(diagram.engine)
        guard !limits.allow(nodes: diagram.nodeCount, edges: diagram.edgeCount) else {
            return nil
        }
        let faster = LayoutEngine.allCases.filter {
            $0 != .circo && of($0).allow(nodes: diagram.nodeCount, edges: diagram.edgeCount)
        }
        var notes: [String] = []
        if !faster.isEmpty {
            notes.append(
                "draw it with another engine: "
                    + faster.map { "--engine \($0.rawValue) (up to \(of($0).nodes) nodes)" }
                    .joined(separator: ", "))
        }
        notes.append(
            "or draw less: --kind, --relation, --ego NODE --depth N or --connectors N "
                + "(or narrow the view in Graphs/views.yaml)")
        notes.append(
            "or write the DOT (-o FILE.dot) and lay it out with Graphviz's sfdp, made for "
                + "large graphs: sfdp -Tsvg FILE.dot -o FILE.svg")
        return (
            "the diagram '\(diagram.name)' has \(diagram.nodeCount) nodes and \(diagram.edgeCount) edges; "
                + "the \(diagram.engine.rawValue) layout is limited to \(limits.nodes) nodes and "
                + "\(limits.edges) edges (beyond that it can run for minutes)",
            notes
        )
    }
}
