import StakeholderModel

extension ModelExporter {
    /// The model as plain, structural Graphviz DOT: the graph as data, not the styled
    /// diagram (`render` draws those).
    ///
    /// `digraph "TITLE" { graph [label=…, as_of=…]; "id" [label="Name", kind="state"];
    /// "a" -> "b" [relation="member-of", label="is a member of"]; }`. Every id and value is
    /// a double-quoted DOT string with `\` and `"` escaped, line breaks as `\n`, and control
    /// and invisible formatting characters (bidirectional overrides) dropped. Nodes carry
    /// `valid` (their validity as text) when dated, edges too. Only the structure is carried:
    /// sources, notes, aliases and free attributes are not.
    public static func dot(_ model: Model) -> String {
        var out = "digraph \(dotString(model.title)) {\n"
        var graphAttributes = ["label=\(dotString(model.title))"]
        if let asOf = model.asOf { graphAttributes.append("as_of=\(dotString(asOf.description))") }
        out += "  graph [\(graphAttributes.joined(separator: ", "))];\n"
        for node in model.nodes {
            var attributes = [
                "label=\(dotString(node.name))", "kind=\(dotString(node.kind))",
            ]
            if !node.validity.text.isEmpty {
                attributes.append("valid=\(dotString(node.validity.text))")
            }
            out += "  \(dotString(node.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for edge in model.edges {
            var attributes = ["relation=\(dotString(edge.relation))"]
            if let label = model.schema.relation(edge.relation)?.label {
                attributes.append("label=\(dotString(label))")
            }
            if !edge.validity.text.isEmpty {
                attributes.append("valid=\(dotString(edge.validity.text))")
            }
            out +=
                "  \(dotString(edge.from)) -> \(dotString(edge.to))"
                + " [\(attributes.joined(separator: ", "))];\n"
        }
        return out + "}\n"
    }

    /// A double-quoted DOT string.
    static func dotString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default:
                if scalar.properties.generalCategory == .control
                    || ExportSupport.isInvisibleFormat(scalar)
                {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The model as a Mermaid flowchart (`flowchart LR`) that documentation sites render
    /// natively.
    ///
    /// Node ids are `n_` and the model id with every character other than a letter or digit
    /// as `_` (so `end`, `o…` and `x…` cannot clash with Mermaid syntax; a clash between two
    /// ids gets `_2`, `_3`, …). Labels are quoted, with Mermaid entity codes for the
    /// characters its parser treats specially (`"` → `#quot;`, `#` → `#35;`, `<` → `#60;`,
    /// `>` → `#62;`, `&` → `#38;`, `|` → `#124;`, `` ` `` → `#96;`); line breaks become
    /// spaces and control and invisible formatting characters are dropped. Edges are
    /// labelled with the relation's label. Each kind with a colour gets a `classDef`. A
    /// picture, not data: ids, kinds, dates, sources and attributes are not carried.
    public static func mermaid(_ model: Model) -> String {
        var out = "%% \(ExportSupport.commentText(model.title))"
        if let asOf = model.asOf { out += " (data as of \(asOf))" }
        out += "\nflowchart LR\n"
        var ids: [String: String] = [:]
        var used = Set<String>()
        for node in model.nodes {
            var base = "n_"
            for scalar in node.id.unicodeScalars {
                let ok =
                    scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                base.unicodeScalars.append(ok ? scalar : "_")
            }
            var candidate = base
            var n = 2
            while used.contains(candidate) {
                candidate = "\(base)_\(n)"
                n += 1
            }
            used.insert(candidate)
            ids[node.id] = candidate
            out += "  \(candidate)[\"\(mermaidText(node.name))\"]\n"
        }
        for edge in model.edges {
            guard let a = ids[edge.from], let b = ids[edge.to] else { continue }
            let label = model.schema.relation(edge.relation)?.label ?? edge.relation
            out += "  \(a) -->|\"\(mermaidText(label))\"| \(b)\n"
        }
        for kind in model.schema.kinds {
            let members = model.nodes.filter { $0.kind == kind.id }.compactMap { ids[$0.id] }
            guard let color = kind.color, !members.isEmpty else { continue }
            let className =
                "k_"
                + String(
                    kind.id.unicodeScalars.map {
                        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
                            ? Character($0) : "_"
                    })
            out += "  classDef \(className) fill:\(color)\n"
            out += "  class \(members.joined(separator: ",")) \(className)\n"
        }
        return out
    }

    /// Label text for Mermaid, with entity codes for its special characters.
    static func mermaidText(_ s: String) -> String {
        var out = ""
        for scalar in ExportSupport.displayText(s).unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "<": out += "#60;"
            case ">": out += "#62;"
            case "&": out += "#38;"
            case "|": out += "#124;"
            case "`": out += "#96;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
