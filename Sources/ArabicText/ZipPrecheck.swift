/// Checks, before ZIPFoundation sees the bytes, that every place it will seek to lies inside
/// them: the end record (found as ZIPFoundation finds it, but only where the format allows),
/// each central-directory record, each local header, each data descriptor. ZIP64 is refused
/// (no Word document under the size limit needs it).
///
/// Why (found by fuzzing, ZIPFoundation 0.9.20): its in-memory file traps when a read starts
/// past the end (`Range requires lowerBound <= upperBound` in `MemoryFile.readData`), so one
/// crafted .docx with a local-header offset past the end crashed the daemon; and when it finds no
/// end record it throws without closing that file, leaking the whole input, after one seek and
/// read per byte of the file.
enum ZipPrecheck {
    static let endRecordSize = 22
    static let maxComment = 0xFFFF

    /// Where one entry's data lies, in central-directory order (ZIPFoundation's order too).
    struct Location {
        var method: Int
        var dataOffset: Int
        var compressedSize: Int
    }

    /// The entries' locations when ZIPFoundation can read the archive's directory without seeking
    /// past the end; nil otherwise.
    static func locations(_ b: [UInt8]) -> [Location]? {
        guard let end = endRecord(b) else { return nil }
        // A ZIP64 end-record locator (20 bytes before) or record (56 more before) changes the offsets used.
        if end >= 20, signature(b, end - 20) == 0x0706_4B50 { return nil }
        if end >= 76, signature(b, end - 76) == 0x0606_4B50 { return nil }
        let entries = u16(b, end + 10)
        let directory = u32(b, end + 16)
        if entries == 0xFFFF || directory == 0xFFFF_FFFF || u32(b, end + 12) == 0xFFFF_FFFF { return nil }
        var at = directory
        var found: [Location] = []
        for _ in 0..<entries {
            guard at + 46 <= b.count, signature(b, at) == 0x0201_4B50 else { return nil }
            let flags = u16(b, at + 8), method = u16(b, at + 10)
            let compressed = u32(b, at + 20), uncompressed = u32(b, at + 24)
            let nameLength = u16(b, at + 28), extraLength = u16(b, at + 30), commentLength = u16(b, at + 32)
            let local = u32(b, at + 42)
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= b.count else { return nil }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF { return nil }
            if hasZIP64Field(b, at + 46 + nameLength, extraLength) { return nil }
            // The local header and its name and extra field, as ZIPFoundation reads them.
            guard local + 30 <= b.count, signature(b, local) == 0x0403_4B50 else { return nil }
            let dataOffset = local + 30 + u16(b, local + 26) + u16(b, local + 28)
            guard dataOffset <= b.count else { return nil }
            if flags & 0x08 != 0, dataOffset + (method == 0 ? uncompressed : compressed) > b.count { return nil }
            found.append(Location(method: method, dataOffset: dataOffset, compressedSize: compressed))
            at = next
        }
        return found
    }

    /// Offset of the end-of-central-directory record: the last signature at least 22 bytes before
    /// the end, within the last 22 + 65,535 bytes, with its comment inside the file.
    static func endRecord(_ b: [UInt8]) -> Int? {
        guard b.count >= endRecordSize else { return nil }
        let lowest = max(0, b.count - endRecordSize - maxComment)
        var p = b.count - endRecordSize
        while p >= lowest {
            if signature(b, p) == 0x0605_4B50 {
                return p + endRecordSize + u16(b, p + 20) <= b.count ? p : nil
            }
            p -= 1
        }
        return nil
    }

    /// The extra-field walk ZIPFoundation does (`scanForZIP64Field`), looking for header id 1.
    static func hasZIP64Field(_ b: [UInt8], _ start: Int, _ length: Int) -> Bool {
        var offset = 0
        while offset < length - 4 {
            let next = offset + 4 + u16(b, start + offset + 2)
            guard next <= length else { return false }
            if u16(b, start + offset) == 0x0001 { return true }
            offset = next
        }
        return false
    }

    /// Callers keep `at + 2` / `at + 4` within the bytes; out of range reads as 0 all the same.
    static func u16(_ b: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 2 <= b.count else { return 0 }
        return Int(b[at]) | Int(b[at + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 4 <= b.count else { return 0 }
        return Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24
    }

    static func signature(_ b: [UInt8], _ at: Int) -> Int { u32(b, at) }
}
