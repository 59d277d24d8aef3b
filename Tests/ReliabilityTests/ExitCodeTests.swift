import BaliGraphKit
import Foundation
import Testing

/// Every command fails the same way: exit 1 when the data or the query failed, 64 for a
/// usage error, never anything else; an `error:` line, and a line that says what to do
/// next (a `note:`, or the usage and `--help` pointer for a usage error). Data cannot act
/// on the terminal: control characters in messages are shown, not sent.
@Suite("Exit codes and messages")
struct ExitCodeTests {
    static let hostile = Reliability.corpus.path

    /// (arguments, expected exit code)
    static let failures: [([String], Int32)] = [
        (["nosuch"], 64),
        (["validate", "--bogus"], 64),
        (["--as-of", "2023-02-30", "list"], 64),
        (["--format", "xml", "list"], 64),
        (["validate", "--data", "/nonexistent.yaml"], 1),
        (["validate", "--data", "\(hostile)/cycle-part-of.yaml"], 1),
        (["validate", "--data", "\(hostile)/README.md"], 1),
        (["stats", "--data", "\(hostile)/empty.yaml"], 1),
        (["list", "--kind", "nosuchkind"], 64),
        (["list", "--where", "foo"], 64),
        (["show"], 64),
        (["show", "nosuchnode"], 1),
        (["path", "Sri Lanka", "nosuch"], 1),
        (["neighbors", "nosuch"], 1),
        (["common", "a"], 64),
        (["connectors", "--measure", "nope"], 64),
        (["what-if"], 64),
        (["what-if", "--remove", "nosuch"], 1),
        (["render"], 64),
        (["render", "nosuch"], 1),
        (["render", "structure", "--engine", "nope", "-o", "/tmp/x.svg"], 64),
        (["render", "--ego", "nosuch", "-o", "/tmp/x.svg"], 1),
        (["render", "--ego", "australia"], 64),
        (["render", "structure", "-o", "/proc/x.svg"], 1),
        (["explore"], 64),
        (["explore", "-o", "/proc/x.html"], 1),
        (["export", "--to", "nope"], 64),
        (["export", "--to", "json", "-o", "/proc/x.json"], 1),
        (["timeline", "nosuch"], 1),
        (["diff"], 64),
        (["diff", "--from", "2012", "--to", "banana"], 64),
    ]

    @Test("failures exit 1 or 64 with an error and what to do next", arguments: failures)
    func failure(_ arguments: [String], _ expected: Int32) throws {
        let r = try Binary.run(arguments)
        #expect(r.misbehaved == nil, "\(arguments): \(r.misbehaved ?? "")")
        #expect(r.status == expected, "\(arguments): exit \(r.status)\n\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(
            lines.contains {
                $0.hasPrefix("error:") || $0.hasPrefix("Error:") || $0.contains(": error: ")
            },
            "\(arguments): no error line\n\(r.stderr)")
        let guidance = lines.contains {
            $0.hasPrefix("note:") || $0.hasPrefix("    note:") || $0.contains("--help")
                || $0.hasPrefix("Usage:")
        }
        #expect(guidance, "\(arguments): nothing says what to do next\n\(r.stderr)")
        #expect(r.stdout.isEmpty || expected == 1, "\(arguments): output on failure")
    }

    @Test("control characters and bidi overrides from the data are shown, not sent, on stderr")
    func terminalEscapes() throws {
        let dir = try Reliability.scratch("tty")
        defer { Reliability.remove(dir) }
        let model = dir.appendingPathComponent("esc.yaml")
        try """
        format: baligraph/1
        title: "T\\e]52;c;aGk=\\a"
        schema: {kinds: {k: {label: K, plural: Ks}}, relations: {}}
        sources: [{id: S1, title: s}]
        nodes:
          - {id: "bad\\e[2J\\u202Eid", kind: k, name: "N", sources: [S1]}

        """.write(to: model, atomically: false, encoding: .utf8)
        let r = try Binary.run(["validate", "--data", model.path])
        #expect(r.status == 1)
        #expect(
            !r.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "\(r.stderr)")
        #expect(r.stderr.contains("bad\\u{1B}[2J\\u{202E}id"), "\(r.stderr)")

        #expect(TerminalText.neutralized("plain\ttext\n") == "plain\ttext\n")
        #expect(TerminalText.neutralized("\u{1B}[31mred\u{1B}[0m") == "\u{1B}[31mred\u{1B}[0m")
        #expect(TerminalText.neutralized("\u{1B}]52;c;x\u{07}") == "\\u{1B}]52;c;x\\u{7}")
        #expect(TerminalText.neutralized("a\rb\u{0}c\u{9B}2J") == "a\\u{D}b\\u{0}c\\u{9B}2J")
        #expect(TerminalText.neutralized("\u{202E}abc\u{2066}") == "\\u{202E}abc\\u{2066}")
        #expect(TerminalText.neutralized("שלום 🌏 é") == "שלום 🌏 é")
    }

    @Test("on a terminal, show prints a node's control characters as escapes")
    func showOnTerminal() throws {
        // `script` gives the command a pseudo-terminal as standard output.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let model = Reliability.corpus.appendingPathComponent("control-characters.yaml").path
        let command = "\(Reliability.binary.path) show bell --data \(model)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        // Colour sequences pass (they only change colours); the clipboard write does not.
        #expect(text.contains("escape\u{1B}[31m red \\u{1B}]52;c;aGk=\\u{7}"), "\(text)")
        #expect(!text.unicodeScalars.contains("\u{07}"))
        // Into a pipe the bytes are exact, for scripts.
        let piped = try Binary.run(["show", "bell", "--data", model])
        #expect(piped.stdout.unicodeScalars.contains("\u{1B}"))
    }
}
