import Foundation
import Testing

/// Golden files: compared byte for byte; re-recorded only when BALIGRAPH_RECORD=1, and a
/// recording run fails so that nobody accepts a new baseline by accident.
public enum Golden {
    public static var recording: Bool {
        ProcessInfo.processInfo.environment["BALIGRAPH_RECORD"] == "1"
    }

    public static func check(
        _ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(url.lastPathComponent); unset BALIGRAPH_RECORD and run again",
                sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected, "golden \(url.lastPathComponent) differs",
            sourceLocation: sourceLocation)
    }
}
