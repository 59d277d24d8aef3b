import Diagrams
// libFuzzer target: every model reader on arbitrary bytes.
//
// The same bytes go to the native YAML/JSON loader (as `--data FILE.yaml` reads them), the
// view-manifest parser, the GraphML importer, the CSV importer and the lean CSV edge-list
// reader. Besides "no crash, no hang", it checks what every loader promises: a model only
// when there is no error, every diagnostic in the file it was given, sorted for output.
import Foundation
import StakeholderModel

/// A scratch file per process for the readers that take a path (GraphML, CSV).
nonisolated(unsafe) private var scratchDirectory: String = {
    let base =
        FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = (base as NSString).appendingPathComponent("baligraph-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

private func write(_ bytes: [UInt8], named name: String) -> String {
    let path = (scratchDirectory as NSString).appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}

/// Traps (so that libFuzzer saves the input) when a loader breaks its contract.
private func check(_ result: LoadResult, file: String, _ what: String) {
    let hasErrors = result.diagnostics.contains { $0.severity == .error }
    if result.model != nil && hasErrors {
        fatalError("\(what): a model was returned together with errors")
    }
    if result.model == nil && !hasErrors {
        fatalError("\(what): no model and no error: \(result.diagnostics.map(\.formatted))")
    }
    for d in result.diagnostics where !d.location.file.hasPrefix(file) {
        fatalError("\(what): a diagnostic names another file: \(d.formatted)")
    }
    for d in result.diagnostics where d.location.line < 0 || d.location.column < 0 {
        fatalError("\(what): a diagnostic has a negative position: \(d.formatted)")
    }
}

/// One input. Exported under libFuzzer's name too, because the linker pulls in libFuzzer's
/// own `main` (unused: see main.swift), which refers to it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []

    // Native YAML/JSON and view manifests: decoded as the file readers decode.
    if case .success(let text) = TextInput.decode(bytes, file: "fuzz.yaml") {
        check(NativeLoader.load(text: text, file: "fuzz.yaml"), file: "fuzz.yaml", "yaml")
        let manifest = ViewManifest.parse(text: text, file: "views.yaml")
        if manifest.manifest != nil
            && manifest.diagnostics.contains(where: { $0.severity == .error })
        {
            fatalError("manifest: returned together with errors")
        }
    }

    // GraphML and CSV, through the importer as `--data FILE` does.
    let graphml = write(bytes, named: "fuzz.graphml")
    check(
        ModelImporter.load(path: graphml, format: .graphml, nodesPath: nil), file: graphml,
        "graphml")
    let csv = write(bytes, named: "fuzz.csv")
    check(ModelImporter.load(path: csv, format: .csv, nodesPath: nil), file: csv, "csv")
    _ = ModelImporter.loadEdgeList(path: csv)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runLibFuzzer(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM gives every executable its own `main`, so libFuzzer's is never called: start
/// libFuzzer's driver from ours, with the same command line.
@main
enum FuzzModelLoaderMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runLibFuzzer(&argc, &argv, fuzzModelLoader))
    }
}
