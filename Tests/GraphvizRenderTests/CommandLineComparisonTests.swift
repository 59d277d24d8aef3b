import Foundation
import Testing

@testable import GraphvizRender

/// The `dot` program, when the graphviz package is installed.
private let dotProgram = "/usr/bin/dot"

/// Runs `dot -K<engine> -T<format>` on `source` in a fresh process.
private func renderWithCommandLine(_ source: String, engine: LayoutEngine, format: String) throws
    -> [UInt8]
{
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("graphviz-render-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("in.gv")
    let output = directory.appendingPathComponent("out")
    try Data(source.utf8).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: dotProgram)
    process.arguments = ["-K\(engine.rawValue)", "-T\(format)", "-o", output.path, input.path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return Array(try Data(contentsOf: output))
}

@Suite(
    "Same bytes as the dot program",
    .enabled(if: FileManager.default.isExecutableFile(atPath: dotProgram)))
struct CommandLineComparisonTests {
    @Test(
        "in-process SVG equals `dot -Tsvg` after normalisation",
        arguments: [LayoutEngine.dot, .neato, .circo, .twopi])
    func svg(engine: LayoutEngine) throws {
        for sample in [Samples.clustered, Samples.gradients, Samples.plain] {
            // Render twice first, so that the compared render is not the process's first.
            _ = try Graphviz.shared.render(dot: sample, engine: engine)
            let inProcess = try Graphviz.shared.render(dot: sample, engine: engine).bytes
            let external = SVGNormalizer.normalize(
                try renderWithCommandLine(sample, engine: engine, format: "svg"))
            #expect(
                firstDifference(inProcess, external) == nil,
                "\(engine) differs from the dot program")
        }
    }

    @Test("in-process PDF equals `dot -Tpdf` after normalisation")
    func pdf() throws {
        let inProcess = try Graphviz.shared.render(dot: Samples.clustered, format: .pdf).bytes
        let external = PDFNormalizer.normalize(
            try renderWithCommandLine(Samples.clustered, engine: .dot, format: "pdf"))
        #expect(firstDifference(inProcess, external) == nil)
    }
}
