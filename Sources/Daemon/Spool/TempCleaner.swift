import Foundation
import Logging
import Outputs

#if canImport(Glibc)
import Glibc
#endif

/// Removes temporaries a dead process left behind: staging folders in .state/tmp and
/// `.name.<pid>.<n>.tmp` files of atomic replaces (those of live processes are kept), and
/// reason files in failed/ without their original.
enum TempCleaner {
    static func clean(_ layout: SpoolLayout, logger: Logger) {
        var removed = 0
        for name in (try? DurableFS.listDirectory(layout.tmp)) ?? [] where !isAlive(pidIn: name, separator: "-", field: 1) {
            DurableFS.removeTree(layout.tmp + "/" + name)
            removed += 1
        }
        for folder in [layout.state, layout.failed, layout.out] {
            for name in (try? DurableFS.listDirectory(folder)) ?? [] where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                let parts = name.split(separator: ".")
                if parts.count >= 3, let pid = Int32(parts[parts.count - 3]), kill(pid, 0) == 0 || errno == EPERM { continue }
                unlink(folder + "/" + name)
                removed += 1
            }
        }
        if removed > 0 { logger.info("removed stale temporary files", metadata: ["count": "\(removed)"]) }
        let orphans = FinalMove.removeOrphanReasons(layout.failed)
        if orphans > 0 { logger.info("removed reason files whose original is not in failed/", metadata: ["count": "\(orphans)"]) }
    }

    /// Job ids look like `20261129T101500Z-<pid>-<n>`.
    private static func isAlive(pidIn name: String, separator: Character, field: Int) -> Bool {
        let parts = name.split(separator: separator)
        guard parts.count > field, let pid = Int32(parts[field]) else { return false }
        if pid == getpid() { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
