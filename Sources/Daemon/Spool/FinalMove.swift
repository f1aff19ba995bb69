import BayanCore
import Foundation
import Outputs

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

    static func writeReason(_ folder: String, movedName: String, original: String, reason: String) throws {
        var reasonName = movedName + ".reason.txt"
        while reasonName.utf8.count > 255 { reasonName.removeFirst() }
        let end = reason.last.map { ".!?".contains($0) } ?? false ? "" : "."
        let text = "\(printable(original)) was not processed: \(reason)\(end)\n"
        try DurableFS.replaceFile(folder + "/" + reasonName, Array(text.utf8))
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
