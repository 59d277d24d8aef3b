import StakeholderModel
import Yams

/// The outcome of reading a view manifest: the views, or none, plus every diagnostic found.
public struct ViewManifestResult: Sendable {
    /// The manifest, or nil when any error was found.
    public var manifest: ViewManifest?
    /// Every error, in output order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(manifest: ViewManifest?, diagnostics: [Diagnostic]) {
        self.manifest = manifest
        self.diagnostics = diagnostics
    }
}

/// The view manifest, `Graphs/views.yaml`: every diagram the project renders, as data.
///
/// ```yaml
/// format: baligraph-views/1
/// views:
///   - name: structure                 # written to Graphs/structure.svg
///     title: "The Bali Process: structure"
///     description: The bodies of the Bali Process and how they report to each other.
///     select:
///       kinds: [process, group, working-group]
///       relations: [part-of, reports-to]
///       linked: {via: [co-chairs], kinds: [state]}
///     layout: {engine: dot, direction: TB}
///   - name: structure-2012
///     base: structure                 # everything from 'structure', then:
///     title: "The Bali Process: structure in 2012"
///     select: {as_of: 2012}           # select and layout keys override the base's one by one
///                                     # ('as_of: current' is the model's own as_of date)
/// ```
///
/// Unknown keys, engines, directions and themes are errors, located at `FILE:LINE:COLUMN`.
/// Names of kinds, relations and nodes are checked against a model by ``check(against:)``.
public struct ViewManifest: Sendable {
    /// The only supported format version.
    public static let formatVersion = "baligraph-views/1"
    /// The largest manifest read, in bytes.
    public static let maxBytes = 1_048_576
    /// The deepest nesting of YAML collections accepted.
    public static let maxNesting = 16
    /// The most values YAML aliases (`*name`) may add to a manifest beyond those written.
    public static let maxAliasExpansion = 10_000

    /// The views, in file order.
    public var views: [ViewSpec]
    /// The file it was read from, as named by the caller.
    public var file: String

    /// Creates a manifest from views that are already valid.
    public init(views: [ViewSpec], file: String) {
        self.views = views
        self.file = file
    }

    /// The view with this name.
    public func view(named name: String) -> ViewSpec? { views.first { $0.name == name } }

    /// Reads a manifest; `file` is the name used in diagnostics.
    public static func parse(text: String, file: String) -> ViewManifestResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if text.utf8.count > maxBytes {
            return ViewManifestResult(
                manifest: nil, diagnostics: [.manifestTooLarge(bytes: text.utf8.count, at: start)])
        }
        if let bad = text.unicodeScalars.firstIndex(of: "\u{0}") {
            let at = YAMLGuard.location(after: String(text.unicodeScalars[..<bad]), file: file)
            return ViewManifestResult(
                manifest: nil,
                diagnostics: [.manifestEncoding("it contains a NUL character", at: at)])
        }
        if let at = YAMLGuard.excessiveNesting(in: text, file: file, limit: ViewManifest.maxNesting)
        {
            let deep = Diagnostic.manifestTooDeep(at: at)
            return ViewManifestResult(manifest: nil, diagnostics: [deep])
        }
        switch YAMLGuard.structureProblem(
            in: text, file: file, depthLimit: maxNesting, expansionLimit: maxAliasExpansion)
        {
        case .tooDeep(let at):
            return ViewManifestResult(manifest: nil, diagnostics: [.manifestTooDeep(at: at)])
        case .aliasExpansion(let at):
            return ViewManifestResult(
                manifest: nil, diagnostics: [.manifestAliasExpansion(at: at)])
        case nil:
            break
        }
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return ViewManifestResult(
                manifest: nil, diagnostics: [ManifestReader.syntaxDiagnostic(error, file: file)])
        } catch {
            return ViewManifestResult(
                manifest: nil, diagnostics: [.manifestSyntax("\(error)", at: start)])
        }
        guard let root else {
            return ViewManifestResult(manifest: nil, diagnostics: [.manifestEmpty(at: start)])
        }
        var reader = ManifestReader(file: file)
        let views = reader.readManifest(root)
        var seen = Set<Diagnostic>()
        // A base view's mistakes are found again in each view built on it: report them once.
        let diagnostics = reader.diagnostics.sortedForOutput.filter { seen.insert($0).inserted }
        if diagnostics.hasErrors {
            return ViewManifestResult(manifest: nil, diagnostics: diagnostics)
        }
        return ViewManifestResult(
            manifest: ViewManifest(views: views, file: file), diagnostics: diagnostics)
    }

    /// Checks every view against a model: kinds, relations and node names exist, nodes are
    /// valid at the view's date, and each view selects something that can be drawn.
    ///
    /// Connector views are checked with `analytics`; with the standalone analytics, which
    /// cannot rank by betweenness or closeness, their names are still checked.
    public func check(against model: Model, analytics: ViewAnalytics = .standalone)
        -> [Diagnostic]
    {
        var out: [Diagnostic] = []
        for view in views {
            let result = ViewSelector.select(view, from: model, analytics: analytics)
            out += result.diagnostics
        }
        return out.sortedForOutput
    }
}

/// Reads the composed YAML tree of a manifest into views, collecting located diagnostics.
struct ManifestReader {
    typealias Fields = [String: (key: Yams.Node, value: Yams.Node)]

    static let topKeys = ["format", "views"]
    static let viewKeys = ["name", "base", "title", "description", "select", "layout"]
    static let selectKeys = [
        "kinds", "relations", "nodes", "exclude", "linked", "ego", "path", "connectors", "as_of",
    ]
    static let linkedKeys = ["via", "kinds"]
    static let egoKeys = ["node", "depth"]
    static let pathKeys = ["from", "to"]
    static let connectorKeys = ["top", "measure"]
    static let layoutKeys = [
        "engine", "direction", "theme", "cluster_by", "tiers", "edge_labels", "root",
    ]

    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// One view as written, before its base is applied.
    struct RawView {
        var fields: Fields
        var select: Fields
        var layout: Fields
        var name: String?
        var base: (name: String, location: SourceLocation)?
        var location: SourceLocation
    }

    func loc(_ node: Yams.Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    // MARK: Shapes

    func isNull(_ node: Yams.Node) -> Bool {
        if case .scalar(let s) = node, s.style == .plain,
            ["", "~", "null", "Null", "NULL"].contains(s.string)
        {
            return true
        }
        return false
    }

    /// The keys of a mapping; unknown keys are errors. Null values are kept, so that a view
    /// can clear a key its base sets; ``value(_:_:)`` reads them as absent.
    mutating func fields(_ node: Yams.Node, in context: String, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.viewWrongType(context, expected: "a mapping", at: loc(node)))
            return nil
        }
        var out: Fields = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                diagnostics.append(
                    .viewWrongType("a key in \(context)", expected: "text", at: loc(key)))
                continue
            }
            guard allowed.contains(scalar.string) else {
                diagnostics.append(
                    .viewUnknownKey(scalar.string, in: context, allowed: allowed, at: loc(key)))
                continue
            }
            out[scalar.string] = (key, value)
        }
        return out
    }

    /// The value of a key, or nil when it is absent or null.
    func value(_ fields: Fields, _ key: String) -> Yams.Node? {
        guard let node = fields[key]?.value, !isNull(node) else { return nil }
        return node
    }

    mutating func string(_ node: Yams.Node?, _ what: String) -> Reference? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let s) = node else {
            diagnostics.append(.viewWrongType(what, expected: "text", at: loc(node)))
            return nil
        }
        return Reference(s.string, at: loc(node))
    }

    mutating func strings(_ node: Yams.Node?, _ what: String) -> [Reference] {
        guard let node, !isNull(node) else { return [] }
        switch node {
        case .scalar:
            return string(node, what).map { [$0] } ?? []
        case .sequence(let items):
            return items.compactMap { string($0, "an item of \(what)") }
        default:
            diagnostics.append(.viewWrongType(what, expected: "a list of text", at: loc(node)))
            return []
        }
    }

    mutating func int(_ node: Yams.Node?, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text.text), (-1_000_000...1_000_000).contains(value) else {
            diagnostics.append(.viewInvalidNumber(text.text, for: what, at: text.location))
            return nil
        }
        return value
    }

    mutating func bool(_ node: Yams.Node?, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.text {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.append(
                .viewInvalidValue(
                    text.text, for: what, allowed: ["true", "false"], at: text.location))
            return nil
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ node: Yams.Node?, _ what: String, as type: T.Type
    ) -> T? where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        guard let value = T(rawValue: text.text) else {
            diagnostics.append(
                .viewInvalidValue(
                    text.text, for: what, allowed: T.allCases.map(\.rawValue), at: text.location))
            return nil
        }
        return value
    }

    // MARK: The document

    mutating func readManifest(_ root: Yams.Node) -> [ViewSpec] {
        guard let top = fields(root, in: "the view manifest", allowed: Self.topKeys) else {
            return []
        }
        if let format = string(value(top, "format"), "format") {
            if format.text != ViewManifest.formatVersion {
                diagnostics.append(.manifestFormat(format.text, at: format.location))
            }
        } else {
            diagnostics.append(.viewMissingKey("format", in: "the view manifest", at: loc(root)))
        }
        guard let viewsNode = value(top, "views") else {
            diagnostics.append(.viewMissingKey("views", in: "the view manifest", at: loc(root)))
            return []
        }
        guard case .sequence(let items) = viewsNode else {
            diagnostics.append(.viewWrongType("views", expected: "a list", at: loc(viewsNode)))
            return []
        }
        var raws: [RawView] = []
        var firstByName: [String: SourceLocation] = [:]
        for item in items {
            guard let raw = readRawView(item) else { continue }
            if let name = raw.name {
                let at = raw.fields["name"].map { loc($0.value) } ?? raw.location
                if let first = firstByName[name] {
                    diagnostics.append(.duplicateView(name, first: first, at: at))
                    continue
                }
                firstByName[name] = at
            }
            raws.append(raw)
        }
        var views: [ViewSpec] = []
        for raw in raws {
            guard let merged = applyBase(to: raw, among: raws) else { continue }
            if let view = decode(merged) { views.append(view) }
        }
        return views
    }

    mutating func readRawView(_ node: Yams.Node) -> RawView? {
        guard let f = fields(node, in: "a view", allowed: Self.viewKeys) else { return nil }
        var raw = RawView(
            fields: f, select: [:], layout: [:], name: nil, base: nil, location: loc(node))
        if let name = string(value(f, "name"), "name") {
            raw.name = name.text
        } else {
            diagnostics.append(.viewMissingKey("name", in: "a view", at: loc(node)))
            return nil
        }
        let context = "view '\(raw.name ?? "")'"
        if let select = value(f, "select") {
            raw.select =
                fields(select, in: "the selection of \(context)", allowed: Self.selectKeys) ?? [:]
        }
        if let layout = value(f, "layout") {
            raw.layout =
                fields(layout, in: "the layout of \(context)", allowed: Self.layoutKeys) ?? [:]
        }
        if let base = string(value(f, "base"), "base") {
            raw.base = (base.text, base.location)
        }
        return raw
    }

    /// The view with its bases' fields filled in (nearest base first); nil after a cycle or
    /// an unknown base.
    mutating func applyBase(to raw: RawView, among raws: [RawView]) -> RawView? {
        var merged = raw
        var chain = [raw.name ?? ""]
        var current = raw
        while let base = current.base {
            guard let parent = raws.first(where: { $0.name == base.name }) else {
                diagnostics.append(
                    .unknownBase(base.name, views: raws.compactMap(\.name), at: base.location))
                return nil
            }
            if chain.contains(base.name) {
                diagnostics.append(
                    .baseCycle(chain + [base.name], at: raw.base?.location ?? raw.location))
                return nil
            }
            chain.append(base.name)
            for (key, value) in parent.fields where merged.fields[key] == nil && key != "name" {
                merged.fields[key] = value
            }
            for (key, value) in parent.select where merged.select[key] == nil {
                merged.select[key] = value
            }
            for (key, value) in parent.layout where merged.layout[key] == nil {
                merged.layout[key] = value
            }
            current = parent
        }
        return merged
    }

    mutating func decode(_ raw: RawView) -> ViewSpec? {
        let name = raw.name ?? ""
        let context = "view '\(name)'"
        var locations: [String: SourceLocation] = [:]
        if let n = raw.fields["name"] { locations["name"] = loc(n.value) }
        let before = diagnostics.count
        guard let title = string(value(raw.fields, "title"), "title") else {
            diagnostics.append(.viewMissingKey("title", in: context, at: raw.location))
            return nil
        }
        let description = string(value(raw.fields, "description"), "description")?.text ?? ""

        var selection = ViewSelection()
        let s = raw.select
        selection.kinds = strings(value(s, "kinds"), "kinds")
        selection.relations = strings(value(s, "relations"), "relations")
        selection.nodes = strings(value(s, "nodes"), "nodes")
        selection.exclude = strings(value(s, "exclude"), "exclude")
        if let node = value(s, "linked"),
            let f = fields(node, in: "linked of \(context)", allowed: Self.linkedKeys)
        {
            let via = strings(value(f, "via"), "linked via")
            if via.isEmpty {
                diagnostics.append(
                    .viewMissingKey("via", in: "linked of \(context)", at: loc(node)))
            }
            selection.linked = LinkedSelection(
                via: via, kinds: strings(value(f, "kinds"), "linked kinds"))
        }
        if let node = value(s, "ego"),
            let f = fields(node, in: "ego of \(context)", allowed: Self.egoKeys)
        {
            locations["select.ego"] = loc(node)
            if let centre = string(value(f, "node"), "ego node") {
                let depth = int(value(f, "depth"), "ego depth") ?? 1
                if let d = f["depth"] { locations["select.ego.depth"] = loc(d.value) }
                selection.ego = EgoSelection(node: centre, depth: depth)
            } else {
                diagnostics.append(.viewMissingKey("node", in: "ego of \(context)", at: loc(node)))
            }
        }
        if let node = value(s, "path"),
            let f = fields(node, in: "path of \(context)", allowed: Self.pathKeys)
        {
            locations["select.path"] = loc(node)
            let from = string(value(f, "from"), "path from")
            let to = string(value(f, "to"), "path to")
            if from == nil {
                diagnostics.append(.viewMissingKey("from", in: "path of \(context)", at: loc(node)))
            }
            if to == nil {
                diagnostics.append(.viewMissingKey("to", in: "path of \(context)", at: loc(node)))
            }
            if let from, let to { selection.path = PathSelection(from: from, to: to) }
        }
        if let node = value(s, "connectors"),
            let f = fields(node, in: "connectors of \(context)", allowed: Self.connectorKeys)
        {
            locations["select.connectors"] = loc(node)
            if let t = f["top"] { locations["select.connectors.top"] = loc(t.value) }
            let top = int(value(f, "top"), "connectors top") ?? 10
            let measure =
                choice(value(f, "measure"), "connector measure", as: ConnectorMeasure.self)
                ?? .betweenness
            selection.connectors = ConnectorSelection(top: top, measure: measure)
        }
        if let date = string(value(s, "as_of"), "as_of") {
            if date.text == "current" {
                selection.asOf = .current
            } else if let parsed = PartialDate(date.text) {
                selection.asOf = .date(parsed)
            } else {
                diagnostics.append(.viewInvalidDate(date.text, at: date.location))
            }
        }

        var layout = ViewLayout()
        let l = raw.layout
        if let engine = choice(value(l, "engine"), "engine", as: LayoutEngine.self) {
            layout.engine = engine
        }
        if let direction = choice(value(l, "direction"), "direction", as: RankDirection.self) {
            layout.direction = direction
        }
        if let theme = string(value(l, "theme"), "theme") {
            layout.theme = theme.text
            locations["layout.theme"] = theme.location
        }
        layout.clusterBy = strings(value(l, "cluster_by"), "cluster_by")
        if let c = l["cluster_by"] { locations["layout.cluster_by"] = loc(c.value) }
        layout.tiers = bool(value(l, "tiers"), "tiers") ?? false
        layout.edgeLabels = bool(value(l, "edge_labels"), "edge_labels") ?? false
        layout.root = string(value(l, "root"), "root")

        let view = ViewSpec(
            name: name, title: title.text, description: description, selection: selection,
            layout: layout, location: raw.location)
        let problems = view.problems(locatedBy: locations)
        diagnostics += problems
        return diagnostics.count == before ? view : nil
    }

    // MARK: Guards and syntax errors

    static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch YAMLGuard.problem(error, file: file) {
        case .syntax(let problem, let location, let notes):
            return .manifestSyntax(problem, at: location, notes: notes)
        case .duplicateKey(let keys, let location): return .manifestDuplicateKey(keys, at: location)
        case .encoding(let problem, let location): return .manifestEncoding(problem, at: location)
        }
    }
}
