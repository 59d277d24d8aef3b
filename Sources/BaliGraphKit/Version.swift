/// The version `baligraph --version` prints.
public enum BaliGraphVersion {
    /// Semantic version of this build.
    public static let string = "0.1.0"
}
