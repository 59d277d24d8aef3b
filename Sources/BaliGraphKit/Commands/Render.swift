import Diagrams
import Foundation
import GraphEngine
import GraphvizRender
import StakeholderModel

/// The file formats `render` writes.
public enum DiagramFormat: String, Sendable, CaseIterable {
    case svg
    case png
    case pdf
    /// The DOT source given to Graphviz (before layout).
    case dot

    /// Picks the format from a file name's extension (`.gv` counts as DOT).
    public static func from(path: String) -> DiagramFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "svg": return .svg
        case "png": return .png
        case "pdf": return .pdf
        case "dot", "gv": return .dot
        default: return nil
        }
    }
}

/// `render`: draws views declared in `Graphs/views.yaml`, or ad-hoc ones, through Graphviz.
public enum RenderCommand {
    /// What to draw and where.
    public struct Request: Sendable {
        /// A named view from the manifest.
        public var view: String?
        /// Every view of the manifest, into `graphsDirectory`.
        public var all = false
        /// With `all`: compare instead of writing, and fail on stale diagrams.
        public var check = false
        /// The output file (`-` for standard output).
        public var output: String?
        /// The output format (default: from the output's extension, else SVG).
        public var format: DiagramFormat?
        /// Overrides the view's engine.
        public var engine: String?
        /// Overrides the view's theme.
        public var theme: String?
        /// A view manifest (default: `Graphs/views.yaml` in the working folder, else the
        /// built-in copy).
        public var manifest: String?
        /// Where `--all` writes (default `Graphs`).
        public var graphsDirectory = "Graphs"
        /// Ad hoc: the neighbourhood of a node.
        public var ego: String?
        /// Ad hoc: the depth of the neighbourhood.
        public var depth = 1
        /// Ad hoc: the shortest path between two nodes.
        public var path: (from: String, to: String)?
        /// Ad hoc: the top connectors.
        public var connectorsTop: Int?
        /// Ad hoc: the measure ranking the connectors.
        public var measure = "betweenness"
        /// Ad hoc: restrict to kinds.
        public var kinds: [String] = []
        /// Ad hoc: restrict to relations.
        public var relations: [String] = []
        /// A title for an ad-hoc view.
        public var title: String?
        /// With `all`: how many processes may draw at once (this one and forked copies;
        /// 1 draws every view here). Forking only happens while the process has one thread.
        public var processes = 1

        /// An empty request.
        public init() {}

        var isAdHoc: Bool {
            ego != nil || path != nil || connectorsTop != nil || (!kinds.isEmpty && view == nil)
                || (!relations.isEmpty && view == nil)
        }
    }

    /// Analytics from the graph engine, so that views match the `connectors` and `path`
    /// commands.
    static let analytics = ViewAnalytics(
        shortestPath: { model, from, to in
            let analysis = AnalysisGraph(model: model)
            guard let a = model.index(of: from), let b = model.index(of: to) else { return nil }
            return analysis.graph.fullView.shortestPath(from: Int32(a), to: Int32(b))?.nodes.map {
                analysis.node($0).id
            }
        },
        measure: { model, measure in
            let simple = AnalysisGraph(model: model).graph.fullView.undirectedGraph()
            let values: [Double]
            switch measure {
            case .betweenness: values = simple.betweennessCentrality(normalized: true)
            case .closeness: values = simple.closenessCentrality()
            case .degree: values = simple.degreeCentrality()
            }
            return Dictionary(
                uniqueKeysWithValues: model.nodes.enumerated().map { ($1.id, values[$0]) })
        },
        cutPoints: { model in
            let analysis = AnalysisGraph(model: model)
            return analysis.graph.fullView.undirectedGraph().articulationPoints().map {
                analysis.node($0.node).id
            }
        })

    /// The manifest to use and its label for messages.
    static func loadManifest(_ request: Request) -> Result<ViewManifest, BaliError> {
        let text: String
        let label: String
        if let path = request.manifest {
            switch ModelStore.readText(path: path) {
            case .failure(let e): return .failure(e)
            case .success(let t): text = t
            }
            label = path
        } else if FileManager.default.fileExists(atPath: "Graphs/views.yaml"),
            case .success(let t) = ModelStore.readText(path: "Graphs/views.yaml")
        {
            text = t
            label = "Graphs/views.yaml"
        } else {
            text = EmbeddedViews.yaml
            label = "Graphs/views.yaml (built-in)"
        }
        let result = ViewManifest.parse(text: text, file: label)
        guard let manifest = result.manifest, !result.diagnostics.hasErrors else {
            return .failure(
                BaliError(
                    "the view manifest has errors", notes: ["fix \(label) and run again"],
                    diagnostics: result.diagnostics.map(\.formatted)))
        }
        return .success(manifest)
    }

    /// Turns a diagram into the bytes of a format.
    static func draw(_ diagram: Diagram, format: DiagramFormat) -> Result<[UInt8], BaliError> {
        if format == .dot { return .success(Array(diagram.dot.utf8)) }
        // Refused before Graphviz starts: a layout cannot be cancelled once running.
        if let refusal = LayoutLimits.refusal(for: diagram) {
            return .failure(BaliError(refusal.message, notes: refusal.notes))
        }
        let engine = GraphvizRender.LayoutEngine(rawValue: diagram.engine.rawValue) ?? .dot
        let out: GraphvizRender.OutputFormat
        switch format {
        case .svg: out = .svg
        case .png: out = .png
        case .pdf: out = .pdf
        case .dot: out = .dot
        }
        do {
            let rendered = try Graphviz.shared.render(dot: diagram.dot, engine: engine, format: out)
            if format == .svg {
                return .success(Array(SVGPostProcessor.process(rendered.text, for: diagram).utf8))
            }
            return .success(rendered.bytes)
        } catch {
            var notes = error.messages
            if diagram.engine.rawValue == "dot" {
                notes.append("try another engine with --engine neato, or draw fewer nodes")
            }
            return .failure(
                BaliError(
                    "Graphviz could not draw the view '\(diagram.name)': \(error.summary)",
                    notes: notes))
        }
    }

    /// Runs the request.
    public static func run(_ invocation: Invocation, request: Request) -> CommandResult {
        let loaded: LoadedModel
        switch ModelStore.load(Invocation(dataPath: invocation.dataPath)) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.full
        var options = DiagramOptions(dataLabel: invocation.dataLabel)
        if let name = request.engine {
            guard let engine = Diagrams.LayoutEngine(rawValue: name) else {
                return BaliError.usage(
                    "unknown engine '\(name)'",
                    notes: [
                        "engines: "
                            + Diagrams.LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")
                    ]
                ).result
            }
            options.engine = engine
        }
        if let name = request.theme {
            guard let theme = Theme.named(name) else {
                return BaliError.usage(
                    "unknown theme '\(name)'",
                    notes: ["themes: " + Theme.all.map(\.name).joined(separator: ", ")]
                ).result
            }
            options.theme = theme
        }
        if request.all {
            return renderAll(invocation, request: request, model: model, options: options)
        }

        // One view: named or ad hoc.
        var view: ViewSpec
        if request.isAdHoc {
            var selection = ViewSelection()
            selection.kinds = request.kinds.map { Reference($0) }
            selection.relations = request.relations.map { Reference($0) }
            if let ego = request.ego {
                selection.ego = EgoSelection(node: Reference(ego), depth: request.depth)
            }
            if let p = request.path {
                selection.path = PathSelection(from: Reference(p.from), to: Reference(p.to))
            }
            if let top = request.connectorsTop {
                guard let measure = Diagrams.ConnectorMeasure(rawValue: request.measure) else {
                    return BaliError.usage(
                        "unknown measure '\(request.measure)'",
                        notes: [
                            "measures: "
                                + Diagrams.ConnectorMeasure.allCases.map(\.rawValue).joined(
                                    separator: ", ")
                        ]
                    ).result
                }
                selection.connectors = ConnectorSelection(top: top, measure: measure)
            }
            selection.asOf = invocation.asOf.map { .date($0) } ?? .current
            let made = ViewSpec.adHoc(name: "view", title: request.title, selection: selection)
            guard let v = made.view else {
                return BaliError(
                    "the view cannot be drawn", diagnostics: made.diagnostics.map(\.formatted)
                ).result
            }
            view = v
        } else {
            guard let name = request.view else {
                return BaliError.usage(
                    "name a view, or use --all, --ego, --path or --connectors",
                    notes: ["run 'baligraph render --list' to see the views"]
                ).result
            }
            let manifest: ViewManifest
            switch loadManifest(request) {
            case .failure(let e): return e.result
            case .success(let m): manifest = m
            }
            guard let named = manifest.view(named: name) else {
                let names = manifest.views.map(\.name)
                let hint = TextMatching.suggestions(for: name, among: names)
                return BaliError(
                    "no view named '\(name)'",
                    notes: (hint.isEmpty ? [] : ["did you mean '\(hint[0])'?"]) + [
                        "views: " + names.joined(separator: ", ")
                    ]
                ).result
            }
            view = named
            if let asOf = invocation.asOf { view.selection.asOf = .date(asOf) }
        }
        let built = DiagramBuilder.build(view, model: model, analytics: analytics, options: options)
        guard let diagram = built.diagram else {
            return BaliError(
                "the view '\(view.name)' cannot be drawn",
                diagnostics: built.diagnostics.map(\.formatted)
            ).result
        }
        let overridden = invocation.asOf != nil || request.engine != nil || request.theme != nil
        var output = request.output
        if output == nil {
            if request.isAdHoc || overridden {
                return BaliError.usage(
                    "give -o FILE (or -o - for standard output)",
                    notes: [
                        "only a named view as declared is written to Graphs/NAME.svg by default"
                    ]
                ).result
            }
            output = (request.graphsDirectory as NSString).appendingPathComponent(
                "\(diagram.name).\(request.format?.rawValue ?? "svg")")
        }
        let format =
            request.format ?? (output == "-" ? .svg : DiagramFormat.from(path: output!) ?? .svg)
        let bytes: [UInt8]
        switch draw(diagram, format: format) {
        case .failure(let e): return e.result
        case .success(let b): bytes = b
        }
        if output == "-" {
            return format == .svg || format == .dot
                ? CommandResult(stdout: String(decoding: bytes, as: UTF8.self))
                : CommandResult(binaryStdout: bytes)
        }
        do {
            try AtomicFile.write(bytes, to: output!)
        } catch {
            return error.result
        }
        return CommandResult(stderr: "wrote \(output!) (\(sizeText(bytes.count)))\n")
    }

    static func sizeText(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : "\(formatFixed(Double(bytes) / 1024, digits: 1)) KB"
    }

    /// Every view into the graphs folder, or a check of the committed files.
    static func renderAll(
        _ invocation: Invocation, request: Request, model: Model, options: DiagramOptions
    ) -> CommandResult {
        let manifest: ViewManifest
        switch loadManifest(request) {
        case .failure(let e): return e.result
        case .success(let m): manifest = m
        }
        let format = request.format ?? .svg
        let views = manifest.views
        // Each view is drawn on its own (possibly in a forked process, see ForkedWork); its
        // outcome travels as one flags byte (1: failed, 2: stale) and the messages.
        let outcomes = ForkedWork.map(count: views.count, processes: request.processes) { i in
            let outcome = renderOne(
                views[i], request: request, model: model, options: options, format: format)
            return [(outcome.failed ? 1 : 0) | (outcome.stale ? 2 : 0)]
                + Array(outcome.messages.utf8)
        }
        var err = ""
        var stale = false
        var failed = false
        for (view, outcome) in zip(views, outcomes) {
            switch outcome {
            case .success(let bytes):
                failed = failed || bytes[0] & 1 != 0
                stale = stale || bytes[0] & 2 != 0
                err += String(decoding: bytes.dropFirst(), as: UTF8.self)
            case .failure(let lost):
                failed = true
                err +=
                    "error: the view '\(view.name)' was not drawn: \(lost.reason) "
                    + "(Graphviz crashed); run 'baligraph render \(view.name)' to see it alone\n"
            }
        }
        if request.check {
            if !stale && !failed {
                err +=
                    "all \(manifest.views.count) diagrams in \(request.graphsDirectory)/ are up to date\n"
            }
            return CommandResult(stderr: err, exitCode: !stale && !failed ? 0 : 1)
        }
        return CommandResult(stderr: err, exitCode: failed ? 1 : 0)
    }

    /// One view of `render --all`: drawn and written (or compared, with `check`).
    private static func renderOne(
        _ view: ViewSpec, request: Request, model: Model, options: DiagramOptions,
        format: DiagramFormat
    ) -> (messages: String, stale: Bool, failed: Bool) {
        let built = DiagramBuilder.build(view, model: model, analytics: analytics, options: options)
        guard let diagram = built.diagram else {
            return (
                built.diagnostics.map { $0.formatted + "\n" }.joined()
                    + "error: the view '\(view.name)' cannot be drawn\n", false, true
            )
        }
        let path = (request.graphsDirectory as NSString).appendingPathComponent(
            "\(diagram.name).\(format.rawValue)")
        switch draw(diagram, format: format) {
        case .failure(let e):
            return (e.rendered, false, true)
        case .success(let bytes):
            if request.check {
                let current = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
                guard current != bytes else { return ("", false, false) }
                return (
                    current == nil
                        ? "\(path): missing; run 'baligraph render --all'\n"
                        : "\(path): differs from what the data now gives; run 'baligraph render --all'\n",
                    true, false
                )
            }
            do {
                try AtomicFile.write(bytes, to: path)
                return ("wrote \(path) (\(sizeText(bytes.count)))\n", false, false)
            } catch {
                return (error.rendered, false, true)
            }
        }
    }

    /// `render --list`: the views of the manifest.
    public static func list(_ invocation: Invocation, request: Request) -> CommandResult {
        switch loadManifest(request) {
        case .failure(let e): return e.result
        case .success(let manifest):
            switch invocation.format {
            case .json:
                return CommandResult(
                    stdout: JSONValue.array(
                        manifest.views.map {
                            .object([
                                "name": .string($0.name), "title": .string($0.title ?? $0.name),
                                "description": .string($0.description),
                            ])
                        }
                    ).serialized())
            default:
                let width = manifest.views.map(\.name.count).max() ?? 0
                return CommandResult(
                    stdout: manifest.views.map {
                        $0.name.padded(to: width) + "  " + ($0.title ?? "") + "\n"
                    }
                    .joined())
            }
        }
    }
}

extension RenderCommand {
    /// Every view of the manifest drawn as SVG, for the explorer page; views that cannot be
    /// drawn are reported and left out.
    public static func explorerViews(_ invocation: Invocation, request: Request) -> Result<
        (views: [ExplorerView], warnings: String), BaliError
    > {
        let loaded: LoadedModel
        switch ModelStore.load(Invocation(dataPath: invocation.dataPath)) {
        case .failure(let e): return .failure(e)
        case .success(let l): loaded = l
        }
        let manifest: ViewManifest
        switch loadManifest(request) {
        case .failure(let e): return .failure(e)
        case .success(let m): manifest = m
        }
        var views: [ExplorerView] = []
        var warnings = ""
        for view in manifest.views {
            let built = DiagramBuilder.build(
                view, model: loaded.full, analytics: analytics,
                options: DiagramOptions(dataLabel: invocation.dataLabel))
            guard let diagram = built.diagram else {
                warnings +=
                    "warning: the view '\(view.name)' cannot be drawn for this model; left out\n"
                continue
            }
            switch draw(diagram, format: .svg) {
            case .failure(let e): warnings += e.rendered
            case .success(let bytes):
                views.append(
                    ExplorerView(
                        name: diagram.name, title: diagram.title,
                        svg: String(decoding: bytes, as: UTF8.self)))
            }
        }
        return .success((views, warnings))
    }
}
