import BayanCore
import Foundation
import Outputs

#if canImport(Glibc)
import Glibc
#endif

/// Moves originals to done/ or failed/ under a free name (never replacing another file).
enum FinalMove {
    /// Returns the name used in `folder`, or nil when the source is gone.
    static func move(from source: String, name: String, to folder: String) throws -> String? {
        for attempt in 1...1000 {
            let candidate = attempt == 1 ? name : numbered(name, attempt)
            switch try DurableFS.renameNoReplace(source, folder + "/" + candidate) {
            case .done:
                try DurableFS.fsyncDirectory(folder)
                return candidate
            case .targetExists: continue
            case .sourceMissing: return nil
            }
        }
        throw BayanError(.io, "no free name for \(name) in \(folder)")
    }

    /// `report.txt` → `report (2).txt`, kept within 255 bytes.
    static func numbered(_ name: String, _ n: Int) -> String {
        let ns = name as NSString
        let ext = ns.pathExtension
        var base = ext.isEmpty ? name : ns.deletingPathExtension
        let suffix = " (\(n))" + (ext.isEmpty ? "" : "." + ext)
        while (base + suffix).utf8.count > 240 && !base.isEmpty { base.removeLast() }
        return base + suffix
    }

    /// Moves a rejected file to failed/ with its reason, so that a file in failed/ always has
    /// its reason, whenever the process dies: the reason is written and fsynced under its final
    /// name first, then the original is renamed next to it, then the folder is fsynced. A crash
    /// between the two leaves a reason without its original (the original is still in the inbox
    /// or active/ and is taken again); the next move to that name replaces it and the next start
    /// removes it. Daemons sharing the spool take turns through a lock on the folder, so a reason
    /// without its original seen under the lock is always a dead process's.
    /// Returns the name used in failed/, or nil when the source is gone.
    static func moveToFailed(from source: String, name: String, failed folder: String, reason: String) throws -> String? {
        let lock = try FolderLock(folder)
        defer { lock.unlock() }
        let end = reason.last.map { ".!?".contains($0) } ?? false ? "" : "."
        let text = Array("\(printable(name)) was not processed: \(reason)\(end)\n".utf8)
        for attempt in 1...1000 {
            let candidate = attempt == 1 ? name : numbered(name, attempt)
            if DurableFS.exists(folder + "/" + candidate) { continue }
            let reasonPath = folder + "/" + reasonName(for: candidate)
            try DurableFS.replaceFile(reasonPath, text)
            CrashPoint.afterReasonBeforeMove.hit()
            switch try DurableFS.renameNoReplace(source, folder + "/" + candidate) {
            case .done:
                try DurableFS.fsyncDirectory(folder)
                return candidate
            case .targetExists:
                unlink(reasonPath)  // someone outside Bayan put a file there just now
                continue
            case .sourceMissing:
                unlink(reasonPath)
                try DurableFS.fsyncDirectory(folder)
                return nil
            }
        }
        throw BayanError(.io, "no free name for \(name) in \(folder); clear out old files from failed/")
    }

    /// Removes reason files whose original is not in failed/ (left by a crash between writing
    /// the reason and moving the original, or by a person deleting the original); returns how
    /// many. Their originals, if any, are still queued and get a new reason if they fail again.
    static func removeOrphanReasons(_ folder: String) -> Int {
        guard let lock = try? FolderLock(folder) else { return 0 }
        defer { lock.unlock() }
        let names = ((try? DurableFS.listDirectory(folder)) ?? []).filter { !$0.hasPrefix(".") }
        let owned = Set(names.filter { !$0.hasSuffix(reasonSuffix) }.map(reasonName(for:)))
        var removed = 0
        for name in names where name.hasSuffix(reasonSuffix) && !owned.contains(name) {
            if unlink(folder + "/" + name) == 0 { removed += 1 }
        }
        if removed > 0 { try? DurableFS.fsyncDirectory(folder) }
        return removed
    }

    static let reasonSuffix = ".reason.txt"

    /// `<name>.reason.txt`, shortened from the front so that it fits a file name with room for
    /// the `.<name>.<pid>.<n>.tmp` it is first written as (at most 32 bytes more).
    static func reasonName(for movedName: String) -> String {
        var reasonName = movedName + reasonSuffix
        while reasonName.utf8.count > 255 - 32 { reasonName.removeFirst() }
        return reasonName
    }

    /// A file name made safe to print: control and direction characters shown as escapes.
    static func printable(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.properties.generalCategory == .format {
                out += String(format: "\\u{%04X}", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
