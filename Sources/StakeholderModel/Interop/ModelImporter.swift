import Foundation

/// The file formats a model can be loaded from.
public enum InputFormat: String, CaseIterable, Sendable {
    /// The native YAML format (`.yaml`, `.yml`).
    case yaml
    /// The native format as JSON (`.json`).
    case json
    /// GraphML (`.graphml`, `.xml`), as NetworkX, yEd, Gephi, igraph and baligraph write it.
    case graphml
    /// CSV tables (`.csv`, or a folder holding `nodes.csv` and `edges.csv`).
    case csv

    /// The format a path's extension names, or nil.
    public static func guess(path: String) -> InputFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": return .yaml
        case "json": return .json
        case "graphml", "xml": return .graphml
        case "csv": return .csv
        default: return nil
        }
    }
}

/// Loads a model from any supported format, with located diagnostics and never a
/// half-valid model: every importer ends in the same validator as the native loader.
public enum ModelImporter {
    /// Loads `path` as `format` (nil: by the extension; a folder: CSV tables).
    ///
    /// - `yaml`, `json`: the file is read as UTF-8 (a BOM is dropped; an invalid byte is an
    ///   `encoding` error at its line and column) and parsed by ``NativeLoader``.
    /// - `graphml`: see the GraphML importer (NetworkX, yEd, Gephi, igraph, and baligraph's
    ///   own lossless GraphML).
    /// - `csv`: `path` is an edge table (or a node table when its header has `id` but no
    ///   source/target); `nodesPath` adds a node table. A folder `path` reads `edges.csv`,
    ///   `nodes.csv` and `model.csv` from it, each when present.
    ///
    /// Diagnostics name files as given (`path`, `nodesPath`, `DIR/edges.csv`).
    public static func load(path: String, format: InputFormat?, nodesPath: String?)
        -> LoadResult
    {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue && (format == nil || format == .csv) {
            return loadFolder(path, nodesPath: nodesPath)
        }
        guard let format = format ?? InputFormat.guess(path: path) else {
            return LoadResult(model: nil, diagnostics: [.unknownInputFormat(path)])
        }
        switch format {
        case .yaml, .json:
            switch ImportedFile.read(path: path, limit: ModelLimits.maxFileBytes) {
            case .failure(let e): return LoadResult(model: nil, diagnostics: [e.diagnostic])
            case .success(let bytes):
                switch ImportedFile.decodeUTF8(bytes, file: path) {
                case .failure(let e): return LoadResult(model: nil, diagnostics: [e.diagnostic])
                case .success(let text): return NativeLoader.load(text: text, file: path)
                }
            }
        case .graphml:
            switch ImportedFile.read(path: path, limit: ModelLimits.maxFileBytes) {
            case .failure(let e): return LoadResult(model: nil, diagnostics: [e.diagnostic])
            case .success(let bytes): return GraphMLImporter.load(bytes: bytes, file: path)
            }
        case .csv:
            if let nodesPath {
                return CSVImporter.load(
                    edgesPath: path, nodesPath: nodesPath, metaPath: nil, file: path)
            }
            return CSVImporter.loadSingle(path: path)
        }
    }

    /// Loads the CSV tables of a folder.
    static func loadFolder(_ folder: String, nodesPath: String?) -> LoadResult {
        func inFolder(_ name: String) -> String? {
            let p = (folder as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: p) ? p : nil
        }
        let edges = inFolder("edges.csv")
        let nodes = nodesPath ?? inFolder("nodes.csv")
        guard edges != nil || nodes != nil else {
            return LoadResult(model: nil, diagnostics: [.emptyFolder(folder)])
        }
        return CSVImporter.load(
            edgesPath: edges, nodesPath: nodes, metaPath: inFolder("model.csv"), file: folder)
    }
}
