import Foundation

/// `baligraph-bench`: the benchmark suite of baligraph. See Benchmarks/README.md.
///
///     baligraph-bench [--quick] [--python PYTHON|none] [--out DIR] [--repo DIR]
///                     [--baligraph PATH] [--baseline PATH] [--sizes 1e3,1e4,...]
///                     [--sample K] [--runs N]
///     baligraph-bench generate [--out DIR] [--sizes ...]
///     baligraph-bench graph-child --file CSV --source NAME [--sample K --seed S
///                     --sources-out FILE] [--min-runs N] [--skip-betweenness] [--serial]
enum Main {
    static func run() -> Int32 {
        var args = Array(CommandLine.arguments.dropFirst())
        let mode = args.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "run"
        if mode != "run" || args.first == "run" { args.removeFirst() }
        var flags: [String: String] = [:]
        var switches: Set<String> = []
        var i = 0
        while i < args.count {
            let a = args[i]
            guard a.hasPrefix("--") else {
                return usage("unexpected argument '\(a)'")
            }
            let key = String(a.dropFirst(2))
            if ["quick", "skip-betweenness", "serial", "help"].contains(key) {
                switches.insert(key)
                i += 1
            } else if i + 1 < args.count {
                flags[key] = args[i + 1]
                i += 2
            } else {
                return usage("\(a) needs a value")
            }
        }
        if switches.contains("help") { return usage(nil) }
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            path.hasPrefix("/")
                ? path
                : URL(fileURLWithPath: cwd).appendingPathComponent(path)
                    .standardizedFileURL.path
        }
        let selfPath = executablePath()
        let binDir = (selfPath as NSString).deletingLastPathComponent
        var sizes = [1_000, 10_000, 100_000, 1_000_000]
        if let text = flags["sizes"] {
            sizes = text.split(separator: ",").compactMap { parseCount(String($0)) }
        }
        let seed = flags["seed"].flatMap { UInt64($0) } ?? 20_240_611

        switch mode {
        case "graph-child":
            guard let file = flags["file"], let source = flags["source"] else {
                return usage("graph-child needs --file and --source")
            }
            let child = GraphChild(
                file: file, source: source, sample: flags["sample"].flatMap { Int($0) } ?? 0,
                seed: seed, sourcesOut: flags["sources-out"],
                minRuns: flags["min-runs"].flatMap { Int($0) } ?? 3,
                skipBetweenness: switches.contains("skip-betweenness"),
                serial: switches.contains("serial"))
            let result = child.run()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            guard let data = try? encoder.encode(result) else { return 1 }
            FileHandle.standardOutput.write(data)
            return result.error == nil ? 0 : 1
        case "generate":
            let out = absolute(flags["out"] ?? "out")
            for edges in sizes {
                do {
                    let (info, ms) = try ensureDataset(
                        edges: edges, seed: seed, directory: "\(out)/data", label: sizeLabel(edges))
                    print(
                        "\(info.path): \(info.edges) edges, \(info.nodes) nodes, \(info.bytes) bytes"
                            + (ms.map { String(format: ", generated in %.0f ms", $0) } ?? ", reused")
                    )
                } catch {
                    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                    return 1
                }
            }
            return 0
        case "run":
            let python = flags["python"] ?? "python3"
            var options = SuiteOptions(
                baligraph: absolute(flags["baligraph"] ?? "\(binDir)/baligraph"),
                baseline: absolute(flags["baseline"] ?? "\(binDir)/foundation-baseline"),
                selfPath: selfPath, repo: absolute(flags["repo"] ?? ".."),
                out: absolute(flags["out"] ?? "out"),
                python: python == "none" ? nil : python)
            options.sizes = sizes
            options.seed = seed
            if let k = flags["sample"].flatMap({ Int($0) }) { options.sample = k }
            if let n = flags["runs"].flatMap({ Int($0) }) { options.latencyRuns = n }
            if switches.contains("quick") {
                if flags["sizes"] == nil { options.sizes = [1_000, 10_000] }
                options.latencyRuns = flags["runs"].flatMap { Int($0) } ?? 7
                options.renderRounds = 3
            }
            return runSuite(options)
        default:
            return usage("unknown mode '\(mode)'")
        }
    }

    static func runSuite(_ options: SuiteOptions) -> Int32 {
        for path in [options.baligraph, options.baseline]
        where !FileManager.default.isExecutableFile(atPath: path) {
            return usage("\(path) is not an executable; build with `make bench`")
        }
        do {
            let report = try Suite(options: options).run()
            let text = markdown(report)
            FileHandle.standardOutput.write(Data(text.utf8))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(report)
            let stamp = report.machine.date.replacingOccurrences(of: ":", with: "")
            let json = "\(options.out)/bench-\(stamp).json"
            try data.write(to: URL(fileURLWithPath: json), options: .atomic)
            try data.write(
                to: URL(fileURLWithPath: "\(options.out)/bench-latest.json"), options: .atomic)
            try Data(text.utf8).write(
                to: URL(fileURLWithPath: "\(options.out)/bench-latest.md"), options: .atomic)
            try? FileManager.default.removeItem(atPath: "\(options.out)/tmp")
            FileHandle.standardError.write(
                Data("wrote \(json), bench-latest.json and bench-latest.md\n".utf8))
            return 0
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 1
        }
    }

    static func usage(_ problem: String?) -> Int32 {
        var text = """
            usage: baligraph-bench [--quick] [--python PYTHON|none] [--out DIR] [--repo DIR]
                                   [--baligraph PATH] [--baseline PATH] [--sizes 1e3,1e4,...]
                                   [--sample K] [--runs N] [--seed S]
                   baligraph-bench generate [--out DIR] [--sizes ...] [--seed S]
                   baligraph-bench graph-child --file CSV --source NAME [--sample K]
                                   [--seed S] [--sources-out FILE] [--min-runs N]
                                   [--skip-betweenness] [--serial]

            """
        if let problem { text = "error: \(problem)\n" + text }
        FileHandle.standardError.write(Data(text.utf8))
        return problem == nil ? 0 : 64
    }

    /// `1e5`, `100000` or `100_000`.
    static func parseCount(_ text: String) -> Int? {
        let t = text.replacingOccurrences(of: "_", with: "")
        if let n = Int(t) { return n }
        let parts = t.lowercased().split(separator: "e")
        guard parts.count == 2, let m = Int(parts[0]), let e = Int(parts[1]), e < 12 else {
            return nil
        }
        return (0..<e).reduce(m) { value, _ in value * 10 }
    }

    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
    }
}

exit(Main.run())
