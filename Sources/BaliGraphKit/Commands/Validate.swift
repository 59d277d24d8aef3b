import Foundation
import StakeholderModel

/// `validate`: check a model and print every located diagnostic.
public enum ValidateCommand {
    /// Runs the check; `strict` makes warnings fail too.
    public static func run(_ invocation: Invocation, strict: Bool) -> CommandResult {
        let file = invocation.dataLabel
        let result: LoadResult
        if let path = invocation.dataPath {
            result = ModelStore.importModel(invocation, path: path)
        } else {
            result = ModelStore.parse(text: BuiltInModel.text, file: file)
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        let failed = errors > 0 || (strict && warnings > 0)
        let code = failed ? ExitStatus.failure : ExitStatus.success
        switch invocation.format {
        case .json:
            let items: [JSONValue] = result.diagnostics.map { d in
                .object([
                    "severity": .string(d.severity.rawValue), "code": .string(d.code.rawValue),
                    "message": .string(d.message), "file": .string(d.location.file),
                    "line": .int(d.location.line), "column": .int(d.location.column),
                    "notes": .array(d.notes.map { .string($0) }),
                ])
            }
            var summary: [String: JSONValue] = [
                "file": .string(file), "errors": .int(errors), "warnings": .int(warnings),
                "valid": .bool(!failed), "strict": .bool(strict), "diagnostics": .array(items),
            ]
            if let model = result.model {
                summary["nodes"] = .int(model.nodes.count)
                summary["edges"] = .int(model.edges.count)
                summary["sources"] = .int(model.sources.count)
            }
            return CommandResult(stdout: JSONValue.object(summary).serialized(), exitCode: code)
        case .csv:
            var out = CSV.row(["file", "line", "column", "severity", "code", "message"])
            for d in result.diagnostics {
                out += CSV.row([
                    d.location.file, String(d.location.line), String(d.location.column),
                    d.severity.rawValue, d.code.rawValue, d.message,
                ])
            }
            return CommandResult(stdout: out, exitCode: code)
        case .text:
            let style = invocation.style
            var err = ""
            for d in result.diagnostics {
                var line = d.formatted
                if style.enabled {
                    let label =
                        d.severity == .error ? style.red("error:") : style.yellow("warning:")
                    line = line.replacingFirst("\(d.severity.rawValue):", with: label)
                }
                err += line + "\n"
            }
            var summary = "\(file): " + plural(errors, "error") + ", " + plural(warnings, "warning")
            if let model = result.model {
                summary +=
                    " (" + plural(model.nodes.count, "node") + ", "
                    + plural(model.edges.count, "edge") + ", "
                    + plural(model.sources.count, "source") + ")"
            }
            if failed {
                summary += strict && errors == 0 ? "; warnings fail under --strict" : ""
                return CommandResult(stderr: err + summary + "\n", exitCode: code)
            }
            return CommandResult(stdout: summary + "\n", stderr: err, exitCode: code)
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

/// "1 edge", "2 edges".
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
