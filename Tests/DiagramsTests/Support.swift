import Diagrams
import Foundation
import StakeholderModel
import TestSupport
import Testing

/// Paths and loaders shared by the diagram tests.
enum Support {
    /// This test target's folder.
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The shared model fixtures.
    static let models = here.deletingLastPathComponent().appendingPathComponent("Fixtures/models")
    /// The golden DOT files.
    static let golden = here.appendingPathComponent("Fixtures/golden")

    /// Loads a model from text, failing the test on any diagnostic.
    static func model(text: String, file: String = "test.yaml") throws -> Model {
        let result = NativeLoader.load(text: text, file: file)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
        return try #require(result.model)
    }

    /// The core fixture: the co-chairs and the Steering Group.
    static func core() throws -> Model {
        let text = try String(
            contentsOf: models.appendingPathComponent("core.yaml"), encoding: .utf8)
        return try model(text: text, file: "Tests/Fixtures/models/core.yaml")
    }

    /// Selects and writes a view, failing the test on any error.
    static func diagram(
        _ view: ViewSpec, _ model: Model, analytics: ViewAnalytics = .standalone,
        options: DiagramOptions = DiagramOptions()
    ) throws -> Diagram {
        let result = DiagramBuilder.build(
            view, model: model, analytics: analytics, options: options)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
        return try #require(result.diagram)
    }
}

/// Golden files named relative to this target's fixtures (see TestSupport's `Golden`).
extension Golden {
    static func check(
        _ actual: String, against name: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        try check(
            actual, against: Support.golden.appendingPathComponent(name),
            sourceLocation: sourceLocation)
    }
}

/// Small readers of DOT text, written independently of the writer.
enum DOTReading {
    /// The node statements at any depth: node name → the statement's line.
    static func nodeStatements(_ dot: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in dot.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("\""), !t.contains("\" -> \""), let name = firstQuoted(t) else {
                continue
            }
            if t.dropFirst(name.quotedCount).hasPrefix(" [") { out[name.value] = t }
        }
        return out
    }

    /// The edge statements: one line each, in order.
    static func edgeStatements(_ dot: String) -> [String] {
        dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("\"") && $0.contains("\" -> \"") }
    }

    /// The first quoted string of a line, unescaped, and how many characters it took.
    static func firstQuoted(_ line: String) -> (value: String, quotedCount: Int)? {
        let chars = Array(line)
        guard chars.first == "\"" else { return nil }
        var value = ""
        var i = 1
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count {
                value.append(chars[i + 1] == "n" ? "\n" : chars[i + 1])
                i += 2
                continue
            }
            if chars[i] == "\"" { return (value, i + 1) }
            value.append(chars[i])
            i += 1
        }
        return nil
    }

    /// The value of `key="…"` in a statement, unescaped.
    static func attribute(_ key: String, in statement: String) -> String? {
        for separator in [" [", ", "] {
            guard let range = statement.range(of: separator + key + "=\"") else { continue }
            let rest = "\"" + statement[range.upperBound...]
            return firstQuoted(rest)?.value
        }
        return nil
    }

    /// The node names declared inside each cluster block (nested clusters included).
    static func clusters(_ dot: String) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        var open: [String] = []
        for line in dot.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("subgraph \"cluster_"), let name = firstQuoted(String(t.dropFirst(9))) {
                open.append(name.value)
                out[name.value] = []
            } else if t == "{" {
                open.append("")
            } else if t == "}" {
                _ = open.popLast()
            } else if t.hasPrefix("\""), !t.contains(" -> "), let name = firstQuoted(t) {
                for cluster in open where !cluster.isEmpty { out[cluster]?.insert(name.value) }
            }
        }
        return out
    }

    /// Every `ID="…"` in the HTML-like labels.
    static func htmlIDs(_ dot: String, prefix: String) -> Set<String> {
        var out = Set<String>()
        var rest = dot[...]
        while let range = rest.range(of: "ID=\"" + prefix) {
            let tail = rest[range.upperBound...]
            let end = tail.firstIndex(of: "\"") ?? tail.endIndex
            out.insert(String(tail[..<end]))
            rest = tail[end...]
        }
        return out
    }

    /// Checks that the text is lexically sound DOT: every quoted string closes on its line,
    /// HTML-like labels balance their angle brackets, and no raw control character appears.
    /// Returns the HTML-like labels found.
    static func lex(_ dot: String) -> (ok: Bool, htmlLabels: [String]) {
        let chars = Array(dot)
        var labels: [String] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                i += 1
                while i < chars.count && chars[i] != "\"" {
                    if chars[i] == "\n" { return (false, labels) }
                    i += chars[i] == "\\" ? 2 : 1
                }
                if i >= chars.count { return (false, labels) }
                i += 1
            } else if c == "<" {
                var depth = 0
                var label = ""
                repeat {
                    if chars[i] == "<" { depth += 1 }
                    if chars[i] == ">" { depth -= 1 }
                    if chars[i] == "\n" { return (false, labels) }
                    label.append(chars[i])
                    i += 1
                } while i < chars.count && depth > 0
                if depth != 0 { return (false, labels) }
                labels.append(String(label.dropFirst().dropLast()))
            } else {
                if c.unicodeScalars.contains(where: {
                    $0.properties.generalCategory == .control && $0 != "\n"
                }) {
                    return (false, labels)
                }
                i += 1
            }
        }
        return (true, labels)
    }
}

/// Runs Graphviz's `dot` program, when the machine has it (tests only: the product renders
/// in-process through GraphvizRender).
enum GraphvizCLI {
    static let path = "/usr/bin/dot"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// The program's output and exit status for DOT on standard input.
    static func run(_ dot: String, engine: String = "dot", format: String = "svg") throws
        -> (output: String, errors: String, status: Int32)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-K" + engine, "-T" + format]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self),
            process.terminationStatus
        )
    }
}
