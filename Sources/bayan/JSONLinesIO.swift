import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Standard input to standard output for the `--jsonl` commands: one answer line per request
/// line. Input is read in blocks; the answers to every complete line of a block are written in
/// one write before more input is read (and perhaps waited for). A program that sends a line and
/// waits gets its answer at once; a file piped in is not answered one write(2) per line.
enum JSONLinesIO {
    /// `answer` returns the answer line (without its newline), or nil to write nothing.
    static func run(_ answer: (String) -> String?) {
        var pending: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = block.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            pending.append(contentsOf: block[0..<n])
            var out: [UInt8] = []
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                if let line = answer(text(pending[start..<newline])) {
                    out.append(contentsOf: line.utf8)
                    out.append(0x0A)
                }
                start = newline + 1
            }
            pending.removeFirst(start)
            write(out)
        }
        if !pending.isEmpty, let line = answer(text(pending[...])) { write(Array((line + "\n").utf8)) }
    }

    /// A line without its "\r", invalid UTF-8 repaired (as readLine does).
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes, as: UTF8.self)
    }

    static func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }  // the reader went away
            offset += n
        }
    }
}
