import StakeholderModel

/// The wording of every diagnostic about views and the view manifest, in one place.
extension Diagnostic {
    static func suggesting(_ suggestions: [String]) -> [String] {
        guard !suggestions.isEmpty else { return [] }
        return ["did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"]
    }

    // MARK: The manifest file

    static func manifestSyntax(_ problem: String, at location: SourceLocation, notes: [String] = [])
        -> Diagnostic
    {
        Diagnostic(
            .error, .syntax, "the view manifest is not valid YAML: \(problem)", at: location,
            notes: notes + ["fix the syntax at this position; no view was read"])
    }

    static func manifestEmpty(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "the view manifest is empty", at: location,
            notes: ["a manifest starts with 'format: \(ViewManifest.formatVersion)'"])
    }

    static func manifestTooLarge(bytes: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .tooLarge,
            "the view manifest is \(bytes) bytes; the limit is \(ViewManifest.maxBytes)",
            at: location)
    }

    static func manifestTooDeep(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .tooDeep,
            "the view manifest nests deeper than \(ViewManifest.maxNesting) levels",
            at: location, notes: ["a manifest needs at most five levels"])
    }

    static func manifestAliasExpansion(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .tooLarge,
            "YAML aliases expand the view manifest by more than \(ViewManifest.maxAliasExpansion) values (an alias bomb?)",
            at: location,
            notes: [
                "write the repeated values out instead of nesting aliases (*name) of anchors (&name)"
            ])
    }

    static func manifestEncoding(_ problem: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .encoding, "the view manifest is not valid UTF-8 text: \(problem)",
            at: location, notes: ["save the file as UTF-8"])
    }

    static func manifestDuplicateKey(_ keys: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .duplicateKey,
            "a mapping repeats the key " + keys.map { "'\($0)'" }.joined(separator: ", "),
            at: location, notes: ["each key may appear once in a mapping"])
    }

    static func manifestFormat(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .unsupportedFormat, "unsupported view manifest format '\(value)'",
            at: location, notes: ["this baligraph reads '\(ViewManifest.formatVersion)'"])
    }

    static func viewMissingKey(_ key: String, in context: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(.error, .missingKey, "\(context) has no '\(key)'", at: location)
    }

    static func viewUnknownKey(
        _ key: String, in context: String, allowed: [String], at location: SourceLocation
    ) -> Diagnostic {
        let nearest = TextMatching.suggestions(for: key, among: allowed, limit: 1)
        return Diagnostic(
            .error, .unknownKey, "unknown key '\(key)' in \(context)", at: location,
            notes: suggesting(nearest) + ["allowed keys: " + allowed.joined(separator: ", ")])
    }

    static func viewWrongType(_ what: String, expected: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(.error, .wrongType, "\(what) must be \(expected)", at: location)
    }

    static func viewInvalidValue(
        _ value: String, for what: String, allowed: [String], at location: SourceLocation
    ) -> Diagnostic {
        let nearest = TextMatching.suggestions(for: value, among: allowed, limit: 1)
        return Diagnostic(
            .error, .invalidValue, "invalid \(what) '\(value)'", at: location,
            notes: suggesting(nearest) + ["expected one of: " + allowed.joined(separator: ", ")])
    }

    static func viewInvalidNumber(_ value: String, for what: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .invalidValue, "invalid \(what) '\(value)': expected a whole number",
            at: location)
    }

    static func viewInvalidDate(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .invalidDate, "invalid date '\(text)'", at: location,
            notes: ["dates are YYYY, YYYY-MM or YYYY-MM-DD and must exist in the calendar"])
    }

    static func duplicateView(_ name: String, first: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .duplicateID, "duplicate view name '\(name)'", at: location,
            notes: ["first declared at \(first.file):\(first.line):\(first.column)"])
    }

    static func unknownBase(_ name: String, views: [String], at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .unknownNode, "base view '\(name)' is not declared in this manifest",
            at: location,
            notes: suggesting(TextMatching.suggestions(for: name, among: views, limit: 1)))
    }

    static func baseCycle(_ names: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .cycle, "views are each other's base: " + names.joined(separator: " → "),
            at: location, notes: ["a view's base must not lead back to the view"])
    }

    // MARK: A view's own values

    static func viewName(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .invalidID, "invalid view name '\(name)'", at: location,
            notes: [
                "view names are slugs (a–z, 0–9 and single inner '-'); the diagram is written to Graphs/NAME.svg"
            ])
    }

    static func severalCores(_ cores: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .invalidValue,
            "a view selects by one of ego, path or connectors, not "
                + cores.joined(separator: " and "), at: location,
            notes: ["split it into several views"])
    }

    static func outOfRange(
        _ what: String, value: Int, range: ClosedRange<Int>, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .invalidValue,
            "\(what) \(value) is out of range: expected \(range.lowerBound)…\(range.upperBound)",
            at: location)
    }

    static func unknownTheme(_ name: String, at location: SourceLocation) -> Diagnostic {
        viewInvalidValue(name, for: "theme", allowed: Theme.all.map(\.name), at: location)
    }

    static func clustersNeedEngine(_ engine: LayoutEngine, at location: SourceLocation)
        -> Diagnostic
    {
        let able = LayoutEngine.allCases.filter(\.keepsClustersApart).map(\.rawValue)
        return Diagnostic(
            .error, .invalidValue,
            "cluster_by needs an engine that keeps clusters apart; '\(engine.rawValue)' does not",
            at: location,
            notes: [
                "use " + able.joined(separator: ", ")
                    + ", or drop cluster_by to draw every membership as an edge"
            ])
    }

    // MARK: Selection against a model

    static func viewUnknownKind(_ kind: String, kinds: [String], at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .unknownKind, "the model has no kind '\(kind)'", at: location,
            notes: suggesting(TextMatching.suggestions(for: kind, among: kinds)))
    }

    static func viewUnknownRelation(
        _ relation: String, relations: [String], at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .unknownRelation, "the model has no relation '\(relation)'", at: location,
            notes: suggesting(TextMatching.suggestions(for: relation, among: relations)))
    }

    static func viewUnknownNode(_ name: String, suggestions: [String], at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .unknownNode, "no node is named '\(name)'", at: location,
            notes: suggestions.isEmpty
                ? ["run 'baligraph list' to see every node"] : suggesting(suggestions))
    }

    static func viewAmbiguousNode(_ name: String, ids: [String], at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .unknownNode, "'\(name)' names several nodes", at: location,
            notes: ["write one of their ids: " + ids.joined(separator: ", ")])
    }

    static func nodeNotValid(_ id: String, asOf date: PartialDate?, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .unknownNode,
            "node '\(id)' is not in the model"
                + (date.map { " as of \($0)" } ?? ""),
            at: location, notes: ["pick another date, or another node"])
    }

    static func nodeOutsideView(_ id: String, kind: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .kindNotAllowed,
            "node '\(id)' is a \(kind), which is not among the view's kinds", at: location,
            notes: ["add '\(kind)' to the view's kinds"])
    }

    static func noPath(from: String, to: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .invalidValue, "no path joins '\(from)' and '\(to)' in this view",
            at: location,
            notes: ["widen the view's kinds or relations, or pick another date"])
    }

    static func analyticsUnavailable(_ what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .invalidValue, "this view needs \(what), which no graph engine supplied",
            at: location, notes: ["render it through baligraph, which injects the graph engine"])
    }

    static func noConnectors(_ measure: ConnectorMeasure, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .invalidValue, "no node has a \(measure.rawValue) above zero in this view",
            at: location, notes: ["widen the view's kinds or relations"])
    }

    static func emptyView(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .invalidValue, "view '\(name)' selects no node", at: location,
            notes: ["check its kinds, relations and date"])
    }

    static func viewTooLarge(
        _ name: String, nodes: Int, edges: Int, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .tooMany,
            "view '\(name)' selects \(nodes) nodes and \(edges) edges; diagrams are limited to \(ViewSelector.maxNodes) nodes and \(ViewSelector.maxEdges) edges",
            at: location,
            notes: [
                "narrow it with kinds, relations, ego or connectors (on the command line: --kind, "
                    + "--relation, --ego NODE --depth N or --connectors N)",
                "to draw everything, export it (baligraph export --to dot) and lay it out with "
                    + "Graphviz's sfdp, made for large graphs",
            ])
    }
}
