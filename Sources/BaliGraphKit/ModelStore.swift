import Foundation
import StakeholderModel

/// The options every command shares: which model, which date, how to print.
public struct Invocation: Sendable {
    /// A model file, or nil for the built-in Bali Process model.
    public var dataPath: String?
    /// Keep only what was valid on this date.
    public var asOf: PartialDate?
    /// Text, JSON or CSV for tabular output.
    public var format: OutputFormat
    /// Colour escapes on or off.
    public var style: TextStyle
    /// The format of `dataPath` when its extension does not tell (`--input-format`).
    public var inputFormat: InputFormat?
    /// A CSV node table to go with a CSV edge list (`--nodes`).
    public var nodesPath: String?

    /// Creates an invocation.
    public init(
        dataPath: String? = nil, asOf: PartialDate? = nil, format: OutputFormat = .text,
        color: Bool = false
    ) {
        self.dataPath = dataPath
        self.asOf = asOf
        self.format = format
        self.style = TextStyle(enabled: color)
    }

    /// The name diagnostics and outputs use for the model.
    public var dataLabel: String { dataPath ?? BuiltInModel.label }
}

/// The Bali Process model compiled into the binary, so no file has to be found at run time.
public enum BuiltInModel {
    /// The path diagnostics use for the built-in model.
    public static let label = "Data/bali-process.yaml"
    /// The model text.
    public static var text: String { EmbeddedModel.yaml }

    /// The model, decoded from the compact form compiled in beside the text (about a
    /// millisecond), or parsed from the text if that form is missing or stale.
    public static func load() -> LoadResult {
        if let model = try? ModelCodec.decode(EmbeddedSnapshot.text), model.file == label {
            return LoadResult(model: model, diagnostics: [])
        }
        return NativeLoader.load(text: text, file: label)
    }
}

/// A loaded model: the whole history and the snapshot on the asked date.
public struct LoadedModel: Sendable {
    /// Everything the file holds.
    public var full: Model
    /// What was valid on `asOf` (the full model when no date was given).
    public var model: Model
    /// The date asked for.
    public var asOf: PartialDate?
    /// Warnings from loading.
    public var warnings: [Diagnostic]
}

/// Loads models from files or the built-in copy.
public enum ModelStore {
    /// Reads a file as UTF-8 text (a BOM is dropped), or fails with a located diagnostic.
    public static func readText(path: String) -> Result<String, BaliError> {
        TextInput.read(path: path).mapError {
            BaliError("cannot read '\(path)'", diagnostics: [$0.formatted])
        }
    }

    /// Decodes UTF-8 bytes, dropping a BOM, or reports where the bad byte is.
    public static func decodeUTF8(_ data: Data, file: String) -> Result<String, BaliError> {
        TextInput.decode([UInt8](data), file: file).mapError {
            BaliError("cannot read '\(file)'", diagnostics: [$0.formatted])
        }
    }

    /// Loads a model file in any supported format (or a folder of CSV tables).
    public static func importModel(_ invocation: Invocation, path: String) -> LoadResult {
        ModelImporter.load(
            path: path, format: invocation.inputFormat, nodesPath: invocation.nodesPath)
    }

    /// Loads and validates a model's text.
    public static func parse(text: String, file: String) -> LoadResult {
        NativeLoader.load(text: text, file: file)
    }

    /// Loads the invocation's model (or the built-in one) and takes its snapshot.
    public static func load(_ invocation: Invocation) -> Result<LoadedModel, BaliError> {
        let result: LoadResult
        if let path = invocation.dataPath {
            result = importModel(invocation, path: path)
        } else {
            result = BuiltInModel.load()
        }
        guard let model = result.model else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            return .failure(
                BaliError(
                    "the model has \(errors.count) error\(errors.count == 1 ? "" : "s") and was not loaded",
                    notes: [
                        "run 'baligraph validate\(invocation.dataPath.map { " --data \($0)" } ?? "")' for the full list"
                    ],
                    diagnostics: result.diagnostics.map(\.formatted)))
        }
        return .success(
            LoadedModel(
                full: model, model: model.snapshot(asOf: invocation.asOf), asOf: invocation.asOf,
                warnings: result.diagnostics.filter { $0.severity == .warning }))
    }

    /// Resolves a user-typed node name in a model, or fails with candidates or suggestions.
    public static func resolve(_ query: String, in model: Model, full: Model? = nil) -> Result<
        Node, BaliError
    > {
        switch NameResolver.resolve(query, in: model) {
        case .found(let id):
            return .success(model.node(id)!)
        case .ambiguous(let ids):
            let list = ids.map { id in
                let n = model.node(id)!
                return "\(n.name) (\(id), \(model.kind(of: n)?.label ?? n.kind))"
            }
            return .failure(
                BaliError(
                    "'\(query)' is ambiguous: it names \(ids.count) nodes",
                    notes: ["use one of the ids: " + list.joined(separator: "; ")]))
        case .notFound(let suggestions):
            // Known in the full history but not on the asked date?
            if let full, case .found(let id) = NameResolver.resolve(query, in: full),
                let node = full.node(id)
            {
                return .failure(
                    BaliError(
                        "'\(node.name)' did not exist on the date asked (\(node.validity.text.isEmpty ? "no dates" : "valid " + node.validity.text))",
                        notes: ["drop --as-of, or pick a date inside its validity"]))
            }
            var notes = ["run 'baligraph list' to see every node"]
            if !suggestions.isEmpty {
                notes.insert(
                    "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?",
                    at: 0)
            }
            return .failure(BaliError("no node named '\(query)'", notes: notes))
        }
    }
}
