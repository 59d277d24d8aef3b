import ArgumentParser
import BaliGraphKit
import Foundation
import StakeholderModel

extension DiagramFormat: ExpressibleByArgument {}

/// The model options without `--format` (which `render` uses for the file format).
struct ModelOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A model file (default: the built-in Bali Process model).", valueName: "file"))
    var data: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Draw the structure as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD).",
            valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: "Colour the text output: auto, always or never.")
    var color: ColorMode = .auto

    func validate() throws {
        if let asOf, PartialDate(asOf) == nil {
            throw ValidationError(
                "--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
    }

    func invocation(format: BaliGraphKit.OutputFormat = .text) -> Invocation {
        Invocation(
            dataPath: data, asOf: asOf.flatMap(PartialDate.init), format: format, color: false)
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw diagrams through Graphviz: views declared in Graphs/views.yaml, or ad hoc.",
        discussion: """
            A named view is written to Graphs/NAME.svg unless -o says otherwise (-o - for
            standard output); the format comes from --format or the file's extension.
            Examples:
              baligraph render --list
              baligraph render structure
              baligraph render --all            (every view into Graphs/)
              baligraph render --all --check    (exit 1 naming every stale diagram)
              baligraph render working-groups -o wg.pdf
              baligraph render --ego australia --depth 2 -o australia.svg
              baligraph render --path "Sri Lanka" "New Zealand" -o path.png
              baligraph render --connectors --top 10 -o connectors.svg
              baligraph render structure --as-of 2012 -o structure-2012.svg
            """)

    @OptionGroup var model: ModelOptions
    @Argument(help: "A view declared in the manifest.") var view: String?
    @Flag(help: "Render every view of the manifest into Graphs/.") var all = false
    @Flag(help: "With --all: write nothing; exit 1 and name every diagram that differs.")
    var check = false
    @Flag(help: "List the views of the manifest.") var list = false
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The output file (- for standard output).", valueName: "file"))
    var output: String?
    @Option(help: "The file format: svg, png, pdf or dot (default: from -o's extension, else svg).")
    var format: DiagramFormat?
    @Option(help: "The layout engine: dot, neato, circo, twopi, osage or patchwork.") var engine:
        String?
    @Option(help: "The theme: light or mono.") var theme: String?
    @Option(
        help: ArgumentHelp(
            "A view manifest (default: Graphs/views.yaml, else the built-in one).",
            valueName: "file"))
    var views: String?
    @Option(
        name: .customLong("out-dir"), help: ArgumentHelp("Where --all writes.", valueName: "dir"))
    var outDir = "Graphs"
    @Option(help: ArgumentHelp("Ad hoc: the neighbourhood of this node.", valueName: "node"))
    var ego: String?
    @Option(help: "Ad hoc: how many steps around --ego.") var depth = 1
    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Ad hoc: the shortest path between two nodes.", valueName: "node"))
    var path: [String] = []
    @Flag(help: "Ad hoc: the top connectors, sized by --measure, cut points marked.")
    var connectors = false
    @Option(help: "With --connectors: how many.") var top = 10
    @Option(help: "With --connectors: betweenness, closeness or degree.") var measure =
        "betweenness"
    @Option(name: .long, help: "Ad hoc: only nodes of this kind (repeatable).") var kind: [String] =
        []
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Ad hoc: only these relations.", valueName: "relation"))
    var via: [String] = []
    @Option(help: "Ad hoc: the diagram's title.") var title: String?
    @Option(
        help: ArgumentHelp(
            "With --all: draw this many views at once, in forked processes (default: one per CPU, at most 4; 1: all in this process).",
            valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if !path.isEmpty && path.count != 2 { throw ValidationError("--path takes two nodes") }
        if check && !all { throw ValidationError("--check goes with --all") }
        if all && (view != nil || output != nil) {
            throw ValidationError("--all writes every view; drop the view name and -o")
        }
        if depth < 1 || top < 1 { throw ValidationError("--depth and --top must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var request = RenderCommand.Request()
        request.view = view
        request.all = all
        request.check = check
        request.output = output
        request.format = format
        request.engine = engine
        request.theme = theme
        request.manifest = views
        request.graphsDirectory = outDir
        request.ego = ego
        request.depth = depth
        if path.count == 2 { request.path = (path[0], path[1]) }
        if connectors { request.connectorsTop = top }
        request.measure = measure
        request.kinds = kind
        request.relations = via
        request.title = title
        request.processes = jobs ?? min(4, ProcessInfo.processInfo.activeProcessorCount)
        if list { try finish(RenderCommand.list(model.invocation(), request: request)) }
        try finish(RenderCommand.run(model.invocation(), request: request))
    }
}

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract:
            "Write one self-contained HTML page to click through: views, search, details, paths, dates.",
        discussion: """
            The page works offline, from disk or any static site, and makes no network request.
            It embeds every view of the manifest as inline SVG and the whole model (with its
            history) as JSON. Example: baligraph explore -o Graphs/explorer.html
            """)

    @OptionGroup var model: ModelOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String
    @Option(
        help: ArgumentHelp(
            "A view manifest (default: Graphs/views.yaml, else the built-in one).",
            valueName: "file"))
    var views: String?

    func run() throws {
        var request = RenderCommand.Request()
        request.manifest = views
        let invocation = model.invocation()
        switch RenderCommand.explorerViews(invocation, request: request) {
        case .failure(let e): try finish(e.result)
        case .success(let drawn):
            var result = ExploreCommand.run(invocation, output: output, views: drawn.views)
            result.stderr = drawn.warnings + result.stderr
            try finish(result)
        }
    }
}
