import BayanCore
import Foundation
import Glossary
import Outputs

#if canImport(Glibc)
import Glibc
#endif

/// The one write path for glossary entries (workspace, CLI, accepted suggestions).
///
/// An edit is spliced into the file's text: the changed row is replaced (or appended, or cut
/// out with its line break) and every other byte stays as it was — comments, blank lines, the
/// BOM, CRLF, extra columns, quoting. The new text is then read by `GlossaryLoader.parseDelimited`,
/// the code every load runs, and refused when it has an error the old text did not have. A valid
/// change is written atomically (temporary file, fsync, rename, fsync of the folder, the file's
/// mode kept), recorded in the history and made live by reloading the store at once.
///
/// Edits are serialized within the process, and across processes sharing a history (the daemon's
/// workspace and `bayan glossary add`) by a lock file beside the history database. A change
/// against a revision that is no longer on disk is refused (`GlossaryEditError.conflict`).
/// TBX files are read-only here: a TBX file belongs to the terminology tool that made it.
public final class GlossaryFileEditor: Sendable {
    public let history: GlossaryHistory?
    public let store: GlossaryStore?
    private let lock = NSLock()

    public init(history: GlossaryHistory? = nil, store: GlossaryStore? = nil) {
        self.history = history
        self.store = store
    }

    public static let tbxReadOnly = "TBX files are read-only in Bayan: edit the term base in the tool that made it, or convert it with `bayan glossary import FILE.tbx --out FILE.tsv` and list the TSV in glossary.files"

    /// Reads `path` for editing.
    public func read(_ path: String) throws(GlossaryEditError) -> GlossaryFileContents {
        let source = try Source.read(path)
        return source.contents
    }

    /// Applies `edit` to `path` if the file is still at `revision`. `actor` is recorded in the
    /// history; `origin` says where the change came from when it was not typed in.
    public func apply(_ edit: GlossaryEdit, to path: String, revision: String, actor: String, origin: String? = nil) throws(GlossaryEditError) -> GlossaryEditResult {
        lock.lock()
        defer { lock.unlock() }
        let fileLock = history.map { FileLock(path: $0.path + ".lock") }
        defer { fileLock?.unlock() }

        let source = try Source.read(path)
        if let reason = source.contents.readOnlyReason { throw .readOnly(file: path, reason: reason) }
        let entries = source.parsed.entries
        let target: Int? = {
            switch edit {
            case .add: return nil
            case .edit(let line, _), .delete(let line): return entries.firstIndex { $0.line == line }
            }
        }()
        guard source.contents.revision == revision else {
            let key = (target.map { entries[$0].ar } ?? edit.fields?.ar).map(GlossaryValidator.matchKey)
            let onDisk: GlossaryEntry? = {
                switch edit {
                case .edit(let line, _), .delete(let line):
                    if let same = entries.first(where: { $0.line == line }) { return same }
                default: break
                }
                return entries.first { key != nil && GlossaryValidator.matchKey($0.ar) == key }
            }()
            throw .conflict(GlossaryEditConflict(
                file: path, expectedRevision: revision, currentRevision: source.contents.revision,
                yours: edit.fields, onDisk: onDisk, edit: edit))
        }
        switch edit {
        case .edit(let line, _), .delete(let line):
            if target == nil { throw .noEntry(file: path, line: line) }
        case .add: break
        }

        let splice = try source.splice(edit, entryIndex: target)
        if splice.text == source.text {
            let entry = target.map { entries[$0] }
            return GlossaryEditResult(
                file: path, previousRevision: revision, revision: revision, before: entry, after: entry,
                otherProblems: source.parsed.problems, reload: nil, changeID: nil, historyError: nil)
        }
        let checked = GlossaryLoader.parseDelimited(splice.text, file: path, format: source.format)
        let (own, others) = Self.attribute(checked.problems, old: source.parsed.problems, rowStart: splice.rowStart, table: checked.table)
        var refused = own.filter { $0.severity == .error }
        if let fields = edit.fields {
            let line = splice.rowStart.flatMap { start in checked.table.rows.first { $0.scalars.lowerBound == start }?.line } ?? 0
            // What the loader reads back as several renderings (see GlossaryTSVWriter.problems).
            for var problem in GlossaryTSVWriter.problems([fields.entry(file: path, line: line)]) {
                problem.field = "avoid"
                refused.append(problem)
            }
            // The fields as given, before a cell is written: a tab in a TSV cell would be written as
            // a space and never reach the load's check (same validator, same words).
            for problem in GlossaryValidator.fieldProblems(fields.entry(file: path, line: line))
            where problem.severity == .error && !refused.contains(problem) {
                refused.append(problem)
            }
        }
        refused += others.caused
        guard refused.isEmpty else { throw .invalid(refused) }

        let bytes = source.encoding.encode(splice.text)
        do {
            try Self.removeStaleTemporaries(of: source.realPath)
            try DurableFS.replaceFile(source.realPath, bytes, mode: source.mode, crashPoint: .beforeRename)
        } catch {
            throw .unreadable(file: path, reason: "cannot write the file: \(error)")
        }
        let newRevision = SHA256.hex(bytes)
        let after: GlossaryEntry? = splice.rowStart.flatMap { start in
            zip(checked.entryRows, checked.entries).first { $0.0.scalars.lowerBound == start }?.1
        }
        let before = target.map { entries[$0] }
        var changeID: Int64?
        var historyError: String?
        if let history {
            let change = GlossaryChange(
                at: Date(), actor: actor, file: path, action: edit.action,
                before: before.map(GlossaryEntryFields.init), after: after.map(GlossaryEntryFields.init),
                line: after?.line ?? before?.line ?? 0, revisionBefore: revision, revisionAfter: newRevision, origin: origin)
            do {
                changeID = try history.record(change)
            } catch {
                // The file is written and live; say that the history missed it rather than fail.
                historyError = "the change was written but not recorded in \(history.path): \(error)"
            }
        }
        var outcome: GlossaryStore.Outcome?
        if let store, store.files.contains(where: { Source.realPath($0) == source.realPath }) {
            outcome = store.reload()
        }
        return GlossaryEditResult(
            file: path, previousRevision: revision, revision: newRevision, before: before, after: after,
            otherProblems: others.kept, reload: outcome, changeID: changeID, historyError: historyError)
    }

    /// Splits the new text's problems into the changed row's own and the rest; of the rest, an
    /// error the old text did not have (compared without line numbers, which the change may
    /// shift) was caused by the change (e.g. the other line of a duplicate).
    static func attribute(_ problems: [GlossaryProblem], old: [GlossaryProblem], rowStart: Int?, table: DelimitedTable)
        -> (own: [GlossaryProblem], others: (caused: [GlossaryProblem], kept: [GlossaryProblem])) {
        var ownLines: ClosedRange<Int>?
        if let rowStart, let row = table.rows.first(where: { $0.scalars.lowerBound == rowStart }) {
            let breaks = row.fields.reduce(0) { $0 + $1.unicodeScalars.filter { $0 == "\n" }.count }
            ownLines = row.line...(row.line + breaks)
        }
        func masked(_ p: GlossaryProblem) -> String {
            String(p.message.map { $0.isNumber ? "#" : $0 }) + "|\(p.severity.rawValue)"
        }
        var oldCounts: [String: Int] = [:]
        for p in old { oldCounts[masked(p), default: 0] += 1 }
        var own: [GlossaryProblem] = [], caused: [GlossaryProblem] = [], kept: [GlossaryProblem] = []
        for p in problems {
            if let ownLines, ownLines.contains(p.line) {
                own.append(p)
            } else if let n = oldCounts[masked(p)], n > 0 {
                oldCounts[masked(p)] = n - 1
                kept.append(p)
            } else if p.severity == .error {
                caused.append(p)
            } else {
                kept.append(p)
            }
        }
        return (own, (caused, kept))
    }

    /// Removes `.NAME.<pid>.<n>.tmp` siblings left by a writer that died before its rename.
    static func removeStaleTemporaries(of path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let prefix = "." + (path as NSString).lastPathComponent + "."
        for name in (try? DurableFS.listDirectory(dir)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let parts = name.dropFirst(prefix.count).split(separator: ".")
            guard parts.count == 3, let pid = Int32(parts[0]) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
    }
}

/// An advisory lock (flock) on a file, held from init to `unlock`.
final class FileLock {
    private var fd: Int32

    init(path: String) {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd >= 0 {
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
    }

    func unlock() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}
