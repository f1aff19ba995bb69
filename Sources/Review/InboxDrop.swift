import BayanCore
import Daemon
import Foundation
import Outputs

#if canImport(Glibc)
import Glibc
#endif

/// Puts an uploaded file into the inbox the way careful producers do (written and fsynced under
/// `.state/tmp/`, then renamed in: no half file is ever visible), after the checks a file
/// dropped into the folder meets: its name, its size (`spool.max_input_bytes`) and its type.
/// The reader checks the content once the daemon claims it, as for any dropped file.
public struct InboxDrop: Sendable {
    public let layout: SpoolLayout
    public let maxBytes: Int
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "xhtml", "docx"]

    public init(layout: SpoolLayout, maxBytes: Int) {
        self.layout = layout
        self.maxBytes = maxBytes
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case badName(String)
        case tooLarge(Int)
        case exists(String)
        case io(String)

        public var description: String {
            switch self {
            case .badName(let why): return why
            case .tooLarge(let limit): return "the file is larger than \(limit) bytes (spool.max_input_bytes); split it or raise the limit"
            case .exists(let name): return "\(name) is already waiting in the inbox; wait until it is processed or rename your file"
            case .io(let why): return why
            }
        }
    }

    /// Refuses names that are not plain file names of a type Bayan reads.
    public func check(name: String) throws(Failure) {
        guard DocumentID.isValid(name), !name.hasSuffix(".reason.txt") else {
            throw .badName("'\(name.prefix(80))' is not accepted as a file name: use 1–128 letters, digits, '.', '_' or '-', starting with a letter or digit")
        }
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        guard Self.extensions.contains(ext) else {
            throw .badName("\(name): Bayan reads .txt, .md, .html and .docx files; convert the file to one of these")
        }
    }

    /// Writes `bytes` as `inbox/<name>` atomically. Returns the path.
    @discardableResult
    public func put(name: String, bytes: [UInt8]) throws(Failure) -> String {
        try check(name: name)
        guard bytes.count <= maxBytes else { throw .tooLarge(maxBytes) }
        let staging = layout.tmp + "/upload-" + UUID().uuidString
        do {
            try DurableFS.makeDirectory(layout.tmp)
            try DurableFS.writeNewFile(staging, bytes)
            switch try DurableFS.renameNoReplace(staging, layout.inbox + "/" + name) {
            case .done:
                try DurableFS.fsyncDirectory(layout.inbox)
                return layout.inbox + "/" + name
            case .targetExists:
                unlink(staging)
                throw Failure.exists(name)
            case .sourceMissing:
                throw Failure.io("the uploaded file vanished from .state/tmp before it reached the inbox; upload it again")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            unlink(staging)
            throw .io("the upload could not be written: \(error)")
        }
    }

    /// Sends a failed file back to the inbox (and removes its reason file). Returns false when
    /// there is no such failed file.
    public func retry(failedName name: String) throws(Failure) -> Bool {
        guard DocumentID.isValid(name), !name.hasSuffix(".reason.txt") else {
            throw .badName("'\(name.prefix(80))' is not a failed file's name")
        }
        let source = layout.failed + "/" + name
        guard DurableFS.exists(source) else { return false }
        do {
            switch try DurableFS.renameNoReplace(source, layout.inbox + "/" + name) {
            case .done:
                unlink(layout.failed + "/" + name + ".reason.txt")
                try DurableFS.fsyncDirectory(layout.inbox)
                try DurableFS.fsyncDirectory(layout.failed)
                return true
            case .targetExists: throw Failure.exists(name)
            case .sourceMissing: return false
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .io("\(name) could not be moved back to the inbox: \(error)")
        }
    }
}
