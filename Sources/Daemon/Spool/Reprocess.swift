import Foundation
import Outputs

/// `bayan reprocess`: a processed original goes from done/ back into the inbox with one rename,
/// so the daemon takes it again and its new result replaces the old one in out/<stem>/. The CLI
/// and the workspace's glossary page both call this.
public enum Reprocess {
    public enum Outcome: Sendable, Equatable {
        case queued
        /// A file with this name is already waiting in the inbox.
        case alreadyWaiting
        /// No such file in done/.
        case notFound

        /// What to tell the person, in the CLI's words.
        public func message(_ name: String, layout: SpoolLayout) -> String {
            switch self {
            case .queued: "\(name): queued again"
            case .alreadyWaiting: "\(name): a file with this name is already waiting in the inbox; try again once it is processed"
            case .notFound: "\(name): not found in \(layout.done)/ (bayan status shows what was processed)"
            }
        }
    }

    /// Whether `name` is a plain file name (no folder, not `.` or `..`).
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".." && !name.contains("\0")
    }

    /// Moves done/`name` back into the inbox.
    public static func requeue(_ name: String, layout: SpoolLayout) throws -> Outcome {
        guard isPlainName(name) else { return .notFound }
        switch try DurableFS.renameNoReplace(layout.done + "/" + name, layout.inbox + "/" + name) {
        case .done:
            try DurableFS.fsyncDirectory(layout.inbox)
            return .queued
        case .targetExists: return .alreadyWaiting
        case .sourceMissing: return .notFound
        }
    }

    /// The original in done/ whose result is out/`stem`/ (the publisher's stem of its name),
    /// or nil when it is not there (already queued again, or removed).
    public static func original(forStem stem: String, layout: SpoolLayout) -> String? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: layout.done)) ?? []).sorted()
        return names.first { !$0.hasPrefix(".") && StemNaming.stem(for: $0) == stem }
    }
}
