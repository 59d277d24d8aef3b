import ArgumentParser
import BaliGraphKit

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
    @Option(name: .customLong("member-of"), help: ArgumentHelp("Keep members of this node.", valueName: "node"))
    var memberOf: String?
    @Option(name: .customLong("related-to"), help: ArgumentHelp("Keep nodes related to this node.", valueName: "node"))
    var relatedTo: String?
    @Option(name: .long, help: "With --related-to: only this relation.") var relation: String?
    @Option(name: .customLong("where"), help: ArgumentHelp("Keep nodes whose attribute KEY equals VALUE (repeatable).", valueName: "key=value"))
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
