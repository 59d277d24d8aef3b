import Foundation
import StakeholderModel

/// `export --to FORMAT [-o PATH]`: the model (on the `--as-of` date, filtered) in a
/// standard format.
public enum ExportCommand {
    /// Exports the invocation's model.
    ///
    /// Without `output` the export goes to standard output. CSV, which is three tables,
    /// then prints each under a line `# nodes.csv`, `# edges.csv`, `# model.csv` (split on
    /// those lines to get the files). With `output`, the file is written atomically; for CSV
    /// `output` is a folder (created if needed) that receives `nodes.csv`, `edges.csv` and
    /// `model.csv`, each written atomically, and an `output` ending in `.csv` is a usage
    /// error. A one-line summary goes to standard error.
    public static func run(
        _ invocation: Invocation, to format: ExportFormat, output: String?,
        filter: ExportFilter = .all
    ) -> CommandResult {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model: Model
        switch filter.apply(to: loaded.model) {
        case .failure(let e): return e.result
        case .success(let m): model = m
        }
        let files = ModelExporter.export(model, to: format)
        let summary =
            "\(model.nodes.count) node\(model.nodes.count == 1 ? "" : "s"), "
            + "\(model.edges.count) edge\(model.edges.count == 1 ? "" : "s")"
            + (loaded.asOf.map { " as of \($0)" } ?? "")
        guard let output else {
            if files.count == 1 { return CommandResult(stdout: files[0].text) }
            let text = files.map { "# \($0.name)\n\($0.text)" }.joined()
            return CommandResult(stdout: text)
        }
        if format == .csv {
            if output.lowercased().hasSuffix(".csv") {
                return BaliError.usage(
                    "CSV export writes a folder, not the file '\(output)'",
                    notes: ["give -o DIR; it receives nodes.csv, edges.csv and model.csv"]
                ).result
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                return BaliError(
                    "'\(output)' is a file; CSV export writes a folder",
                    notes: ["give -o DIR; it receives nodes.csv, edges.csv and model.csv"]
                ).result
            }
            do {
                for file in files {
                    try AtomicFile.write(
                        file.text, to: (output as NSString).appendingPathComponent(file.name))
                }
            } catch {
                return error.result
            }
            let names = files.map(\.name).joined(separator: ", ")
            return CommandResult(stderr: "wrote \(names) to \(output)/ (\(summary))\n")
        }
        do {
            try AtomicFile.write(files[0].text, to: output)
        } catch {
            return error.result
        }
        return CommandResult(stderr: "wrote \(output) (\(summary))\n")
    }
}
