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
    public let sync: DurableFS.SyncMode

    public init(outDirectory: String, tmpDirectory: String, sync: DurableFS.SyncMode = .fileSystem) {
        self.outDirectory = outDirectory
        self.tmpDirectory = tmpDirectory
        self.sync = sync
    }

    /// One rendered output file of a document.
    public struct RenderedFile: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// Renders every writer and publishes the folder. The stem is `preferredStem` unless another
    /// document (a different SHA-256) already owns it; identical content replaces its own result.
    /// Returns the stem used. (The pipeline and a review's republish both come here, or to the
    /// three steps below when rendering should run apart from the disk work.)
    @discardableResult
    public func publish(
        _ result: DocumentResult, writers: [any OutputWriter], preferredStem: String, jobID: String
    ) throws -> String {
        let stem = chooseStem(preferredStem, sha256: result.source.sha256)
        let files = try Self.render(result, writers: writers, stem: stem)
        return try publish(files, stem: stem, sha256: result.source.sha256, jobID: jobID)
    }

    /// The stem to publish under: the preferred one unless a different document owns it.
    public func chooseStem(_ preferredStem: String, sha256: String) -> String {
        var stem = preferredStem
        for candidate in StemNaming.candidates(preferredStem, sha256: sha256) {
            stem = candidate
            let owner = StemNaming.publishedSHA(outDirectory + "/" + candidate)
            if owner == nil || owner == sha256 { break }
        }
        return stem
    }

    /// Every writer's file for `stem`, in memory (CPU only, no disk).
    public static func render(_ result: DocumentResult, writers: [any OutputWriter], stem: String) throws -> [RenderedFile] {
        try writers.map { RenderedFile(name: $0.fileName(stem: stem, result: result), bytes: try $0.render(result, stem: stem)) }
    }

    /// Publishes rendered files as `out/<stem>/` in one step: each file written in a private
    /// folder under tmp/ and made durable with that folder (one shared syncfs, or an fsync of
    /// each file and of the folders), renamed into out/, and out/ fsynced.
    /// Safe to call from many threads at once: concurrent publishes share the fsyncs of tmp/ and
    /// out/ (DurableFS.fsyncDirectory). A document already published under `stem` with the
    /// same SHA-256 is replaced atomically; one with another SHA-256 makes this throw.
    @discardableResult
    public func publish(_ files: [RenderedFile], stem: String, sha256: String, jobID: String) throws -> String {
        let staging = tmpDirectory + "/" + jobID
        DurableFS.removeTree(staging)
        try DurableFS.makeDirectory(staging)
        switch sync {
        case .perFile:
            for file in files {
                try DurableFS.writeNewFile(staging + "/" + file.name, file.bytes)
            }
            CrashPoint.afterTempWrite.hit()
            try DurableFS.fsyncDirectory(staging)
            try DurableFS.fsyncDirectory(tmpDirectory)
        case .fileSystem:
            var open: [(fd: Int32, path: String)] = []
            defer { for file in open { close(file.fd) } }
            for file in files {
                let path = staging + "/" + file.name
                open.append((try DurableFS.createAndWrite(path, file.bytes), path))
            }
            CrashPoint.afterTempWrite.hit()
            // The files, the staging folder and its name in tmp/, all in one sync.
            try DurableFS.syncFileSystem(tmpDirectory)
            for file in open { try DurableFS.checkWritten(file.fd, file.path) }
        }
        CrashPoint.beforeRename.hit()
        let target = outDirectory + "/" + stem
        switch try DurableFS.renameNoReplace(staging, target) {
        case .done:
            break
        case .targetExists:
            // Our own earlier result (same SHA-256), or a race with a twin: swap atomically.
            guard StemNaming.publishedSHA(target) == sha256 else {
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
