import Foundation
import Yams

/// The outcome of loading a model: a valid model, or none, plus every diagnostic found.
public struct LoadResult: Sendable {
    /// The model, or nil when any error was found (never a half-valid model).
    public var model: Model?
    /// Every error and warning, in output order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(model: Model?, diagnostics: [Diagnostic]) {
        self.model = model
        self.diagnostics = diagnostics
    }
}

/// Limits that keep hostile model files from exhausting the machine.
public enum ModelLimits {
    /// The largest YAML, JSON or GraphML model file read, in bytes (16 MiB).
    ///
    /// These formats are read whole into a tree: a 50 MB YAML model took 29 s and 1.1 GB
    /// in a debug build. CSV edge lists are streamed and have no size limit.
    public static let maxFileBytes = 16 * 1024 * 1024
    /// The deepest nesting of YAML/JSON collections accepted.
    public static let maxNesting = 64
    /// The most nodes one model may declare.
    public static let maxNodes = 2_000_000
    /// The most values YAML aliases (`*name`) may add to a document beyond those written.
    public static let maxAliasExpansion = 100_000
}

/// Loads the native YAML (or JSON) model format, keeping line and column positions and
/// collecting every problem before it stops.
public enum NativeLoader {
    /// Parses and validates a model document. `file` is the name used in diagnostics.
    public static func load(text: String, file: String) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        let start = SourceLocation(file: file, line: 1, column: 1)
        if text.utf8.count > ModelLimits.maxFileBytes {
            diagnostics.append(.tooLarge(bytes: text.utf8.count, at: start))
            return LoadResult(model: nil, diagnostics: diagnostics)
        }
        if let deep = YAMLGuard.excessiveNesting(
            in: text, file: file, limit: ModelLimits.maxNesting)
        {
            return LoadResult(
                model: nil, diagnostics: [.tooDeep(limit: ModelLimits.maxNesting, at: deep)])
        }
        if let bad = text.unicodeScalars.firstIndex(where: { $0 == "\u{0}" }) {
            let prefix = String(text.unicodeScalars[..<bad])
            return LoadResult(
                model: nil,
                diagnostics: [.nulCharacter(at: YAMLGuard.location(after: prefix, file: file))])
        }
        switch YAMLGuard.structureProblem(
            in: text, file: file, depthLimit: ModelLimits.maxNesting,
            expansionLimit: ModelLimits.maxAliasExpansion)
        {
        case .tooDeep(let at):
            return LoadResult(
                model: nil, diagnostics: [.tooDeep(limit: ModelLimits.maxNesting, at: at)])
        case .aliasExpansion(let at):
            return LoadResult(
                model: nil,
                diagnostics: [.aliasExpansion(limit: ModelLimits.maxAliasExpansion, at: at)])
        case nil:
            break
        }
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            return LoadResult(model: nil, diagnostics: [syntaxDiagnostic(error, file: file)])
        } catch {
            return LoadResult(
                model: nil, diagnostics: [.syntax("\(error)", at: start)])
        }
        guard let root else {
            return LoadResult(model: nil, diagnostics: [.emptyDocument(at: start)])
        }
        var reader = DocumentReader(file: file)
        let raw = reader.readDocument(root)
        diagnostics += reader.diagnostics
        guard let raw else {
            return LoadResult(model: nil, diagnostics: diagnostics.sortedForOutput)
        }
        var validator = ModelValidator(document: raw, file: file)
        let model = validator.validate()
        diagnostics += validator.diagnostics
        let sorted = diagnostics.sortedForOutput
        return LoadResult(model: sorted.hasErrors ? nil : model, diagnostics: sorted)
    }

    static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch YAMLGuard.problem(error, file: file) {
        case .syntax(let problem, let location, let notes):
            return .syntax(problem, at: location, notes: notes)
        case .duplicateKey(let keys, let location): return .duplicateKey(keys, at: location)
        case .encoding(let problem, let location): return .encodingProblem(problem, at: location)
        }
    }
}
