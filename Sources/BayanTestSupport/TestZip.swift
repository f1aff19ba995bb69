import ArabicText

/// Hostile ZIP fixtures that a well-behaved library would refuse to write: lying sizes,
/// thousands of entries, hand-made deflate streams (written by the project's `ZipWriter`).
public enum TestZip {
    /// An entry written as given: path, method (0 stored, 8 deflate), data, checksum, size.
    public typealias Entry = ZipWriter.Entry

    public static func stored(_ path: String, _ bytes: [UInt8]) -> Entry {
        Entry(path: path, method: 0, data: bytes, crc: crc32(bytes), uncompressedSize: UInt32(bytes.count))
    }

    /// The entries as given, through the project's ZIP writer (sizes and checksums unchecked).
    public static func archive(_ entries: [Entry]) -> [UInt8] {
        var zip = ZipWriter()
        for entry in entries { zip.addRaw(entry) }
        return zip.archive()
    }

    /// A raw deflate stream of `1 + 258 * (1 + 8 * groups)` zero bytes, written by hand with fixed
    /// Huffman codes (one literal, then matches of length 258 at distance 1): 13 bytes per 2 KiB,
    /// so a gigabyte of zeros costs 6.8 MB and no compression time.
    public static func zeros(groups: Int) -> (stream: [UInt8], size: Int) {
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE = 01, fixed Huffman
        bits.writeCode(0x30, length: 8)  // literal 0
        bits.match()  // 3 + 8 + 13 = 24 bits: byte aligned from here
        var head = bits.bytes
        var unitBits = BitWriter()
        for _ in 0..<8 { unitBits.match() }
        let unit = unitBits.bytes  // 104 bits = 13 bytes
        head.reserveCapacity(head.count + unit.count * groups + 1)
        for _ in 0..<groups { head.append(contentsOf: unit) }
        var tail = BitWriter()
        tail.writeCode(0, length: 7)  // end of block
        head.append(contentsOf: tail.bytes)
        return (head, 1 + 258 * (1 + 8 * groups))
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var bit = 0
        mutating func write(_ value: UInt32, count: Int) {  // LSB first
            for k in 0..<count { push((value >> UInt32(k)) & 1 == 1) }
        }
        mutating func writeCode(_ code: UInt32, length: Int) {  // Huffman codes: MSB first
            for k in (0..<length).reversed() { push((code >> UInt32(k)) & 1 == 1) }
        }
        mutating func match() {
            writeCode(0xC5, length: 8)  // length code 285 = 258
            writeCode(0, length: 5)  // distance code 0 = 1
        }
        private mutating func push(_ one: Bool) {
            if bit == 0 { bytes.append(0) }
            if one { bytes[bytes.count - 1] |= UInt8(1 << bit) }
            bit = (bit + 1) % 8
        }
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
