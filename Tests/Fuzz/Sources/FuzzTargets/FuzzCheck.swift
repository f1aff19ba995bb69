#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Invariant checks for fuzz targets: a violation prints what broke and aborts, which libFuzzer
/// records as a crash with the input that caused it.
public enum FuzzCheck {
    public static func require(
        _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
    ) {
        guard !condition else { return }
        fail(message(), file: file, line: line)
    }

    public static func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
        let text = Array("FUZZ INVARIANT VIOLATED at \(file):\(line): \(message)\n".utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        abort()
    }
}
