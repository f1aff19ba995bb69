import BayanCore
import Outputs

/// The spool's folders. A file's folder is its state (Postfix): inbox → .state/active →
/// done or failed, with results published to out/<stem>/.
public struct SpoolLayout: Sendable, Equatable {
    public let root: String
    public var inbox: String { root + "/" + SpoolFolders.inbox }
    public var out: String { root + "/" + SpoolFolders.out }
    public var done: String { root + "/" + SpoolFolders.done }
    public var failed: String { root + "/" + SpoolFolders.failed }
    /// Reviewed XLIFF/TMX files coming back from CAT tools; claimed into `reviewing`.
    public var reviewed: String { root + "/" + SpoolFolders.reviewed }
    public var reviewing: String { root + "/" + SpoolFolders.reviewing }
    public var state: String { root + "/" + SpoolFolders.state }
    public var tmp: String { root + "/" + SpoolFolders.tmp }
    public var active: String { root + "/" + SpoolFolders.active }
    public var database: String { root + "/" + SpoolFolders.database }
    public var statusFile: String { root + "/" + SpoolFolders.statusFile }
    /// Prometheus text format, for node_exporter's textfile collector.
    public var metricsFile: String { root + "/" + SpoolFolders.metricsFile }

    public init(root: String) {
        var r = root
        while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
        self.root = r
    }

    /// Creates every folder that is missing (all on one file system, so claims are renames).
    public func create() throws {
        for path in [root, inbox, out, done, failed, reviewed, state, tmp, active, reviewing] { try DurableFS.makeDirectory(path) }
    }
}

/// A folder files are dropped into and claimed from, with the folder they are claimed into.
enum SpoolQueue: Sendable {
    /// Documents to translate: inbox/ → .state/active/.
    case inbox
    /// Reviewed files to import: reviewed/ → .state/reviewing/.
    case reviewed

    func folder(_ layout: SpoolLayout) -> String { self == .inbox ? layout.inbox : layout.reviewed }
    func active(_ layout: SpoolLayout) -> String { self == .inbox ? layout.active : layout.reviewing }
}
