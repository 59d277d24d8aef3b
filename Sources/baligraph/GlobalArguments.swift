/// Lets the global options come before the subcommand (`baligraph --as-of 2012 list`):
/// ArgumentParser only reads them after it, so they are moved there.
enum GlobalArguments {
    /// The global options that take a value (an array: a `Set` costs more to build at
    /// start-up than four comparisons).
    static let withValue = ["--data", "--as-of", "--format", "--color"]

    static func reorder(_ args: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < args.count {
            let arg = args[i]
            guard arg.hasPrefix("--") else { break }
            let name = arg.firstIndex(of: "=").map { String(arg[..<$0]) } ?? arg
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
