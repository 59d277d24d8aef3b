import StakeholderModel

extension ModelExporter {
    /// The model as Cypher statements that load into Neo4j 4.4 or later
    /// (`cypher-shell -f FILE`), and can be run again to update the same graph.
    ///
    /// 1. One uniqueness constraint per kind, named after the kind id: `CREATE CONSTRAINT
    ///    state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE;`
    /// 2. One `MERGE` per node, labelled by its kind in PascalCase (`member-state` →
    ///    `MemberState`): `MERGE (n:State {id: 'australia'}) SET n.kind = 'state',
    ///    n.name = 'Australia', …;`
    /// 3. One `MATCH … MERGE` per edge, typed by its relation in UPPER_SNAKE_CASE
    ///    (`member-of` → `MEMBER_OF`), merged on the relation id and a `key` that numbers
    ///    parallel edges of the same relation between the same two nodes:
    ///    `MATCH (a:State {id: 'australia'}), (b:Group {id: 'steering-group'})
    ///    MERGE (a)-[r:MEMBER_OF {relation: 'member-of', key: 0}]->(b) SET …;`
    ///
    /// Properties: the node's and edge's fields (`aliases` and `sources` as lists of
    /// strings, dates as the strings written in the model, e.g. `'2012-09'`), the relation's
    /// `label`, and the free attributes (`attr:KEY` when a key collides with a field).
    /// Every string is a single-quoted Cypher literal with `\\`, `\'`, control characters
    /// and invisible formatting characters (bidirectional overrides) escaped, so the file
    /// reads as what it does. Labels, types and property names that are not plain
    /// identifiers are back-quoted. Not carried: the schema's display (kind labels, colours,
    /// relation inverses) and the sources' titles and URLs; export GraphML for a lossless copy.
    public static func cypher(_ model: Model) -> String {
        var out = "// \(ExportSupport.commentText(model.title)): a baligraph model for Neo4j.\n"
        if let asOf = model.asOf { out += "// Data as of \(asOf).\n" }
        out += "// Load with: cypher-shell -f FILE (running it again updates the same graph).\n"
        var labels: [String: String] = [:]
        for kind in model.schema.kinds {
            let label = CypherSyntax.identifier(CypherSyntax.pascalCase(kind.id))
            labels[kind.id] = label
            out +=
                "CREATE CONSTRAINT \(CypherSyntax.identifier(kind.id + "_id"))"
                + " IF NOT EXISTS FOR (n:\(label)) REQUIRE n.id IS UNIQUE;\n"
        }
        func label(of id: String) -> String {
            labels[id] ?? CypherSyntax.identifier(CypherSyntax.pascalCase(id))
        }
        func set(_ variable: String, _ properties: [(String, String?)]) -> String {
            let parts = properties.compactMap { p in
                p.1.map { "\(variable).\(CypherSyntax.identifier(p.0)) = \($0)" }
            }
            return parts.isEmpty ? "" : " SET " + parts.joined(separator: ", ")
        }
        func attributes(_ list: [(key: String, value: AttributeValue)], reserved: Set<String>)
            -> [(String, String?)]
        {
            list.map { a in
                let value: String
                switch a.value {
                case .string(let s): value = CypherSyntax.string(s)
                case .list(let l): value = CypherSyntax.list(l)
                }
                return (InteropCoding.attributeName(a.key, reserved: reserved), value)
            }
        }
        var kindOf: [String: String] = [:]
        for node in model.nodes {
            kindOf[node.id] = node.kind
            let properties: [(String, String?)] =
                [
                    ("kind", CypherSyntax.string(node.kind)),
                    ("name", CypherSyntax.string(node.name)),
                    ("short", node.short.map(CypherSyntax.string)),
                    ("aliases", node.aliases.isEmpty ? nil : CypherSyntax.list(node.aliases)),
                    ("article", node.article.map(CypherSyntax.string)),
                    ("sources", node.sources.isEmpty ? nil : CypherSyntax.list(node.sources)),
                    ("confidence", CypherSyntax.string(node.confidence.rawValue)),
                    ("note", node.note.map(CypherSyntax.string)),
                    ("since", node.validity.since.map { CypherSyntax.string($0.description) }),
                    ("until", node.validity.until.map { CypherSyntax.string($0.description) }),
                ] + attributes(node.attributes, reserved: InteropCoding.reservedNodeNames)
            out +=
                "MERGE (n:\(label(of: node.kind)) {id: \(CypherSyntax.string(node.id))})"
                + set("n", properties) + ";\n"
        }
        let keys = ExportSupport.parallelKeys(model.edges, byRelation: true)
        for (edge, key) in zip(model.edges, keys) {
            let type = CypherSyntax.identifier(CypherSyntax.upperSnakeCase(edge.relation))
            let properties: [(String, String?)] =
                [
                    ("relation", CypherSyntax.string(edge.relation)),
                    (
                        "label",
                        model.schema.relation(edge.relation).map { CypherSyntax.string($0.label) }
                    ),
                    ("sources", edge.sources.isEmpty ? nil : CypherSyntax.list(edge.sources)),
                    ("confidence", CypherSyntax.string(edge.confidence.rawValue)),
                    ("note", edge.note.map(CypherSyntax.string)),
                    ("since", edge.validity.since.map { CypherSyntax.string($0.description) }),
                    ("until", edge.validity.until.map { CypherSyntax.string($0.description) }),
                ] + attributes(edge.attributes, reserved: InteropCoding.reservedEdgeNames)
            out +=
                "MATCH (a:\(label(of: kindOf[edge.from] ?? "")) {id: \(CypherSyntax.string(edge.from))}),"
                + " (b:\(label(of: kindOf[edge.to] ?? "")) {id: \(CypherSyntax.string(edge.to))})"
                + " MERGE (a)-[r:\(type) {relation: \(CypherSyntax.string(edge.relation)), key: \(key)}]->(b)"
                + set("r", properties) + ";\n"
        }
        return out
    }
}

/// Cypher literals and identifiers.
enum CypherSyntax {
    /// A single-quoted string literal. Backslash and quote are escaped, and so are control
    /// characters, invisible formatting characters (U+202E and friends) and line/paragraph
    /// separators, as `\n`, `\t`, … or `\uXXXX`; everything else is written as is.
    static func string(_ s: String) -> String {
        var out = "'"
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.properties.generalCategory == .control
                    || ExportSupport.isInvisibleFormat(scalar) || scalar == "\u{2028}"
                    || scalar == "\u{2029}"
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    if scalar.value > 0xFFFF {
                        out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                    } else {
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

    /// A list of string literals.
    static func list(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// A name as written in Cypher: plain when it is an ASCII identifier, else back-quoted
    /// (with back-quotes doubled).
    static func identifier(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        let plain =
            !scalars.isEmpty
            && scalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
            } && !("0"..."9").contains(scalars[0])
        if plain { return name }
        var out = "`"
        for scalar in name.unicodeScalars {
            if scalar == "`" { out += "``" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "`"
    }

    /// `member-state` → `MemberState`.
    static func pascalCase(_ id: String) -> String {
        words(id).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `member-of` → `MEMBER_OF`.
    static func upperSnakeCase(_ id: String) -> String {
        words(id).map { $0.uppercased() }.joined(separator: "_")
    }

    static func words(_ id: String) -> [String] {
        var out: [String] = []
        var current = ""
        for scalar in id.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out.isEmpty ? [id] : out
    }
}
