import ArgumentParser
import BaliGraphKit
import Foundation
import StakeholderModel

extension OutputFormat: ExpressibleByArgument {}
extension ColorMode: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A model file (default: the built-in Bali Process model).", valueName: "file"))
    var data: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Keep only what was valid on this date (YYYY, YYYY-MM or YYYY-MM-DD; a year or month means its last day).",
            valueName: "date"))
    var asOf: String?

    @Option(
        name: .customLong("input-format"),
        help: "The format of --data when its extension does not say: yaml, json, graphml or csv.")
    var inputFormat: InputFormat?

    @Option(
        name: .long, help: ArgumentHelp("With a CSV edge list: its node table.", valueName: "file"))
    var nodes: String?

    @Option(name: .long, help: "Output format for tabular output: text, json or csv.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Colour the text output: auto, always or never.")
    var color: ColorMode = .auto

    func validate() throws {
        if let asOf, PartialDate(asOf) == nil {
            throw ValidationError(
                "--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
    }

    var invocation: Invocation {
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto:
            useColor =
                isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                && format == .text
        }
        var invocation = Invocation(
            dataPath: data, asOf: asOf.flatMap(PartialDate.init), format: format, color: useColor)
        invocation.inputFormat = inputFormat
        invocation.nodesPath = nodes
        return invocation
    }
}

/// Prints a result and exits with its code.
///
/// Messages on standard error, and text on standard output when it is a terminal, have
/// control characters from the data made visible (``TerminalText``); output to a file or
/// a pipe keeps its exact bytes.
func finish(_ result: CommandResult) throws -> Never {
    if !result.stdout.isEmpty {
        let text =
            isatty(STDOUT_FILENO) == 1 ? TerminalText.neutralized(result.stdout) : result.stdout
        FileHandle.standardOutput.write(Data(text.utf8))
    }
    if !result.binaryStdout.isEmpty { FileHandle.standardOutput.write(Data(result.binaryStdout)) }
    if !result.stderr.isEmpty {
        FileHandle.standardError.write(Data(TerminalText.neutralized(result.stderr).utf8))
    }
    throw ExitCode(result.exitCode)
}
