import CFuzzDriver
#if canImport(Glibc)
import Glibc
#endif

/// Hands control to libFuzzer with a target's one-input function. SwiftPM renames each
/// executable's `main`, so libFuzzer's own `main` cannot be used; its driver can.
public enum FuzzDriver {
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, callback)
        exit(status)
    }

    /// Copies libFuzzer's buffer (which may be null when empty) into an array for a target.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
