import StakeholderModel

/// A name written in a view (a node, kind or relation) and where it was written.
///
/// Node names are resolved through `NameResolver` when the view is drawn, so a view may
/// name a node by id, name, short name, alias or ISO code.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    /// The text as written.
    public var text: String
    /// Where it was written: a manifest position, or ``ViewSpec/commandLine`` for ad-hoc views.
    public var location: SourceLocation

    /// Creates a reference.
    public init(_ text: String, at location: SourceLocation = ViewSpec.commandLine) {
        self.text = text
        self.location = location
    }

    /// The text as written.
    public var description: String { text }
}

/// The measure that ranks connectors.
public enum ConnectorMeasure: String, Hashable, Sendable, CaseIterable {
    /// Betweenness centrality (Brandes 2001), normalised as NetworkX does.
    case betweenness
    /// Closeness centrality, normalised as NetworkX does.
    case closeness
    /// Degree centrality: degree / (n − 1).
    case degree
}

/// The nodes within some hops of one node.
public struct EgoSelection: Hashable, Sendable {
    /// The centre.
    public var node: Reference
    /// How many hops (1…``ViewSpec/maxDepth``).
    public var depth: Int

    /// Creates an ego selection.
    public init(node: Reference, depth: Int = 1) {
        self.node = node
        self.depth = depth
    }
}

/// A shortest path between two nodes.
public struct PathSelection: Hashable, Sendable {
    /// Where the path starts.
    public var from: Reference
    /// Where the path ends.
    public var to: Reference

    /// Creates a path selection.
    public init(from: Reference, to: Reference) {
        self.from = from
        self.to = to
    }
}

/// The top-k nodes by a connector measure.
public struct ConnectorSelection: Hashable, Sendable {
    /// How many nodes (1…``ViewSpec/maxTop``); nodes whose measure is zero are never drawn.
    public var top: Int
    /// The ranking measure.
    public var measure: ConnectorMeasure

    /// Creates a connector selection.
    public init(top: Int = 10, measure: ConnectorMeasure = .betweenness) {
        self.top = top
        self.measure = measure
    }
}

/// The date a view shows.
public enum ViewDate: Hashable, Sendable, CustomStringConvertible {
    /// A given date.
    case date(PartialDate)
    /// The model's own `as_of` date: what is current in the data, without historical bodies
    /// and ties. A model without `as_of` is drawn whole.
    case current

    /// The date in a model: the given date, or the model's `as_of`.
    public func resolved(in model: Model) -> PartialDate? {
        switch self {
        case .date(let date): return date
        case .current: return model.asOf
        }
    }

    /// `YYYY[-MM[-DD]]` or `current`, as written in a manifest.
    public var description: String {
        switch self {
        case .date(let date): return date.description
        case .current: return "current"
        }
    }
}

/// Nodes one hop from the selection, added so that relations such as co-chairs can be shown
/// without selecting every node of the linked kind.
public struct LinkedSelection: Hashable, Sendable {
    /// The relations followed (in either direction); their edges are drawn too.
    public var via: [Reference]
    /// The kinds of node added; empty means any kind.
    public var kinds: [Reference]

    /// Creates a linked selection.
    public init(via: [Reference], kinds: [Reference] = []) {
        self.via = via
        self.kinds = kinds
    }
}

/// What a view draws.
///
/// Selection runs in this order:
/// 1. the model is taken as of ``asOf`` (or whole, history included, when nil);
/// 2. the *base graph* holds the nodes of ``kinds`` (every kind when empty), less
///    ``exclude``, and the edges of ``relations`` (every relation when empty) between them;
/// 3. the *core* is the ``ego`` neighbourhood, the ``path`` or the top ``connectors`` found in
///    the base graph, else every node of the base graph when ``kinds`` is given or ``nodes``
///    is empty; ``nodes`` are added to it;
/// 4. ``linked`` adds the neighbours of the core through its relations;
/// 5. every edge of ``relations`` or of ``linked``'s relations between two drawn nodes is drawn.
public struct ViewSelection: Hashable, Sendable {
    /// Kinds of the base graph; empty means every kind.
    public var kinds: [Reference]
    /// Relations drawn and followed; empty means every relation.
    public var relations: [Reference]
    /// Nodes always drawn (when valid at the view's date).
    public var nodes: [Reference]
    /// Nodes never drawn.
    public var exclude: [Reference]
    /// Neighbours added to the core.
    public var linked: LinkedSelection?
    /// An ego neighbourhood as the core.
    public var ego: EgoSelection?
    /// A shortest path as the core.
    public var path: PathSelection?
    /// The top connectors as the core.
    public var connectors: ConnectorSelection?
    /// The date the view shows; nil draws the whole model, history included.
    public var asOf: ViewDate?

    /// Creates a selection; with no arguments it selects the whole model.
    public init(
        kinds: [Reference] = [], relations: [Reference] = [], nodes: [Reference] = [],
        exclude: [Reference] = [], linked: LinkedSelection? = nil, ego: EgoSelection? = nil,
        path: PathSelection? = nil, connectors: ConnectorSelection? = nil,
        asOf: ViewDate? = nil
    ) {
        self.kinds = kinds
        self.relations = relations
        self.nodes = nodes
        self.exclude = exclude
        self.linked = linked
        self.ego = ego
        self.path = path
        self.connectors = connectors
        self.asOf = asOf
    }
}

/// A Graphviz layout engine a view may use.
///
/// `fdp` and `sfdp` are left out on purpose: `fdp` is not deterministic and `sfdp` keeps
/// state between in-process calls, so neither can give byte-identical diagrams.
public enum LayoutEngine: String, Hashable, Sendable, CaseIterable {
    /// Layered drawings: org charts and hierarchies.
    case dot
    /// Spring model: networks without a hierarchy.
    case neato
    /// Circular layout.
    case circo
    /// Radial layout around a root node.
    case twopi
    /// Clusters packed as boxes.
    case osage
    /// Squarified tree map of clusters.
    case patchwork

    /// True when the engine keeps clusters apart, so that being drawn inside a cluster can
    /// stand for membership. `neato` draws a cluster's box but lets other nodes into it;
    /// `circo` and `twopi` ignore clusters.
    public var keepsClustersApart: Bool {
        switch self {
        case .dot, .osage, .patchwork: return true
        case .neato, .circo, .twopi: return false
        }
    }

    /// True when the engine honours `rankdir` and `rank=same`.
    public var isLayered: Bool { self == .dot }
}

/// The direction of a layered (`dot`) drawing.
public enum RankDirection: String, Hashable, Sendable, CaseIterable {
    /// Top to bottom.
    case TB
    /// Left to right.
    case LR
    /// Bottom to top.
    case BT
    /// Right to left.
    case RL
}

/// How a view is laid out and styled.
public struct ViewLayout: Hashable, Sendable {
    /// The Graphviz engine.
    public var engine: LayoutEngine
    /// The direction of `dot` drawings.
    public var direction: RankDirection
    /// The theme's name (see ``Theme/named(_:)``).
    public var theme: String
    /// Relations whose targets group their sources: a node joined by these relations to
    /// exactly one drawn node is drawn inside that node's cluster; a node joined to several
    /// keeps an edge to each, so overlapping memberships stay visible.
    public var clusterBy: [Reference]
    /// Align nodes whose kinds share a schema rank on one row (`dot` only).
    public var tiers: Bool
    /// Print each edge's relation label on the edge.
    public var edgeLabels: Bool
    /// The centre of a `twopi` or `circo` drawing.
    public var root: Reference?

    /// Creates a layout; the defaults draw a top-to-bottom `dot` chart in the light theme.
    public init(
        engine: LayoutEngine = .dot, direction: RankDirection = .TB, theme: String = "light",
        clusterBy: [Reference] = [], tiers: Bool = false, edgeLabels: Bool = false,
        root: Reference? = nil
    ) {
        self.engine = engine
        self.direction = direction
        self.theme = theme
        self.clusterBy = clusterBy
        self.tiers = tiers
        self.edgeLabels = edgeLabels
        self.root = root
    }
}

/// A view: which part of a model one diagram draws, and how.
///
/// Views are data: they are declared in the manifest `Graphs/views.yaml` (see
/// ``ViewManifest``) or built from command-line options with
/// ``adHoc(name:title:selection:layout:)``.
public struct ViewSpec: Hashable, Sendable {
    /// The location used for views built from command-line options.
    public static let commandLine = SourceLocation(file: "<command line>", line: 0, column: 0)
    /// The deepest ego neighbourhood a view may ask for.
    public static let maxDepth = 10
    /// The most connectors a view may ask for.
    public static let maxTop = 500

    /// The view's slug; the diagram is written to `Graphs/NAME.svg`.
    public var name: String
    /// The title drawn at the top; nil lets the selection describe itself.
    public var title: String?
    /// What the view shows, for readers and screen readers.
    public var description: String
    /// What is drawn.
    public var selection: ViewSelection
    /// How it is laid out.
    public var layout: ViewLayout
    /// Where the view was declared.
    public var location: SourceLocation

    /// Creates a view.
    public init(
        name: String, title: String?, description: String = "",
        selection: ViewSelection = ViewSelection(), layout: ViewLayout = ViewLayout(),
        location: SourceLocation = ViewSpec.commandLine
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.selection = selection
        self.layout = layout
        self.location = location
    }

    /// The file the rendered diagram is written to, relative to the repository.
    public var outputPath: String { "Graphs/\(name).svg" }

    /// A view built from command-line options, checked by the same rules as a manifest
    /// view; the diagnostics are located at ``commandLine``.
    public static func adHoc(
        name: String = "view", title: String? = nil, selection: ViewSelection,
        layout: ViewLayout = ViewLayout()
    ) -> (view: ViewSpec?, diagnostics: [Diagnostic]) {
        let view = ViewSpec(
            name: name, title: title, description: "", selection: selection, layout: layout)
        let problems = view.problems()
        return (problems.hasErrors ? nil : view, problems)
    }

    /// True when `name` is a view slug: lowercase letters, digits and single inner dashes.
    public static func isSlug(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, scalars.count <= 80,
            first != "-", last != "-"
        else { return false }
        return scalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
            && !name.contains("--")
    }

    /// The model-independent problems of this view: its name, the ranges of its numbers, the
    /// choice of one core, the theme, and grouping with an engine that cannot show it.
    public func problems() -> [Diagnostic] { problems(locatedBy: [:]) }

    /// ``problems()``, located by the positions a manifest recorded for each field
    /// (`"name"`, `"select.ego.depth"`, `"layout.theme"`…); fields without one are located
    /// at the view.
    func problems(locatedBy locations: [String: SourceLocation]) -> [Diagnostic] {
        func at(_ field: String) -> SourceLocation { locations[field] ?? location }
        var out: [Diagnostic] = []
        if !Self.isSlug(name) {
            out.append(.viewName(name, at: at("name")))
        }
        let s = selection
        let cores = [
            s.ego.map { _ in "ego" }, s.path.map { _ in "path" },
            s.connectors.map { _ in "connectors" },
        ].compactMap { $0 }
        if cores.count > 1 {
            out.append(.severalCores(cores, at: at("select." + cores[1])))
        }
        if let ego = s.ego, !(1...Self.maxDepth).contains(ego.depth) {
            out.append(
                .outOfRange(
                    "ego depth", value: ego.depth, range: 1...Self.maxDepth,
                    at: at("select.ego.depth")))
        }
        if let connectors = s.connectors, !(1...Self.maxTop).contains(connectors.top) {
            out.append(
                .outOfRange(
                    "connectors top", value: connectors.top, range: 1...Self.maxTop,
                    at: at("select.connectors.top")))
        }
        if Theme.named(layout.theme) == nil {
            out.append(.unknownTheme(layout.theme, at: at("layout.theme")))
        }
        if !layout.clusterBy.isEmpty && !layout.engine.keepsClustersApart {
            out.append(.clustersNeedEngine(layout.engine, at: at("layout.cluster_by")))
        }
        return out
    }
}
