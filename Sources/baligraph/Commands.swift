import ArgumentParser
import BaliGraphKit
import StakeholderModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        abstract: "Counts by kind and relation, components, density, dates and source coverage.")

    @OptionGroup var global: GlobalOptions

    func run() throws { try finish(StatsCommand.run(global.invocation)) }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
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
                    inv, old: .date(PartialDate(from)!), new: .date(toDate), quiet: quiet))
        }
        try finish(DiffCommand.run(inv, old: .parse(old!), new: .parse(new!), quiet: quiet))
    }

    func dataAsOf(_ inv: Invocation) -> PartialDate {
        if case .success(let loaded) = ModelStore.load(inv), let d = loaded.full.asOf { return d }
        return PartialDate(year: 9999)
    }
}
