import Foundation
import ZIPFoundation

/// Writes a ZIP archive in memory (no ZIP64, no data descriptors), as .docx packages need.
/// Entries keep the order given; an entry can carry already-compressed bytes, so a part copied
/// from another archive keeps its exact compressed stream and checksum.
public struct ZipWriter {
    public struct Entry: Sendable {
        public var path: String
        /// 0 stored, 8 deflate.
        public var method: UInt16
        public var data: [UInt8]
        public var crc: UInt32
        public var uncompressedSize: UInt32

        public init(path: String, method: UInt16, data: [UInt8], crc: UInt32, uncompressedSize: UInt32) {
            self.path = path
            self.method = method
            self.data = data
            self.crc = crc
            self.uncompressedSize = uncompressedSize
        }
    }

    private var entries: [Entry] = []

    public init() {}

    /// Adds bytes, deflated.
    public mutating func add(_ path: String, _ bytes: [UInt8]) throws {
        entries.append(try Self.deflated(path, bytes))
    }

    /// An entry of `bytes` deflated, to add now or to keep (a part every archive shares is
    /// compressed once, then added with `addRaw`).
    public static func deflated(_ path: String, _ bytes: [UInt8]) throws -> Entry {
        var compressed: [UInt8] = []
        let data = Data(bytes)
        let crc = try Data.compress(size: Int64(data.count), bufferSize: 64 << 10, provider: { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }, consumer: { compressed.append(contentsOf: $0) })
        return Entry(path: path, method: 8, data: compressed, crc: crc, uncompressedSize: UInt32(bytes.count))
    }

    public mutating func add(_ path: String, _ text: String) throws { try add(path, Array(text.utf8)) }

    /// Adds an entry whose compressed bytes are already known (its sizes and checksum are
    /// written as given, which is also how test fixtures make lying entries).
    public mutating func addRaw(_ entry: Entry) { entries.append(entry) }

    public func archive() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        // 1980-01-01 00:00: the same input gives the same bytes.
        let time: UInt16 = 0, date: UInt16 = 0x21
        for e in entries {
            let offset = UInt32(out.count)
            let name = Array(e.path.utf8)
            let flags: UInt16 = 0x0800  // names are UTF-8
            out += Self.le32(0x0403_4B50) + Self.le16(20) + Self.le16(flags) + Self.le16(e.method) + Self.le16(time) + Self.le16(date)
            out += Self.le32(e.crc) + Self.le32(UInt32(e.data.count)) + Self.le32(e.uncompressedSize)
            out += Self.le16(UInt16(name.count)) + Self.le16(0) + name
            out += e.data
            central += Self.le32(0x0201_4B50) + Self.le16(20) + Self.le16(20) + Self.le16(flags) + Self.le16(e.method)
            central += Self.le16(time) + Self.le16(date)
            central += Self.le32(e.crc) + Self.le32(UInt32(e.data.count)) + Self.le32(e.uncompressedSize)
            central += Self.le16(UInt16(name.count)) + Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le32(0)
            central += Self.le32(offset) + name
        }
        let directory = UInt32(out.count)
        out += central
        let count = UInt16(truncatingIfNeeded: entries.count)
        out += Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(count) + Self.le16(count)
        out += Self.le32(UInt32(central.count)) + Self.le32(directory) + Self.le16(0)
        return out
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xFF) } }
}
