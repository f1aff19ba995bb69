import Foundation
import ZIPFoundation

extension DocxDocumentReader {
    struct TruncatedData: Error, CustomStringConvertible {
        var description: String { "its compressed data ends before the stream does" }
    }

    struct UnsupportedMethod: Error, CustomStringConvertible {
        var method: Int
        var description: String { "compression method \(method) is not stored or deflate" }
    }

    /// Unpacks one entry from the bytes themselves. ZIPFoundation's own `extract` loops forever
    /// when a deflate stream does not end inside its compressed size (its provider then returns
    /// empty chunks; found by fuzzing), so here the provider throws instead.
    func inflate(_ bytes: [UInt8], _ at: ZipPrecheck.Location, consumer: (Data) throws -> Void) throws -> UInt32 {
        let start = at.dataOffset
        let size = at.compressedSize
        guard start >= 0, size >= 0, start + size <= bytes.count else { throw TruncatedData() }
        switch at.method {
        case 0:
            let data = Data(bytes[start..<(start + size)])
            try consumer(data)
            return data.crc32(checksum: 0)
        case 8:
            // ZIPFoundation 0.9.20's `decode` tells zlib every chunk holds `bufferSize` bytes
            // (`avail_in` is set before the provider is called), so a shorter last chunk let a
            // crafted stream read past it (an out-of-bounds read in inflate, found by fuzzing).
            // Every chunk is therefore exactly `chunk` bytes: the entry's own, then zeros, which
            // can only end the stream in an error or a checksum mismatch; the call after a
            // padded chunk throws.
            return try Data.decompress(size: Int64(size), bufferSize: 64 << 10, skipCRC32: false, provider: { position, chunk in
                try DocxDocumentReader.chunk(bytes, start: start, size: size, position: Int(position), length: chunk)
            }, consumer: consumer)
        default:
            throw UnsupportedMethod(method: at.method)
        }
    }

    /// `length` bytes of the entry at `start` (of `size` bytes) from `position`: its own bytes,
    /// then zeros; throws once the entry is used up.
    static func chunk(_ bytes: [UInt8], start: Int, size: Int, position: Int, length: Int) throws -> Data {
        guard position < size else { throw TruncatedData() }
        var data = Data(bytes[(start + position)..<(start + min(size, position + length))])
        if data.count < length { data.append(Data(count: length - data.count)) }
        return data
    }
}
