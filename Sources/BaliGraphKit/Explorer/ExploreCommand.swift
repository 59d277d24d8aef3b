import StakeholderModel

/// `explore -o FILE.html`: writes the explorer page for the invocation's model.
public enum ExploreCommand {
    /// Loads the model (its whole history, so that the page's date slider can move through
    /// it), writes the page with `views` to `output` atomically, and reports what it wrote on
    /// standard error. `--as-of` sets the date the page opens on.
    ///
    /// - Parameters:
    ///   - invocation: the shared options: which model, and the date to open on.
    ///   - output: the HTML file to write; its folder is created when missing.
    ///   - views: the rendered diagrams, in the order the page's picker lists them.
    /// - Returns: exit 0 with a one-line report, or 1 when the model cannot be loaded or the
    ///   file cannot be written (the previous file, if any, is left unchanged).
    public static func run(_ invocation: Invocation, output: String, views: [ExplorerView])
        -> CommandResult
    {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.full
        let page = ExplorerPage.html(
            model: model, views: views, title: model.title, asOf: invocation.asOf)
        do {
            try AtomicFile.write(page, to: output)
        } catch {
            return error.result
        }
        let drawn = views.filter { ExplorerPage.svgElement($0.svg) != nil }.count
        let size = (page.utf8.count + 1023) / 1024
        return CommandResult(
            stderr: "wrote \(output) (\(drawn) view\(drawn == 1 ? "" : "s"), "
                + "\(model.nodes.count) nodes, \(model.edges.count) ties, \(size) KiB)\n")
    }
}
