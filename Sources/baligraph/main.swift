import ArgumentParser
import BaliGraphKit
import Foundation

struct BaliGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baligraph",
        abstract:
            "Explore the structure of the Bali Process: who connects to whom, and diagrams of it.",
        discussion: """
            With no --data, the built-in Bali Process model is used. Global options
            (--data, --as-of, --format, --color) may come before or after the subcommand.
            Exit codes: 0 success, 1 data or query failure, 64 usage error.
            """,
        version: BaliGraphVersion.string,
        subcommands: [
            Validate.self, Stats.self, List.self, Show.self, PathCmd.self, Neighbors.self,
            Common.self, Connectors.self, WhatIf.self, Render.self, Explore.self, Export.self,
            Timeline.self, Diff.self, InternalEncodeModel.self,
        ])
}

BaliGraph.main(GlobalArguments.reorder(CommandLine.arguments.dropFirst().map { $0 }))
