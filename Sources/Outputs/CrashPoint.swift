#if canImport(Glibc)
import Glibc
#endif

/// Postfix-style fault injection: with `BAYAN_FAULT=<name>` in the environment the process
/// exits at exactly that point, as if killed, so tests can check recovery from each one.
public enum CrashPoint: String, CaseIterable, Sendable {
    case afterTempWrite = "after-temp-write"
    case beforeRename = "before-rename"
    case afterRenameBeforeDirSync = "after-rename-before-dirsync"
    case midDatabaseWrite = "mid-database-write"
    case afterPublishBeforeMovingOriginal = "after-publish-before-moving-original"
    /// A rejected file's reason is in failed/, the file itself not yet.
    case afterReasonBeforeMove = "after-reason-before-move"
    /// A reviewed file's changes are applied, the file is not yet in done/.
    case afterReviewImportBeforeMove = "after-review-import-before-move"

    private static let armed: CrashPoint? = {
        guard let value = getenv("BAYAN_FAULT") else { return nil }
        return CrashPoint(rawValue: String(cString: value))
    }()

    public func hit() {
        if CrashPoint.armed == self { _exit(137) }
    }
}
