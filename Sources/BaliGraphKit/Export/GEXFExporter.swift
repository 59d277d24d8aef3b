import StakeholderModel

extension ModelExporter {
    /// The model as GEXF 1.3, dynamic, so that Gephi's timeline shows its history.
    ///
    /// `<graph mode="dynamic" defaultedgetype="directed" timeformat="date">`; a node or edge
    /// with a validity gets `start` (the first day of `since`'s period) and `end` (the last
    /// day of `until`'s period) as `YYYY-MM-DD`; open ends are left out. Nodes carry `label`
    /// (the name); edges carry `label` (the relation's label), `kind` (the relation id,
    /// GEXF's edge type for parallel edges) and `weight` when a numeric `weight` attribute
    /// exists. Declared attributes: for nodes `kind`, `short`, `aliases`, `article`,
    /// `sources`, `confidence`, `note`, `since`, `until`; for edges `relation`, `sources`,
    /// `confidence`, `note`, `since`, `until`; then the free attributes with ids `a0`, `a1`, …
    /// and their key as title. `since`/`until` keep the dates as written; lists are JSON
    /// arrays in text. The schema's display (labels, colours, shapes) and the sources'
    /// titles are not carried: export GraphML for a lossless copy.
    public static func gexf(_ model: Model) -> String {
        let nodeAttrs = model.nodes.map(\.attributes)
        let edgeAttrs = model.edges.map(\.attributes)
        let nodeKeys = ExportSupport.attributeKeys(nodeAttrs)
        let edgeKeys = ExportSupport.attributeKeys(edgeAttrs)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<gexf xmlns=\"http://gexf.net/1.3\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\""
            + " version=\"1.3\">\n"
        out += "  <meta>\n    <creator>baligraph</creator>\n"
        var description = model.title
        if let d = model.description { description += "\n\n" + d }
        if let asOf = model.asOf { description += "\n\nData as of \(asOf)." }
        out += "    <description>\(XMLEscaping.text(description))</description>\n  </meta>\n"
        out +=
            "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n"

        func declare(
            _ cls: String, _ fields: [String], _ keys: [String],
            _ lists: [[(key: String, value: AttributeValue)]]
        ) {
            out += "    <attributes class=\"\(cls)\">\n"
            for f in fields {
                out += "      <attribute id=\"\(f)\" title=\"\(f)\" type=\"string\"/>\n"
            }
            for (i, k) in keys.enumerated() {
                let type = ExportSupport.valueType(of: k, in: lists)
                out +=
                    "      <attribute id=\"a\(i)\" title=\"\(XMLEscaping.attribute(k))\""
                    + " type=\"\(type)\"/>\n"
            }
            out += "    </attributes>\n"
        }
        declare("node", gexfNodeFields, nodeKeys, nodeAttrs)
        declare("edge", gexfEdgeFields, edgeKeys, edgeAttrs)

        func interval(_ v: Validity) -> String {
            var s = ""
            if let since = v.since { s += " start=\"\(day(since.firstDay))\"" }
            if let until = v.until { s += " end=\"\(day(until.lastDay))\"" }
            return s
        }
        func values(_ pairs: [(String, String?)]) -> String {
            let present = pairs.compactMap { p in p.1.map { (p.0, $0) } }
            guard !present.isEmpty else { return "" }
            var s = "        <attvalues>\n"
            for (id, value) in present {
                s +=
                    "          <attvalue for=\"\(id)\" value=\"\(XMLEscaping.attribute(value))\"/>\n"
            }
            return s + "        </attvalues>\n"
        }

        out += "    <nodes>\n"
        for node in model.nodes {
            var pairs: [(String, String?)] = [
                ("kind", node.kind), ("short", node.short.map(InteropCoding.encodeScalar)),
                ("aliases", node.aliases.isEmpty ? nil : InteropCoding.encodeList(node.aliases)),
                ("article", node.article.map(InteropCoding.encodeScalar)),
                ("sources", node.sources.isEmpty ? nil : InteropCoding.encodeList(node.sources)),
                ("confidence", node.confidence.rawValue),
                ("note", node.note.map(InteropCoding.encodeScalar)),
                ("since", node.validity.since?.description),
                ("until", node.validity.until?.description),
            ]
            for (i, k) in nodeKeys.enumerated() {
                pairs.append(("a\(i)", node.attribute(k).map(InteropCoding.encode)))
            }
            out +=
                "      <node id=\"\(XMLEscaping.attribute(node.id))\""
                + " label=\"\(XMLEscaping.attribute(node.name))\"\(interval(node.validity))>\n"
            out += values(pairs)
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (index, edge) in model.edges.enumerated() {
            var pairs: [(String, String?)] = [
                ("relation", edge.relation),
                ("sources", edge.sources.isEmpty ? nil : InteropCoding.encodeList(edge.sources)),
                ("confidence", edge.confidence.rawValue),
                ("note", edge.note.map(InteropCoding.encodeScalar)),
                ("since", edge.validity.since?.description),
                ("until", edge.validity.until?.description),
            ]
            for (i, k) in edgeKeys.enumerated() {
                pairs.append(
                    (
                        "a\(i)",
                        edge.attributes.first { $0.key == k }.map { InteropCoding.encode($0.value) }
                    ))
            }
            var weight = ""
            if case .string(let w)? = edge.attributes.first(where: { $0.key == "weight" })?.value,
                let d = Double(w), d.isFinite
            {
                weight = " weight=\"\(d)\""
            }
            let label = model.schema.relation(edge.relation)?.label ?? edge.relation
            out +=
                "      <edge id=\"\(index)\" source=\"\(XMLEscaping.attribute(edge.from))\""
                + " target=\"\(XMLEscaping.attribute(edge.to))\""
                + " label=\"\(XMLEscaping.attribute(label))\""
                + " kind=\"\(XMLEscaping.attribute(edge.relation))\"\(weight)\(interval(edge.validity))>\n"
            out += values(pairs)
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    static let gexfNodeFields = [
        "kind", "short", "aliases", "article", "sources", "confidence", "note", "since", "until",
    ]
    static let gexfEdgeFields = ["relation", "sources", "confidence", "note", "since", "until"]

    /// A `yyyymmdd` day as `YYYY-MM-DD`.
    static func day(_ yyyymmdd: Int) -> String {
        let y = yyyymmdd / 10000
        let m = yyyymmdd / 100 % 100
        let d = yyyymmdd % 100
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
