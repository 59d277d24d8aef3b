import ArgumentParser
import BaliGraphKit
import StakeholderModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a model and print every problem with its file, line and column.",
        discussion: """
            Exits 0 when the model is valid, 1 when it has errors (with --strict, warnings too).
            Example: baligraph validate --data my-model.yaml --strict
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Treat warnings as errors.") var strict = false

    func run() throws { try finish(ValidateCommand.run(global.invocation, strict: strict)) }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts by kind and relation, components, density, dates and source coverage.")

    @OptionGroup var global: GlobalOptions

    func run() throws { try finish(StatsCommand.run(global.invocation)) }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List nodes, filtered by kind, relation to a node or attribute.",
        discussion: """
            Examples:
              baligraph list --kind state --format json
              baligraph list --member-of "steering group"
              baligraph list --related-to rso --relation co-manages
              baligraph list --kind state --where region=Pacific
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Keep nodes of this kind (repeatable).") var kind: [String] = []
    @Option(
        name: .customLong("member-of"),
        help: ArgumentHelp("Keep members of this node.", valueName: "node"))
    var memberOf: String?
    @Option(
        name: .customLong("related-to"),
        help: ArgumentHelp("Keep nodes related to this node.", valueName: "node"))
    var relatedTo: String?
    @Option(name: .long, help: "With --related-to: only this relation.") var relation: String?
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp(
            "Keep nodes whose attribute KEY equals VALUE (repeatable).", valueName: "key=value"))
    var attributes: [String] = []

    func run() throws {
        var filters = ListCommand.Filters()
        filters.kinds = kind
        filters.memberOf = memberOf
        filters.relatedTo = relatedTo
        filters.relation = relation
        filters.attributes = attributes
        try finish(ListCommand.run(global.invocation, filters: filters))
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one node: kind, names, attributes, sources and every relation in and out.",
        discussion: """
            NODE is an id, name, short name, alias or ISO code, in any case and with or
            without accents. Examples: baligraph show "steering group"; baligraph show aus
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The node to show.") var node: String

    func run() throws { try finish(ShowCommand.run(global.invocation, query: node)) }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "The dated events of the model (established, ended, began, ended), in order.",
        discussion: """
            With NODE, only events about that node and its ties. With --as-of, events up to that date.
            Example: baligraph timeline "working group on disruption"
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only events about this node.") var node: String?

    func run() throws { try finish(TimelineCommand.run(global.invocation, node: node)) }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two models or two dates: a changelog, JSON, or a diagram.",
        discussion: """
            OLD and NEW are model files or git revisions of one (HEAD~3:Data/bali-process.yaml).
            --from/--to compare two dates of the same model (--data or the built-in one).
            Exits 0 when there is no difference and 1 when there is, like diff(1).
            Examples:
              baligraph diff --from 2017 --to 2024
              baligraph diff HEAD~1:Data/bali-process.yaml Data/bali-process.yaml --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The old model (file or REV:PATH).") var old: String?
    @Argument(help: "The new model (file or REV:PATH).") var new: String?
    @Option(help: ArgumentHelp("Compare the model as of this date…", valueName: "date")) var from:
        String?
    @Option(
        help: ArgumentHelp(
            "…with the model as of this date (default: the data's as-of date).", valueName: "date"))
    var to: String?
    @Flag(help: "Print nothing; only the exit code says whether they differ.") var quiet = false
    @Option(
        help: ArgumentHelp(
            "Also draw the union of both: added green, removed red, changed amber (.svg, .png, .pdf or .dot).",
            valueName: "file"))
    var svg: String?
    @Flag(
        name: .customLong("full-union"),
        help: "With --svg: draw every node and tie, not only what the changes touch.")
    var fullUnion = false

    func validate() throws {
        if from != nil || to != nil {
            guard old == nil && new == nil else {
                throw ValidationError("give either OLD and NEW, or --from and --to, not both")
            }
            guard let from, PartialDate(from) != nil else {
                throw ValidationError("--from needs a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            if let to, PartialDate(to) == nil {
                throw ValidationError("--to '\(to)' is not a date")
            }
        } else if old == nil || new == nil {
            throw ValidationError("give OLD and NEW models, or --from DATE --to DATE")
        }
    }

    func run() throws {
        let inv = global.invocation
        if let from {
            let toDate = to.flatMap(PartialDate.init) ?? dataAsOf(inv)
            try finish(
                DiffCommand.run(
                    inv, old: .date(PartialDate(from)!), new: .date(toDate), quiet: quiet,
                    diagram: svg, fullUnion: fullUnion))
        }
        try finish(
            DiffCommand.run(
                inv, old: .parse(old!), new: .parse(new!), quiet: quiet, diagram: svg,
                fullUnion: fullUnion))
    }

    func dataAsOf(_ inv: Invocation) -> PartialDate {
        if case .success(let loaded) = ModelStore.load(inv), let d = loaded.full.asOf { return d }
        return PartialDate(year: 9999)
    }
}

/// Filters shared by `path` and `neighbors`.
struct PathFilterOptions: ParsableArguments {
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Follow only these relations.", valueName: "relation"))
    var via: [String] = []
    @Option(
        name: .customLong("through-kind"), parsing: .upToNextOption,
        help: ArgumentHelp("Pass only through nodes of these kinds.", valueName: "kind"))
    var throughKind: [String] = []
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Never pass through these nodes.", valueName: "node"))
    var avoid: [String] = []
    @Flag(help: "Follow ties only from source to target (by default ties are followed both ways).")
    var directed = false
    @Flag(help: "Follow ties both ways (the default; read backwards with the inverse label).")
    var undirected = false

    func validate() throws {
        if directed && undirected {
            throw ValidationError("--directed and --undirected exclude each other")
        }
    }

    func options(maxLength: Int?) -> PathOptions {
        var o = PathOptions()
        o.via = via
        o.throughKinds = throughKind
        o.avoid = avoid
        o.maxLength = maxLength
        o.directed = directed
        return o
    }
}

struct PathCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract:
            "How two nodes connect: the shortest path, all shortest paths, or the k shortest, in words.",
        discussion: """
            Each path is printed as a sentence chain from the schema's labels, e.g.
            "Sri Lanka is a member of the Ad Hoc Group, which has member New Zealand."
            Examples:
              baligraph path "Sri Lanka" "New Zealand" --avoid "Bali Process"
              baligraph path australia unodc --all
              baligraph path thailand iom --k 3 --via member-of co-chairs
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Where the path starts.") var from: String
    @Argument(help: "Where the path ends.") var to: String
    @Flag(help: "Every shortest path (up to --limit).") var all = false
    @Option(help: "With --all: the most paths to print.") var limit = 100
    @Option(name: .customLong("k"), help: "The k shortest simple paths (Yen).") var k: Int?
    @Option(name: .customLong("max-length"), help: "The longest path, in steps.") var maxLength:
        Int?
    @OptionGroup var filters: PathFilterOptions

    func validate() throws {
        if all && k != nil { throw ValidationError("--all and --k exclude each other") }
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let maxLength, maxLength < 1 { throw ValidationError("--max-length must be at least 1") }
    }

    func run() throws {
        let mode: PathCommand.Mode =
            all ? .allShortest(limit: limit) : k.map { .kShortest($0) } ?? .shortest
        try finish(
            PathCommand.run(
                global.invocation, from: from, to: to, mode: mode,
                options: filters.options(maxLength: maxLength)))
    }
}

struct Neighbors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract:
            "The nodes within --depth steps of a node, by distance, with the tie that reached each.",
        discussion: "Example: baligraph neighbors rso --depth 2 --via reports-to co-manages")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The centre.") var node: String
    @Option(help: "How many steps out.") var depth = 1
    @OptionGroup var filters: PathFilterOptions

    func validate() throws {
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        try finish(
            NeighborsCommand.run(
                global.invocation, node: node, depth: depth,
                options: filters.options(maxLength: nil)))
    }
}

extension ConnectorMeasure: ExpressibleByArgument {}

struct Connectors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connectors",
        abstract:
            "Who bridges the structure: betweenness, closeness, degree, constraint, effective size, cut points, brokerage.",
        discussion: """
            One row per node, ranked by --measure (constraint ranks low values first).
            Centralities follow NetworkX's definitions on the simple undirected graph;
            brokerage roles (Gould & Fernandez) count directed two-paths against --partition.
            Examples:
              baligraph connectors --top 10
              baligraph connectors --measure brokerage --partition region --kind state --kind group
              baligraph connectors --as-of 2012 --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Rank by: \(ConnectorMeasure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var measure: ConnectorMeasure = .betweenness
    @Option(help: "Print only the first N rows (0: all).") var top = 0
    @Option(help: "Partition for brokerage roles: kind, or an attribute such as region.")
    var partition = "kind"
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Only these relations.", valueName: "relation"))
    var via: [String] = []
    @Option(name: .long, help: "Only nodes of this kind (repeatable).") var kind: [String] = []
    @Option(
        help:
            "Estimate betweenness from this many sampled sources (NetworkX's k; seeded, repeatable)."
    )
    var sample: Int?
    @Flag(help: "On a large imported edge list: compute exact betweenness and closeness anyway.")
    var exact = false

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1") }
    }

    func run() throws {
        var o = ConnectorsCommand.Options()
        o.measure = measure
        o.top = top
        o.partition = partition
        o.relations = via
        o.kinds = kind
        o.sample = sample
        o.exact = exact
        try finish(ConnectorsCommand.run(global.invocation, options: o))
    }
}

struct Common: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "common",
        abstract:
            "What two or more nodes share (bodies, co-chairs) and their co-membership strength.",
        discussion: "Example: baligraph common australia \"new zealand\" thailand")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Two or more nodes.") var nodes: [String]
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Only these relations.", valueName: "relation"))
    var via: [String] = []

    func validate() throws {
        if nodes.count < 2 { throw ValidationError("give at least two nodes") }
    }

    func run() throws { try finish(CommonCommand.run(global.invocation, nodes: nodes, via: via)) }
}

struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-if",
        abstract:
            "What breaks if nodes leave: who is cut off, which distances grow, which nodes become cut points.",
        discussion: "Example: baligraph what-if --remove australia indonesia")

    @OptionGroup var global: GlobalOptions
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("The nodes to remove.", valueName: "node"))
    var remove: [String] = []
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Only these relations.", valueName: "relation"))
    var via: [String] = []
    @Option(help: "How many grown distances to list.") var top = 10

    func validate() throws {
        if remove.isEmpty { throw ValidationError("give --remove NODE…") }
    }

    func run() throws {
        try finish(WhatIfCommand.run(global.invocation, remove: remove, via: via, top: top))
    }
}

extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write the model for other tools: GraphML, GEXF, CSV, node-link JSON, Cypher, DOT, Mermaid.",
        discussion: """
            Respects --as-of, --kind and --via. Without -o the result goes to standard output.
            CSV with -o DIR writes nodes.csv, edges.csv and model.csv into the folder (model.csv
            carries the schema and sources, so that CSV → baligraph loses nothing).
            Examples:
              baligraph export --to graphml -o bali.graphml
              baligraph export --to gexf -o bali.gexf          (Gephi's timeline shows the history)
              baligraph export --to cypher -o bali.cypher      (load into Neo4j)
              baligraph export --to mermaid --kind working-group --kind state --via co-chairs
              baligraph export --to csv -o bali-csv/
            """)

    @OptionGroup var global: GlobalOptions
    @Option(
        name: .customLong("to"),
        help: "graphml, gexf, csv, json (NetworkX node-link), cypher, dot or mermaid.")
    var target: ExportFormat
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The output file (a folder for csv).", valueName: "path"))
    var output: String?
    @Option(name: .long, help: "Only nodes of this kind (repeatable).") var kind: [String] = []
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Only these relations.", valueName: "relation"))
    var via: [String] = []

    func run() throws {
        var filter = ExportFilter.all
        filter.kinds = kind
        filter.relations = via
        try finish(ExportCommand.run(global.invocation, to: target, output: output, filter: filter))
    }
}

/// `make embed` uses this to write the built-in model's compact form; not for users.
struct InternalEncodeModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "internal-encode-model",
        abstract: "Print a model in the compact built-in form.",
        shouldDisplay: false)

    @Argument var file: String

    func run() throws {
        let result = ModelStore.parse(
            text: try String(contentsOfFile: file, encoding: .utf8), file: file)
        guard let model = result.model,
            !result.diagnostics.contains(where: { $0.severity == .error })
        else {
            try finish(
                BaliError("the model has errors", diagnostics: result.diagnostics.map(\.formatted))
                    .result)
        }
        try finish(CommandResult(stdout: ModelCodec.encode(model)))
    }
}
