import BayanCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Publishes a document's output folder in one step: every file is written and fsynced in a
/// private temporary folder, which is then renamed to `out/<stem>/` and the parent fsynced.
/// A reader of `out/` sees either nothing or the complete folder, never a part of it.
public struct AtomicPublisher: Sendable {
    public let outDirectory: String
    public let tmpDirectory: String

    public init(outDirectory: String, tmpDirectory: String) {
        self.outDirectory = outDirectory
        self.tmpDirectory = tmpDirectory
    }

    /// Renders every writer and publishes the folder. The stem is `preferredStem` unless another
    /// document (a different SHA-256) already owns it; identical content replaces its own result.
    /// Returns the stem used.
    @discardableResult
    public func publish(
        _ result: DocumentResult, writers: [any OutputWriter], preferredStem: String, jobID: String
    ) throws -> String {
        var stem = preferredStem
        for candidate in StemNaming.candidates(preferredStem, sha256: result.source.sha256) {
            stem = candidate
            let owner = StemNaming.publishedSHA(outDirectory + "/" + candidate)
            if owner == nil || owner == result.source.sha256 { break }
        }
        let staging = tmpDirectory + "/" + jobID
        DurableFS.removeTree(staging)
        try DurableFS.makeDirectory(staging)
        for writer in writers {
            let name = writer.fileName(stem: stem, result: result)
            try DurableFS.writeNewFile(staging + "/" + name, try writer.render(result, stem: stem))
        }
        CrashPoint.afterTempWrite.hit()
        try DurableFS.fsyncDirectory(staging)
        try DurableFS.fsyncDirectory(tmpDirectory)
        CrashPoint.beforeRename.hit()
        let target = outDirectory + "/" + stem
        switch try DurableFS.renameNoReplace(staging, target) {
        case .done:
            break
        case .targetExists:
            // Our own earlier result (same SHA-256), or a race with a twin: swap atomically.
            guard StemNaming.publishedSHA(target) == result.source.sha256 else {
                DurableFS.removeTree(staging)
                throw BayanError(.io, "out/\(stem) was taken by another document while this one was published; it will be retried")
            }
            try DurableFS.exchange(staging, target)
            DurableFS.removeTree(staging)
        case .sourceMissing:
            throw BayanError(.io, "the staged result of \(jobID) vanished before it was published")
        }
        CrashPoint.afterRenameBeforeDirSync.hit()
        try DurableFS.fsyncDirectory(outDirectory)
        return stem
    }
}

/// Names of published folders.
public enum StemNaming {
    /// The folder name for an input file name: the name without its extension, made safe.
    public static func stem(for fileName: String) -> String {
        var base = fileName
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
        var out = ""
        for scalar in base.unicodeScalars {
            let unsafe = scalar.value < 0x20 || scalar.value == 0x7F || scalar == "/" || scalar == "\\"
                || scalar.properties.generalCategory == .format
            out.unicodeScalars.append(unsafe ? "_" : scalar)
        }
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        while out.utf8.count > 180 { out.removeLast() }
        return out.isEmpty ? "document" : out
    }

    /// The preferred stem, then stems qualified by the content hash.
    public static func candidates(_ stem: String, sha256: String) -> [String] {
        [stem, stem + "-" + sha256.prefix(8), stem + "-" + sha256.prefix(16), stem + "-" + sha256]
    }

    /// The SHA-256 of the source of a published folder, read from its result.json.
    public static func publishedSHA(_ folder: String) -> String? {
        guard let data = FileManager.default.contents(atPath: folder + "/result.json"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let source = object["source"] as? [String: Any]
        else { return DurableFS.exists(folder) ? "" : nil }
        return source["sha256"] as? String
    }
}
