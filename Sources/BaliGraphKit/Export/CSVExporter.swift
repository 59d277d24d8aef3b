import StakeholderModel

extension ModelExporter {
    /// The model as CSV tables that load back into the same model (``ModelImporter`` with
    /// the folder as `--data`).
    ///
    /// - `nodes.csv`: `id,kind,name,short,aliases,article,since,until,confidence,sources,note`
    ///   then one column per free attribute (sorted; `attr:KEY` when the key collides with a
    ///   field).
    /// - `edges.csv`: `source,target,relation,since,until,confidence,sources,note` then the
    ///   attribute columns.
    /// - `model.csv`: `section,id,field,value` rows for the title, `as_of`, description, the
    ///   schema's kinds and relations, and the sources — what two flat tables cannot hold.
    ///   Gephi and Neo4j ignore it.
    ///
    /// `aliases` and `sources` are `a; b` (a JSON array when an item contains `;`);
    /// list attributes are JSON arrays; an empty cell is an absent value (an empty string is
    /// written `""`, see ``InteropCoding``). Cells that a spreadsheet would run as a formula
    /// get a leading `'` (``InteropCoding/guardFormula(_:)``), which the importer removes.
    /// Fields are quoted (RFC 4180) when they contain a comma, quote or line break; rows end
    /// with LF; the files are UTF-8 without a BOM.
    public static func csvTables(_ model: Model) -> (nodes: String, edges: String, model: String) {
        let nodeKeys = ExportSupport.attributeKeys(model.nodes.map(\.attributes))
        let edgeKeys = ExportSupport.attributeKeys(model.edges.map(\.attributes))

        var nodes = csvRow(
            csvNodeColumns
                + nodeKeys.map {
                    InteropCoding.attributeName($0, reserved: InteropCoding.reservedNodeNames)
                })
        for node in model.nodes {
            var row = [
                node.id, node.kind, node.name, node.short.map(InteropCoding.encodeScalar) ?? "",
                InteropCoding.encodeSemicolonList(node.aliases),
                node.article.map(InteropCoding.encodeScalar) ?? "",
                node.validity.since?.description ?? "", node.validity.until?.description ?? "",
                node.confidence.rawValue, InteropCoding.encodeSemicolonList(node.sources),
                node.note.map(InteropCoding.encodeScalar) ?? "",
            ]
            for k in nodeKeys { row.append(node.attribute(k).map(InteropCoding.encode) ?? "") }
            nodes += csvRow(row)
        }

        var edges = csvRow(
            csvEdgeColumns
                + edgeKeys.map {
                    InteropCoding.attributeName($0, reserved: InteropCoding.reservedEdgeNames)
                })
        for edge in model.edges {
            var row = [
                edge.from, edge.to, edge.relation, edge.validity.since?.description ?? "",
                edge.validity.until?.description ?? "", edge.confidence.rawValue,
                InteropCoding.encodeSemicolonList(edge.sources),
                edge.note.map(InteropCoding.encodeScalar) ?? "",
            ]
            for k in edgeKeys {
                row.append(
                    edge.attributes.first { $0.key == k }.map { InteropCoding.encode($0.value) }
                        ?? "")
            }
            edges += csvRow(row)
        }

        var meta = csvRow(["section", "id", "field", "value"])
        func add(_ section: String, _ id: String, _ field: String, _ value: String?) {
            guard let value else { return }
            meta += csvRow([section, id, field, value])
        }
        add("model", "", "format", Model.formatVersion)
        add("model", "", "title", InteropCoding.encodeScalar(model.title))
        add("model", "", "as_of", model.asOf?.description)
        add("model", "", "description", model.description.map(InteropCoding.encodeScalar))
        for kind in model.schema.kinds {
            add("kind", kind.id, "label", InteropCoding.encodeScalar(kind.label))
            add("kind", kind.id, "plural", InteropCoding.encodeScalar(kind.plural))
            add("kind", kind.id, "shape", kind.shape)
            add("kind", kind.id, "color", kind.color)
            add("kind", kind.id, "rank", String(kind.rank))
            add("kind", kind.id, "article", InteropCoding.encodeScalar(kind.article))
            add("kind", kind.id, "description", kind.description.map(InteropCoding.encodeScalar))
        }
        for relation in model.schema.relations {
            add("relation", relation.id, "label", InteropCoding.encodeScalar(relation.label))
            add("relation", relation.id, "inverse", InteropCoding.encodeScalar(relation.inverse))
            if !relation.from.isEmpty {
                add(
                    "relation", relation.id, "from",
                    InteropCoding.encodeSemicolonList(relation.from))
            }
            if !relation.to.isEmpty {
                add("relation", relation.id, "to", InteropCoding.encodeSemicolonList(relation.to))
            }
            add("relation", relation.id, "symmetric", relation.symmetric ? "true" : "false")
            add("relation", relation.id, "acyclic", relation.acyclic ? "true" : "false")
            add(
                "relation", relation.id, "description",
                relation.description.map(InteropCoding.encodeScalar))
        }
        for source in model.sources {
            add("source", source.id, "title", InteropCoding.encodeScalar(source.title))
            add("source", source.id, "url", source.url)
            add("source", source.id, "date", source.date.map(InteropCoding.encodeScalar))
        }
        return (nodes, edges, meta)
    }

    static let csvNodeColumns = [
        "id", "kind", "name", "short", "aliases", "article", "since", "until", "confidence",
        "sources", "note",
    ]
    static let csvEdgeColumns = [
        "source", "target", "relation", "since", "until", "confidence", "sources", "note",
    ]

    /// One CSV record: each field guarded against formula execution, quoted when needed.
    static func csvRow(_ fields: [String]) -> String {
        var out = ""
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            let value = InteropCoding.guardFormula(field)
            if value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
            {
                out += "\""
                for scalar in value.unicodeScalars {
                    if scalar == "\"" { out += "\"" }
                    out.unicodeScalars.append(scalar)
                }
                out += "\""
            } else {
                out += value
            }
        }
        return out + "\n"
    }
}
