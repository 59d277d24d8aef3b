import Foundation
import StakeholderModel

/// Large imported edge lists: read with the lean CSV loader (names interned once, no model,
/// no per-edge strings) instead of building a validated model.
enum LargeGraph {
    /// CSV edge lists at least this large (bytes) take the lean path in `connectors`.
    static let threshold = 8 * 1024 * 1024

    /// The lean edge list of the invocation's data, when it is a large CSV edge list with no
    /// node table and no date asked for; nil when the ordinary model path applies.
    static func edgeList(for invocation: Invocation) -> Result<EdgeListTable, BaliError>? {
        guard let path = invocation.dataPath, invocation.nodesPath == nil, invocation.asOf == nil,
            invocation.inputFormat == nil || invocation.inputFormat == .csv,
            invocation.inputFormat == .csv || InputFormat.guess(path: path) == .csv
        else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            !isDirectory.boolValue,
            let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int,
            size >= threshold
        else { return nil }
        return ModelImporter.loadEdgeList(path: path).mapError { failure in
            BaliError(
                "the edge list could not be read", diagnostics: failure.diagnostics.map(\.formatted)
            )
        }
    }
}
