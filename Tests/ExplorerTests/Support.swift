import Foundation
import StakeholderModel

@testable import BaliGraphKit

/// Fixtures, the built-in model and where artefacts go.
enum Support {
    /// `Tests/ExplorerTests`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// `Tests/ExplorerTests/Fixtures`.
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    /// `Tests/artifacts` (git-ignored): screenshots and the pages the browser tests load.
    static let artifacts = testsFolder.deletingLastPathComponent().appendingPathComponent(
        "artifacts")

    /// The built-in Bali Process model, whole history.
    static func builtIn() throws -> Model {
        try model(ModelStore.parse(text: BuiltInModel.text, file: BuiltInModel.label))
    }

    /// A model fixture from `Fixtures/`.
    static func fixtureModel(_ name: String) throws -> Model {
        try model(ModelStore.parse(text: fixture(name), file: "Fixtures/" + name))
    }

    static func model(_ result: LoadResult) throws -> Model {
        guard let model = result.model else {
            throw SupportError(
                "the model did not load: "
                    + result.diagnostics.map(\.formatted).joined(separator: "\n"))
        }
        return model
    }

    /// The text of a fixture file.
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// The real rendered views kept as fixtures.
    static func views() throws -> [ExplorerView] {
        [
            ExplorerView(
                name: "working-groups", title: "Working groups and task force",
                svg: try fixture("views/working-groups.svg")),
            ExplorerView(
                name: "membership", title: "Members and observers",
                svg: try fixture("views/membership.svg")),
        ]
    }

    /// Writes an artefact and returns its URL.
    @discardableResult
    static func writeArtifact(_ name: String, _ bytes: [UInt8]) throws -> URL {
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let url = artifacts.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// The text between `open` and the next `close` after it.
    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open),
            let end = text.range(of: close, range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }
}

/// A failure in test setup, with a message that says what went wrong.
struct SupportError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
