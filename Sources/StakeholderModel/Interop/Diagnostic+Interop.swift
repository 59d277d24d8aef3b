/// The wording of every diagnostic the GraphML and CSV importers produce, in one place.
///
/// The codes reuse ``DiagnosticCode``: file-level problems (unreadable file, malformed XML,
/// malformed CSV rows) are `syntax`, byte-level ones `encoding`, missing columns and
/// attributes `missing-key`, bad cell values `invalid-value`.
extension Diagnostic {
    static func unreadable(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "cannot read '\(path)': \(reason)",
            at: SourceLocation(file: path, line: 0, column: 0),
            notes: ["check the path given to --data or --nodes"])
    }

    static func unknownInputFormat(_ path: String) -> Diagnostic {
        Diagnostic(
            .error, .unsupportedFormat,
            "cannot tell the format of '\(path)' from its extension",
            at: SourceLocation(file: path, line: 0, column: 0),
            notes: [
                "name it .yaml, .yml, .json, .graphml or .csv, or give --input-format "
                    + InputFormat.allCases.map(\.rawValue).joined(separator: "|")
            ])
    }

    static func emptyFolder(_ path: String) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "the folder '\(path)' has neither nodes.csv nor edges.csv",
            at: SourceLocation(file: path, line: 0, column: 0),
            notes: [
                "a CSV model folder holds edges.csv (source,target,relation,…) and optionally "
                    + "nodes.csv (id,kind,name,…) and model.csv"
            ])
    }

    static func wrongEncoding(_ problem: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .encoding, "the file is not UTF-8: \(problem)", at: location,
            notes: ["save the file as UTF-8"])
    }

    static func invalidUTF8(byte: UInt8?, offset: Int, at location: SourceLocation) -> Diagnostic {
        let detail =
            byte.map { "byte \(offset) is 0x\(String($0, radix: 16, uppercase: true))" }
            ?? "the file ends inside a multi-byte character"
        return Diagnostic(
            .error, .encoding, "the file is not valid UTF-8 (\(detail))", at: location,
            notes: ["save the file as UTF-8; Latin-1 and UTF-16 are not read"])
    }

    static func limitedErrors(shown: Int, more: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "\(more) more error\(more == 1 ? "" : "s") not shown", at: location,
            notes: ["the first \(shown) are listed; fix them and load again"])
    }

    // MARK: XML and GraphML

    static func xmlSyntax(_ problem: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "the file is not well-formed XML: \(problem)", at: location,
            notes: ["fix the XML at this position; nothing was loaded"])
    }

    static func xmlDoctype(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "the file has a DOCTYPE declaration, which GraphML import refuses",
            at: location,
            notes: [
                "DTDs and entity declarations can expand into gigabytes ('billion laughs') or "
                    + "read other files; GraphML needs neither: remove the <!DOCTYPE …> block"
            ])
    }

    static func xmlEmptyInstruction(_ target: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .syntax,
            "the file has an empty processing instruction '<?\(target)?>', which GraphML import refuses",
            at: location, notes: ["remove it: GraphML needs no processing instructions"])
    }

    static func xmlDeclaredEncoding(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .encoding, "the file declares encoding '\(name)'; only UTF-8 is read",
            at: location,
            notes: ["convert the file to UTF-8 and declare encoding=\"UTF-8\""])
    }

    static func notGraphML(root: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "the root element is <\(root)>, not <graphml>", at: location,
            notes: ["is this a GraphML file? GEXF and other XML formats are not imported"])
    }

    static func missingAttribute(
        _ attribute: String, of element: String, at location: SourceLocation
    )
        -> Diagnostic
    {
        Diagnostic(
            .error, .missingKey, "<\(element)> has no '\(attribute)' attribute", at: location)
    }

    static func undeclaredKey(_ key: String, suggestions: [String], at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .unknownKey, "<data> refers to undeclared key '\(key)'", at: location,
            notes: didYouMean(suggestions) + ["declare it with <key id=\"\(key)\" …/>"])
    }

    static func typedValue(
        _ value: String, name: String, type: String, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .invalidValue,
            "invalid value '\(value)' for '\(name)': its <key> declares attr.type=\"\(type)\"",
            at: location)
    }

    static func ignoredElement(_ what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .unknownKey, "\(what) is not supported and was skipped", at: location)
    }

    static func embeddedJSON(_ what: String, problem: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .invalidValue, "the \(what) data is not valid: \(problem)", at: location,
            notes: ["it is JSON written by 'baligraph export --to graphml'; was it edited?"])
    }

    // MARK: CSV

    static func csvFieldCount(row: Int, count: Int, expected: Int, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .syntax,
            "row \(row) has \(count) field\(count == 1 ? "" : "s"); the header has \(expected)",
            at: location,
            notes: [
                "quote fields that contain commas, quotes or line breaks (\"a, b\"); "
                    + "a quote inside a quoted field is doubled (\"\")"
            ])
    }

    static func csvUnclosedQuote(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "a quoted field starts here and is never closed", at: location,
            notes: ["close it with '\"'; a quote inside a quoted field is written twice (\"\")"])
    }

    static func csvAfterQuote(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "unexpected text after the closing quote of a field", at: location,
            notes: [
                "a quoted field ends at its closing quote; write a quote inside it as \"\""
            ])
    }

    static func csvEmpty(_ file: String) -> Diagnostic {
        Diagnostic(
            .error, .syntax, "the CSV file is empty",
            at: SourceLocation(file: file, line: 1, column: 1),
            notes: ["an edge table starts with a header row such as 'source,target,relation'"])
    }

    static func csvMissingColumn(
        _ name: String, table: String, accepted: [String], at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .missingKey, "the \(table) has no '\(name)' column", at: location,
            notes: [
                "accepted header names (any case): " + accepted.joined(separator: ", ")
            ])
    }

    static func csvDuplicateColumn(
        _ name: String, first: SourceLocation, at location: SourceLocation
    )
        -> Diagnostic
    {
        Diagnostic(
            .error, .duplicateKey, "the header names '\(name)' twice", at: location,
            notes: ["first at column \(first.column); rename or remove one"])
    }

    static func csvEmptyField(_ name: String, row: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .missingKey, "row \(row) has an empty '\(name)'", at: location)
    }

    static func csvNotANumber(_ value: String, column: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .invalidValue, "'\(column)' must be a number, not '\(value)'", at: location)
    }

    static func csvUnknownField(_ what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .unknownKey, "\(what) is ignored", at: location)
    }
}
