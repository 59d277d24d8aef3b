import Foundation
import StakeholderModel

/// A diagram ready for Graphviz: deterministic DOT source and what describes it.
public struct Diagram: Sendable {
    /// The view's name.
    public var name: String
    /// The title drawn at the top; also the SVG's `<title>`.
    public var title: String
    /// A plain-text account of what is drawn, for the SVG's `<desc>` and screen readers.
    public var summary: String
    /// The DOT source.
    public var dot: String
    /// The layout engine to run.
    public var engine: LayoutEngine
    /// The theme it was drawn in (``SVGPostProcessor`` takes its dark-mode colours).
    public var theme: Theme
    /// Where the SVG goes, relative to the repository: `Graphs/NAME.svg`.
    public var outputPath: String
    /// The nodes drawn (the legend not counted), for ``LayoutLimits``.
    public var nodeCount = 0
    /// The edges drawn, for ``LayoutLimits``.
    public var edgeCount = 0
}

/// Choices that override a view's layout, for `render --engine/--theme`.
public struct DiagramOptions: Sendable {
    /// Replaces the view's theme.
    public var theme: Theme?
    /// Replaces the view's engine; grouping falls back to edges when the engine cannot show
    /// clusters.
    public var engine: LayoutEngine?
    /// How the footer names the data file; by default the model's file as given, or its last
    /// path component when it was given as an absolute path.
    public var dataLabel: String?

    /// Creates options; with no arguments the view decides everything.
    public init(theme: Theme? = nil, engine: LayoutEngine? = nil, dataLabel: String? = nil) {
        self.theme = theme
        self.engine = engine
        self.dataLabel = dataLabel
    }
}

/// Writes a selection as deterministic DOT source.
///
/// Styling comes from one place: a node's shape, rank and fill from its kind in the model's
/// schema and the ``Theme``; an edge's line, arrowhead and colour from its relation in the
/// theme's table. The writer never tests for particular kinds or relations.
///
/// The output names the root graph, quotes and escapes every id and value, emits only
/// allow-listed attributes, lists nodes and edges in the model's file order, and gives every
/// node and edge a CSS-safe `id` and `class` derived from model ids. Each diagram has a title,
/// a legend of exactly the kinds and relations drawn, and a footer with the data's date and
/// the sources cited by what is drawn.
public struct DOTWriter: Sendable {
    /// The theme.
    public var theme: Theme
    /// The engine the DOT is written for.
    public var engine: LayoutEngine
    /// How the footer names the data file.
    public var dataLabel: String?

    /// At most this many source ids are listed in the footer.
    static let maxListedSources = 12

    /// Creates a writer.
    public init(theme: Theme = .light, engine: LayoutEngine = .dot, dataLabel: String? = nil) {
        self.theme = theme
        self.engine = engine
        self.dataLabel = dataLabel
    }

    /// Writes the selection as a diagram.
    public func write(_ selection: DiagramSelection) -> Diagram {
        var context = Context(writer: self, selection: selection)
        let dot = context.document()
        return Diagram(
            name: selection.view.name, title: DOTText.displayable(selection.title),
            summary: context.summary(), dot: dot, engine: engine, theme: theme,
            outputPath: selection.view.outputPath, nodeCount: selection.nodes.count,
            edgeCount: selection.edges.count)
    }
}

/// Builds one diagram; holds the per-diagram lookups.
struct Context {
    let writer: DOTWriter
    let selection: DiagramSelection
    let model: Model
    let theme: Theme
    let plan: ClusterPlan
    let focus: Set<String>
    let cutPoints: Set<String>
    let drawnKinds: [Kind]
    let drawnRelations: [RelationType]
    var dot = DOTBuilder()

    init(writer: DOTWriter, selection: DiagramSelection) {
        self.writer = writer
        self.selection = selection
        self.model = selection.model
        self.theme = writer.theme
        self.plan =
            writer.engine.keepsClustersApart ? ClusterPlan(selection: selection) : .none
        self.focus = Set(selection.focus)
        self.cutPoints = Set(selection.cutPoints)
        let kindIDs = Set(selection.nodes.map(\.kind))
        self.drawnKinds = selection.model.schema.kinds.enumerated()
            .filter { kindIDs.contains($0.element.id) }
            .sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .map(\.element)
        let relationIDs = Set(selection.edges.map(\.relation))
        self.drawnRelations = selection.model.schema.relations.filter {
            relationIDs.contains($0.id)
        }
    }

    // MARK: Document

    mutating func document() -> String {
        let view = selection.view
        dot.open("digraph " + DOTText.quoted(view.name) + " ")
        dot.defaults("graph", graphAttributes())
        dot.defaults(
            "node",
            [
                (.fontname, .text(theme.fontName)),
                (.fontsize, .text(DOTText.number(theme.fontSize))),
                (.margin, .text("0.12,0.06")),
            ])
        dot.defaults(
            "edge",
            [
                (.fontname, .text(theme.fontName)),
                (.fontsize, .text(DOTText.number(theme.legendFontSize))),
                (.fontcolor, .text(theme.mutedInk)), (.arrowsize, .text("0.8")),
            ])
        for node in selection.nodes where plan.parent[node.id] == nil {
            if plan.isContainer(node.id) {
                cluster(for: node)
            } else {
                dot.node(node.id, nodeAttributes(node))
            }
        }
        edges()
        tiers()
        legend()
        dot.close()
        return dot.text
    }

    func graphAttributes() -> [(DOTAttribute, DOTValue)] {
        var a: [(DOTAttribute, DOTValue)] = [
            (.id, .text("graph-" + DOTText.cssIdentifier(selection.view.name))),
            (.label, .html(titleLabel())), (.labelloc, .text("t")), (.labeljust, .text("c")),
            (.fontname, .text(theme.fontName)), (.fontcolor, .text(theme.ink)),
            (.bgcolor, .text(theme.background)), (.pad, .text("0.3")),
            (.outputorder, .text("edgesfirst")),
        ]
        switch writer.engine {
        case .dot:
            a += [
                (.rankdir, .text(selection.view.layout.direction.rawValue)),
                (.nodesep, .text("0.3")), (.ranksep, .text("0.55")), (.splines, .text("true")),
            ]
            if selection.view.layout.tiers && !plan.children.isEmpty {
                a.append((.newrank, .text("true")))
            }
        // Spline routing around nodes costs seconds on radial graphs; straight lines are
        // clear enough outside layered drawings.
        case .neato:
            a += [(.overlap, .text("false"))]
        case .twopi:
            a += [(.overlap, .text("false")), (.ranksep, .text("1.3"))]
            if let root = selection.root { a.append((.root, .text(root))) }
        case .circo:
            a += [(.mindist, .text("0.6"))]
            if let root = selection.root { a.append((.root, .text(root))) }
        case .osage, .patchwork:
            break
        }
        return a
    }

    func titleLabel() -> HTML {
        let title = HTML.element(
            "FONT", [("POINT-SIZE", DOTText.number(theme.titleFontSize))],
            .element("B", [], .text(selection.title)))
        let description = selection.view.description
        guard !description.isEmpty else { return title }
        let lines = DOTText.wrapped(description, width: 100, maxLines: 3)
        return title + .lineBreak
            + .element(
                "FONT",
                [
                    ("POINT-SIZE", DOTText.number(theme.fontSize)), ("COLOR", theme.mutedInk),
                ], .text(lines.joined(separator: "\n")))
    }

    // MARK: Nodes

    mutating func cluster(for container: Node) {
        dot.open("subgraph " + DOTText.quoted("cluster_" + container.id) + " ")
        dot.defaults(
            "graph",
            [
                (.id, .text("c-" + DOTText.cssIdentifier(container.id))),
                (.cssClass, .text("group-of-\(DOTText.cssIdentifier(container.id))")),
                (.label, .text("")), (.tooltip, .text(clusterTooltip(container))),
                (.style, .text("rounded,filled")), (.fillcolor, .text(theme.clusterFill)),
                (.color, .text(theme.clusterBorder)), (.penwidth, .text("1")),
            ])
        dot.node(container.id, nodeAttributes(container))
        for child in plan.children[container.id] ?? [] {
            guard let node = model.node(child) else { continue }
            if plan.isContainer(child) {
                cluster(for: node)
            } else {
                dot.node(child, nodeAttributes(node))
            }
        }
        dot.close()
    }

    func clusterTooltip(_ container: Node) -> String {
        let labels = containmentLabels()
        return
            "Inside this box: what \(labels) \(model.phrase(for: container)) and no other body drawn"
    }

    /// The labels of the grouping relations that contain something, joined with "or".
    func containmentLabels() -> String {
        let used = Set(plan.containedEdges.map { selection.edges[$0].relation })
        return model.schema.relations.filter { used.contains($0.id) }.map(\.label)
            .joined(separator: " or ")
    }

    func nodeAttributes(_ node: Node) -> [(DOTAttribute, DOTValue)] {
        let kind = model.kind(of: node)
        let fill = kind.map { theme.fill(for: $0) } ?? theme.kindPalette[0]
        var a: [(DOTAttribute, DOTValue)] = [
            (.id, .text("n-" + DOTText.cssIdentifier(node.id))),
            (.cssClass, .text(nodeClasses(node))),
            (.label, .text(label(for: node))),
            (.tooltip, .text(tooltip(for: node))),
            (.shape, .text(Self.safeShape(kind?.shape))),
            (.style, .text("filled")), (.fillcolor, .text(fill)),
            (.color, .text(theme.ink)), (.fontcolor, .text(theme.text(on: fill))),
        ]
        if let url = node.attribute("url")?.values.first, Self.isWebURL(url) {
            // Graphviz copies URL values into the SVG's href verbatim, so the XML escaping
            // of '&' is ours to do (isWebURL already refused quotes and angle brackets).
            a.append((.url, .text(url)))
        }
        var width = 1.0
        if focus.contains(node.id) { width = 2.5 }
        if cutPoints.contains(node.id) {
            width = Swift.max(width, 1.6)
            a.append((.peripheries, .text("2")))
        }
        if width != 1 { a.append((.penwidth, .text(DOTText.number(width)))) }
        if let scale = measureScale(node.id) {
            a += [
                (
                    .fontsize,
                    .text(DOTText.number(((theme.fontSize + 9 * scale) * 2).rounded() / 2))
                ),
                (.width, .text(DOTText.number(0.9 + 1.4 * scale))),
                (.height, .text(DOTText.number(0.5 + 0.5 * scale))),
            ]
        }
        return a
    }

    func nodeClasses(_ node: Node) -> String {
        var classes = ["kind-" + DOTText.cssIdentifier(node.kind)]
        if focus.contains(node.id) { classes.append("focus") }
        if cutPoints.contains(node.id) { classes.append("cut-point") }
        if selection.measure?.ranking.contains(node.id) ?? false { classes.append("connector") }
        if node.confidence == .inferred { classes.append("inferred") }
        return classes.joined(separator: " ")
    }

    /// The measure of a node relative to the largest drawn (0…1), for connector views.
    func measureScale(_ id: String) -> Double? {
        guard let m = selection.measure else { return nil }
        let top = m.values.values.filter(\.isFinite).max() ?? 0
        guard top > 0 else { return 0 }
        let value = m.values[id] ?? 0
        // The square root: a node's area, not its width, follows the measure.
        return value.isFinite ? Swift.max(0, Swift.min(1, value / top)).squareRoot() : 0
    }

    /// The name wrapped on at most three lines, or the short name when the name needs more.
    func label(for node: Node) -> String {
        label(node).joined(separator: "\n")
    }

    func label(_ node: Node) -> [String] {
        let full = DOTText.wrapped(node.name, width: 24, maxLines: 4)
        if full.count > 3, let short = node.short, !short.isEmpty {
            return DOTText.wrapped(short, width: 24, maxLines: 3)
        }
        return DOTText.wrapped(node.name, width: 24, maxLines: 3)
    }

    func tooltip(for node: Node) -> String {
        var lines = [node.name + (node.short.map { " (\($0))" } ?? "")]
        var role = model.kind(of: node)?.label ?? node.kind
        let dates = Self.validityPhrase(node.validity)
        if !dates.isEmpty { role += ", " + dates }
        if node.confidence == .inferred { role += " (inferred)" }
        lines.append(role)
        if let m = selection.measure, let value = m.values[node.id] {
            var line = m.measure.rawValue.prefix(1).uppercased() + m.measure.rawValue.dropFirst()
            line += " " + Self.decimal(value)
            if let rank = m.ranking.firstIndex(of: node.id) { line += " (rank \(rank + 1))" }
            lines.append(line)
        }
        if cutPoints.contains(node.id) {
            lines.append("Cut point: removing it disconnects the network")
        }
        return String(lines.joined(separator: "\n").prefix(1_000))
    }

    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let thousandths = Int((abs(value) * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return (value < 0 ? "-" : "") + String(thousandths / 1000) + "."
            + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    static func validityPhrase(_ validity: Validity) -> String {
        switch (validity.since, validity.until) {
        case (nil, nil): return ""
        case (let s?, nil): return "since \(s)"
        case (nil, let u?): return "until \(u)"
        case (let s?, let u?): return s == u ? "in \(s)" : "\(s)–\(u)"
        }
    }

    /// Graphviz shapes the writer draws; anything else (such as `epsf`, which reads a file)
    /// becomes a box.
    static let shapes: Set<String> = [
        "box", "rect", "rectangle", "square", "ellipse", "oval", "circle", "doublecircle",
        "diamond", "hexagon", "octagon", "doubleoctagon", "tripleoctagon", "house",
        "invhouse", "parallelogram", "trapezium", "invtrapezium", "triangle", "invtriangle",
        "pentagon", "septagon", "note", "tab", "folder", "box3d", "component", "cylinder",
        "star", "egg", "plain", "plaintext", "underline", "cds", "signature", "promoter",
    ]

    static func safeShape(_ shape: String?) -> String {
        guard let shape, shapes.contains(shape) else { return "box" }
        return shape
    }

    /// True for an absolute http(s) URL with a host and no whitespace, quotes, angle
    /// brackets or control characters: the only links a diagram may carry.
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), text.utf8.count <= 2_000
        else { return false }
        guard
            !text.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control || $0.properties.isWhitespace
                    || "\"'<>`\\{}|^".unicodeScalars.contains($0)
            })
        else { return false }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return false }
        return true
    }

    // MARK: Edges

    mutating func edges() {
        var used: Set<String> = []
        let layered = writer.engine.isLayered
        for (i, edge) in selection.edges.enumerated() {
            let base =
                "e-" + DOTText.cssIdentifier(edge.from) + "--"
                + DOTText.cssIdentifier(edge.relation)
                + "--" + DOTText.cssIdentifier(edge.to)
            var id = base
            var n = 2
            while !used.insert(id).inserted {
                id = base + "-\(n)"
                n += 1
            }
            let relation = model.schema.relation(edge.relation)
            var classes = ["rel-" + DOTText.cssIdentifier(edge.relation)]
            if edge.confidence == .inferred { classes.append("inferred") }
            if plan.containedEdges.contains(i) {
                // Shown by containment; kept invisible so that the container stays at the
                // head of its box, and so that the SVG still has an element for the tie.
                classes.append("contained")
                dot.edge(
                    edge.to, edge.from,
                    [
                        (.id, .text(id)), (.cssClass, .text(classes.joined(separator: " "))),
                        (.style, .text("invis")),
                    ])
                continue
            }
            let style = theme.edgeStyle(for: edge.relation)
            var a: [(DOTAttribute, DOTValue)] = [
                (.id, .text(id)), (.cssClass, .text(classes.joined(separator: " "))),
                (.tooltip, .text(sentence(edge))),
                (.color, .text(style.color)), (.penwidth, .text(DOTText.number(style.width))),
            ]
            if style.line != .solid { a.append((.style, .text(style.line.rawValue))) }
            if selection.view.layout.edgeLabels, let relation {
                // A labelled edge between two nodes of one tier (rank=same) makes dot 2.42
                // free a block twice when it frees the layout (SIGABRT; found by the
                // reliability probe on the built-in model with tiers and edge labels):
                // such an edge gets an external label instead, which dot places after the
                // layout.
                a.append((isFlat(edge) ? .xlabel : .label, .text(relation.label)))
            }
            // In a layered drawing the tie is written from the higher tier (lower schema rank)
            // to the lower one, with the arrow drawn back, so that bodies sit above members.
            let flip = layered && rank(of: edge.from) > rank(of: edge.to)
            if relation?.symmetric ?? false {
                a.append((.dir, .text("none")))
            } else if flip {
                a += [(.dir, .text("back")), (.arrowtail, .text(style.arrowhead.rawValue))]
            } else {
                a.append((.arrowhead, .text(style.arrowhead.rawValue)))
            }
            if flip {
                dot.edge(edge.to, edge.from, a)
            } else {
                dot.edge(edge.from, edge.to, a)
            }
        }
    }

    func rank(of id: String) -> Int {
        model.node(id).flatMap { model.kind(of: $0)?.rank } ?? 5
    }

    /// "Australia is a member of the Steering Group (since 2002)".
    func sentence(_ edge: Edge) -> String {
        let from = model.node(edge.from).map { model.phrase(for: $0) } ?? edge.from
        let to = model.node(edge.to).map { model.phrase(for: $0) } ?? edge.to
        let label = model.schema.relation(edge.relation)?.label ?? edge.relation
        var text = "\(from) \(label) \(to)"
        text = text.prefix(1).uppercased() + text.dropFirst()
        let dates = Self.validityPhrase(edge.validity)
        if !dates.isEmpty { text += " (\(dates))" }
        if edge.confidence == .inferred { text += " (inferred)" }
        return String(text.prefix(1_000))
    }

    // MARK: Tiers

    /// True when `edge` joins two nodes that ``tiers()`` puts on one row.
    func isFlat(_ edge: Edge) -> Bool {
        guard selection.view.layout.tiers, writer.engine.isLayered else { return false }
        func inTier(_ id: String) -> Bool { plan.parent[id] == nil && !plan.isContainer(id) }
        return inTier(edge.from) && inTier(edge.to) && rank(of: edge.from) == rank(of: edge.to)
    }

    mutating func tiers() {
        guard selection.view.layout.tiers, writer.engine.isLayered else { return }
        var byRank: [Int: [String]] = [:]
        for node in selection.nodes where plan.parent[node.id] == nil && !plan.isContainer(node.id)
        {
            byRank[rank(of: node.id), default: []].append(node.id)
        }
        for rank in byRank.keys.sorted() {
            guard let ids = byRank[rank], ids.count > 1 else { continue }
            dot.open("")
            dot.line("rank=\"same\";")
            for id in ids { dot.line(DOTText.quoted(id) + ";") }
            dot.close()
        }
    }

    // MARK: Legend and footer

    mutating func legend() {
        let node: (String, [(DOTAttribute, DOTValue)]) = (
            Self.legendNode,
            [
                (.id, .text("legend")), (.cssClass, .text("legend")),
                (.shape, .text("plaintext")), (.margin, .text("0")),
                (.tooltip, .text("Key to this diagram")), (.label, .html(legendTable())),
            ]
        )
        if writer.engine.isLayered {
            dot.open("")
            dot.line("rank=\"sink\";")
            dot.node(node.0, node.1)
            dot.close()
        } else {
            dot.node(node.0, node.1)
        }
    }

    /// The legend's node name: not a valid model id, so it cannot clash with one.
    static let legendNode = "_legend"

    /// Legend chips per row.
    static let itemsPerRow = 4

    /// The legend: a grid of chips for the kinds drawn (filled like their nodes) and the
    /// relations drawn (underlined like their edges), notes on what boxes, outlines and sizes
    /// mean (only when the diagram uses them), and the footer.
    func legendTable() -> HTML {
        let small = DOTText.number(theme.legendFontSize)
        func text(_ s: String, color: String? = nil) -> HTML {
            var attributes = [("POINT-SIZE", small)]
            if let color { attributes.append(("COLOR", color)) }
            return .element("FONT", attributes, .text(s))
        }
        func chip(
            _ id: String, _ label: String, _ attributes: [(String, String)], color: String? = nil
        )
            -> HTML
        {
            .element(
                "TD", [("ID", id), ("CELLPADDING", "3")] + attributes, text(label, color: color))
        }
        var chips: [HTML] = []
        for kind in drawnKinds {
            let fill = theme.fill(for: kind)
            chips.append(
                chip(
                    "legend-kind-" + DOTText.cssIdentifier(kind.id), kind.label,
                    [("BGCOLOR", fill), ("COLOR", theme.ink), ("BORDER", "1")],
                    color: theme.text(on: fill)))
        }
        let kindCount = chips.count
        for relation in drawnRelations {
            let style = theme.edgeStyle(for: relation.id)
            var attributes = [
                ("SIDES", "B"), ("COLOR", style.color),
                ("BORDER", String(Swift.max(1, Int(style.width.rounded())))),
            ]
            if style.line != .solid { attributes.append(("STYLE", style.line.rawValue)) }
            chips.append(
                chip("legend-rel-" + DOTText.cssIdentifier(relation.id), relation.label, attributes)
            )
        }
        var notes: [HTML] = []
        if !plan.containedEdges.isEmpty {
            notes.append(
                chip(
                    "legend-cluster",
                    "in a box: \(containmentLabels()) the node at its head, and no other node drawn",
                    [
                        ("BGCOLOR", theme.clusterFill), ("COLOR", theme.clusterBorder),
                        ("BORDER", "1"),
                    ]
                ))
        }
        if !selection.focus.isEmpty {
            let names = selection.focus.compactMap {
                model.node($0).map { label($0).joined(separator: " ") }
            }
            notes.append(
                chip(
                    "legend-focus", "bold outline: " + names.joined(separator: ", "),
                    [("COLOR", theme.ink), ("BORDER", "3")]))
        }
        if let m = selection.measure {
            notes.append(
                chip(
                    "legend-size",
                    "larger nodes have a higher \(m.measure.rawValue); the top \(m.ranking.count) are drawn",
                    []))
        }
        if !selection.cutPoints.isEmpty {
            notes.append(
                .element(
                    "TD", [("ID", "legend-cut-point"), ("BORDER", "1"), ("COLOR", theme.ink)],
                    .element(
                        "TABLE",
                        [
                            ("BORDER", "0"), ("CELLBORDER", "1"), ("CELLSPACING", "0"),
                            ("CELLPADDING", "3"), ("COLOR", theme.ink),
                        ],
                        .element(
                            "TR", [],
                            .element(
                                "TD", [],
                                text(
                                    "double outline: a cut point, whose removal disconnects the network"
                                ))))))
        }

        // Kinds and relations in a nested grid: when a footer line is wider than the grid,
        // Graphviz stretches the nested table's columns evenly (it would give all the extra
        // width to the first column of a shared grid).
        let columns = Self.itemsPerRow
        func grid(_ items: ArraySlice<HTML>) -> [HTML] {
            stride(from: items.startIndex, to: items.endIndex, by: columns).map { start in
                let chunk = items[start..<Swift.min(start + columns, items.endIndex)]
                var cells = Array(chunk)
                if chunk.count < columns {
                    cells.append(.empty("TD", [("COLSPAN", "\(columns - chunk.count)")]))
                }
                return .element("TR", [], .join(cells))
            }
        }
        func row(_ content: HTML) -> HTML {
            .element("TR", [], .element("TD", [("ALIGN", "LEFT")], content))
        }
        var rows: [HTML] = [row(.element("B", [], text("Key")))]
        let gridRows = grid(chips[..<kindCount]) + grid(chips[kindCount...])
        if !gridRows.isEmpty {
            rows.append(
                row(
                    .element(
                        "TABLE",
                        [
                            ("BORDER", "0"), ("CELLBORDER", "0"), ("CELLSPACING", "4"),
                            ("CELLPADDING", "1"),
                        ], .join(gridRows))))
        }
        rows += notes.map { note in
            row(
                .element(
                    "TABLE", [("BORDER", "0"), ("CELLSPACING", "4"), ("CELLPADDING", "0")],
                    .element("TR", [], note)))
        }
        rows += footerLines().map { row(text($0, color: theme.mutedInk)) }
        return .element(
            "TABLE",
            [
                ("BORDER", "0"), ("CELLBORDER", "0"), ("CELLSPACING", "0"), ("CELLPADDING", "1"),
            ], .join(rows))
    }

    /// The footer: the data's date, the view's date, and the sources cited by what is drawn.
    func footerLines() -> [String] {
        var dates = "Data as of " + (model.asOf.map(String.init(describing:)) ?? "an unstated date")
        if let date = selection.asOf {
            dates +=
                date == model.asOf
                ? " · historical bodies and ties left out" : " · drawn as of \(date)"
        }
        dates += " · " + model.title
        let cited = citedSources()
        var sources: String
        if cited.isEmpty {
            sources = "Sources: none cited"
        } else {
            sources = "Sources: " + cited.prefix(DOTWriter.maxListedSources).joined(separator: ", ")
            if cited.count > DOTWriter.maxListedSources {
                sources += " and \(cited.count - DOTWriter.maxListedSources) more"
            }
        }
        sources += " — see " + dataLabel
        return [dates, sources]
    }

    var dataLabel: String {
        if let label = writer.dataLabel { return label }
        let file = model.file
        if file.hasPrefix("/") { return URL(fileURLWithPath: file).lastPathComponent }
        return file
    }

    /// The source ids cited by the drawn nodes and edges, in the model's source order.
    func citedSources() -> [String] {
        var cited = Set<String>()
        for node in selection.nodes { cited.formUnion(node.sources) }
        for edge in selection.edges { cited.formUnion(edge.sources) }
        let declared = model.sources.map(\.id).filter { cited.contains($0) }
        let undeclared = cited.subtracting(declared).sorted()
        return declared + undeclared
    }

    // MARK: Summary

    /// A plain-text account of the diagram, for `<desc>`.
    func summary() -> String {
        var parts: [String] = []
        let description = DOTText.displayable(selection.view.description)
        if !description.isEmpty { parts.append(description) }
        let kindCounts = drawnKinds.map { kind in
            "\(kind.plural): \(selection.nodes.filter { $0.kind == kind.id }.count)"
        }
        let relationCounts = drawnRelations.map { relation in
            "'\(relation.label)': \(selection.edges.filter { $0.relation == relation.id }.count)"
        }
        var shows = "The diagram shows \(selection.nodes.count) nodes"
        if !kindCounts.isEmpty { shows += " (" + kindCounts.joined(separator: ", ") + ")" }
        shows += " and \(selection.edges.count) ties"
        if !relationCounts.isEmpty { shows += " (" + relationCounts.joined(separator: ", ") + ")" }
        parts.append(shows + ".")
        if !selection.path.isEmpty {
            let names = selection.path.compactMap { model.node($0)?.name }
            parts.append("Path: " + names.joined(separator: " → ") + ".")
        }
        if let m = selection.measure {
            let names = m.ranking.compactMap { model.node($0)?.name }
            parts.append("Ranked by \(m.measure.rawValue): " + names.joined(separator: ", ") + ".")
        }
        if !selection.cutPoints.isEmpty {
            let names = selection.cutPoints.compactMap { model.node($0)?.name }
            parts.append("Cut points: " + names.joined(separator: ", ") + ".")
        }
        parts += footerLines().map { $0 + "." }
        return DOTText.displayable(parts.joined(separator: " "))
    }
}

/// Selects a view and writes it as a diagram: what the kit calls for `render`.
public enum DiagramBuilder {
    /// The outcome: a diagram, or none, plus every diagnostic.
    public struct Result: Sendable {
        /// The diagram, or nil when any error was found.
        public var diagram: Diagram?
        /// Every error and warning, in output order.
        public var diagnostics: [Diagnostic]
    }

    /// Selects `view` from `model` with `analytics`, then writes it with the view's theme and
    /// engine unless `options` replace them.
    public static func build(
        _ view: ViewSpec, model: Model, analytics: ViewAnalytics = .standalone,
        options: DiagramOptions = DiagramOptions()
    ) -> Result {
        var view = view
        if let engine = options.engine {
            view.layout.engine = engine
            if !engine.keepsClustersApart { view.layout.clusterBy = [] }
        }
        if let theme = options.theme, Theme.named(theme.name) != nil {
            view.layout.theme = theme.name
        }
        let selected = ViewSelector.select(view, from: model, analytics: analytics)
        guard let selection = selected.selection else {
            return Result(diagram: nil, diagnostics: selected.diagnostics)
        }
        let theme = options.theme ?? Theme.named(view.layout.theme) ?? .light
        let writer = DOTWriter(
            theme: theme, engine: view.layout.engine, dataLabel: options.dataLabel)
        return Result(diagram: writer.write(selection), diagnostics: selected.diagnostics)
    }
}
