/// The wording of every diagnostic, in one place.
extension Diagnostic {
    static func didYouMean(_ suggestions: [String]) -> [String] {
        guard !suggestions.isEmpty else { return [] }
        return ["did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"]
    }

    static func syntax(_ problem: String, at location: SourceLocation, notes: [String] = [])
        -> Diagnostic
    {
        Diagnostic(
            .error, .syntax, "the file is not valid YAML/JSON: \(problem)", at: location,
            notes: notes + ["fix the syntax at this position; nothing was loaded"])
    }

    static func emptyDocument(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "the file is empty", at: location,
            notes: ["a model starts with 'format: \(Model.formatVersion)'; see Data/README.md"])
    }

    static func nulCharacter(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .encoding, "the file contains a NUL character (is it a binary file?)",
            at: location,
            notes: ["models are UTF-8 text"])
    }

    static func encodingProblem(_ problem: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .encoding, "the file is not valid UTF-8 text: \(problem)", at: location,
            notes: ["save the file as UTF-8"])
    }

    static func tooLarge(bytes: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .tooLarge,
            "the file is \(bytes / 1_048_576) MiB; models are limited to \(ModelLimits.maxFileBytes / 1_048_576) MiB",
            at: location,
            notes: ["for large graphs use a CSV edge list (--data edges.csv), which is streamed"])
    }

    static func tooDeep(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .tooDeep, "the document nests deeper than \(limit) levels", at: location,
            notes: [
                "a model needs at most four levels; this looks like a malformed or hostile file"
            ])
    }

    static func aliasExpansion(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .tooLarge,
            "YAML aliases expand the document by more than \(limit) values (an alias bomb?)",
            at: location,
            notes: [
                "write the repeated values out instead of nesting aliases (*name) of anchors (&name)"
            ])
    }

    static func tooMany(_ what: String, count: Int, limit: Int, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .tooMany, "the model declares \(count) \(what); the limit is \(limit)",
            at: location,
            notes: ["split the model, or import it as a CSV edge list"])
    }

    static func duplicateKey(_ keys: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .duplicateKey,
            "a mapping repeats the key " + keys.map { "'\($0)'" }.joined(separator: ", "),
            at: location,
            notes: ["each key may appear once in a mapping; remove or rename the repeat"])
    }

    static func unsupportedFormat(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .unsupportedFormat, "unsupported format version '\(value)'", at: location,
            notes: ["this baligraph reads '\(Model.formatVersion)'"])
    }

    static func missingKey(_ key: String, in context: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(.error, .missingKey, "\(context) has no '\(key)'", at: location)
    }

    static func unknownKey(
        _ key: String, in context: String, suggestions: [String], at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .warning, .unknownKey, "unknown key '\(key)' in \(context) is ignored", at: location,
            notes: didYouMean(suggestions))
    }

    static func wrongType(_ what: String, expected: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(.error, .wrongType, "\(what) must be \(expected)", at: location)
    }

    static func invalidValue(
        _ value: String, for what: String, expected: String, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .invalidValue, "invalid \(what) '\(value)': expected \(expected)", at: location)
    }

    static func invalidID(_ id: String, what: String, at location: SourceLocation) -> Diagnostic {
        let hint =
            what == "source"
            ? "source ids use letters, digits, '-', '_' and '.'"
            : "ids are lowercase slugs: a–z, 0–9, '-', '_' and '.', starting with a letter or digit"
        return Diagnostic(
            .error, .invalidID, "invalid \(what) id '\(id)'", at: location, notes: [hint])
    }

    static func duplicateID(
        _ id: String, what: String, first: SourceLocation, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .duplicateID, "duplicate \(what) id '\(id)'", at: location,
            notes: ["first declared at \(first.file):\(first.line):\(first.column)"])
    }

    static func unknownKind(_ kind: String, suggestions: [String], at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .unknownKind, "unknown kind '\(kind)'", at: location,
            notes: didYouMean(suggestions) + ["declare it under schema.kinds"])
    }

    static func unknownRelation(
        _ relation: String, suggestions: [String], at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .unknownRelation, "unknown relation '\(relation)'", at: location,
            notes: didYouMean(suggestions) + ["declare it under schema.relations"])
    }

    static func unknownNode(
        _ id: String, relation: String, suggestions: [String], at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .unknownNode, "edge '\(relation)' refers to unknown node '\(id)'", at: location,
            notes: didYouMean(suggestions))
    }

    static func kindNotAllowed(
        relation: String, kind: String, node: String, side: String, allowed: [String],
        at location: SourceLocation
    ) -> Diagnostic {
        let role = side == "from" ? "source" : "target"
        return Diagnostic(
            .error, .kindNotAllowed,
            "relation '\(relation)' does not allow a \(kind) ('\(node)') as its \(role)",
            at: location,
            notes: [
                "allowed \(role) kinds: " + allowed.joined(separator: ", ")
                    + "; change the edge or the relation's '\(side)' list in the schema"
            ])
    }

    static func invalidDate(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .invalidDate, "invalid date '\(text)'", at: location,
            notes: ["dates are YYYY, YYYY-MM or YYYY-MM-DD and must exist in the calendar"])
    }

    static func dateOrder(since: PartialDate, until: PartialDate, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .dateOrder, "'since' (\(since)) is after 'until' (\(until))", at: location,
            notes: ["swap the dates, or correct the one that is wrong"])
    }

    static func unknownSource(_ id: String, suggestions: [String], at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .unknownSource, "citation of undeclared source '\(id)'", at: location,
            notes: didYouMean(suggestions) + ["declare it under 'sources'"])
    }

    static func noSource(_ what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, .noSource, "\(what) cites no source", at: location,
            notes: ["add 'sources: [ID]' so readers can check it"])
    }

    static func aliasClash(
        _ alias: String, node: String, other: String, otherLocation: SourceLocation,
        at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .aliasClash, "'\(alias)' of node '\(node)' also names node '\(other)'",
            at: location,
            notes: [
                "'\(other)' is declared at \(otherLocation.file):\(otherLocation.line):\(otherLocation.column)",
                "names, short names, aliases and ISO codes must each point at one node",
            ])
    }

    static func invalidURL(_ url: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .invalidURL, "'\(url)' is not an http(s) URL", at: location,
            notes: ["only absolute http:// and https:// links are allowed"])
    }

    static func selfLoop(_ id: String, relation: String, at location: SourceLocation) -> Diagnostic
    {
        Diagnostic(
            .error, .selfLoop, "node '\(id)' is related to itself by '\(relation)'", at: location,
            notes: ["an edge joins two different nodes"])
    }

    static func cycle(relation: String, nodes: [String], at location: SourceLocation) -> Diagnostic
    {
        Diagnostic(
            .error, .cycle,
            "relation '\(relation)' forms a cycle: " + nodes.joined(separator: " → "), at: location,
            notes: ["'\(relation)' is declared acyclic; remove one of these edges"])
    }
}
