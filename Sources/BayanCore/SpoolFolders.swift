/// The names of the spool's folders under its root, shared by the daemon's `SpoolLayout` and
/// the test support's `TempSpool`, so that the two cannot drift apart.
public enum SpoolFolders {
    public static let inbox = "inbox"
    public static let out = "out"
    public static let done = "done"
    public static let failed = "failed"
    /// Reviewed XLIFF/TMX files from CAT tools, claimed into `reviewing`.
    public static let reviewed = "reviewed"
    /// The daemon's own state, hidden from the people who drop files.
    public static let state = ".state"
    public static let tmp = state + "/tmp"
    public static let active = state + "/active"
    public static let reviewing = state + "/reviewing"
    public static let database = state + "/bayan.sqlite"
    public static let statusFile = state + "/status.json"
    public static let metricsFile = state + "/metrics.prom"
}
