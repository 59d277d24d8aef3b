import StakeholderModel

/// Writes a model in the standard formats other tools read.
///
/// Every writer is a pure function of the model: output follows the model's file order,
/// attribute columns and keys are sorted, and nothing depends on the clock, the machine or
/// `Dictionary` order, so identical input gives byte-identical output.
public enum ModelExporter {
    /// The files of an export: one for most formats, `nodes.csv`, `edges.csv` and
    /// `model.csv` for CSV.
    public static func export(_ model: Model, to format: ExportFormat) -> [ExportedFile] {
        func single(_ text: String) -> [ExportedFile] {
            [ExportedFile(name: "graph.\(format.fileExtension)", text: text)]
        }
        switch format {
        case .graphml: return single(graphML(model))
        case .gexf: return single(gexf(model))
        case .csv:
            let tables = csvTables(model)
            return [
                ExportedFile(name: "nodes.csv", text: tables.nodes),
                ExportedFile(name: "edges.csv", text: tables.edges),
                ExportedFile(name: "model.csv", text: tables.model),
            ]
        case .json: return single(nodeLinkJSON(model))
        case .cypher: return single(cypher(model))
        case .dot: return single(dot(model))
        case .mermaid: return single(mermaid(model))
        }
    }
}
