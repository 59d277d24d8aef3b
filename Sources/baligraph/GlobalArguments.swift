/// Lets the global options come before the subcommand (`baligraph --as-of 2012 list`):
/// ArgumentParser only reads them after it, so they are moved there.
enum GlobalArguments {
    static let withValue: Set<String> = ["--data", "--as-of", "--format", "--color"]

    static func reorder(_ args: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < args.count {
            let arg = args[i]
            let name = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
            guard withValue.contains(name) else { break }
            leading.append(arg)
            if !arg.contains("="), i + 1 < args.count {
                leading.append(args[i + 1])
                i += 1
            }
            i += 1
        }
        guard !leading.isEmpty, i < args.count else { return args }
        // args[i] is the subcommand; keep it first, then the moved options.
        return [args[i]] + leading + args[(i + 1)...]
    }
}
