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
            return try Data.decompress(size: Int64(size), bufferSize: 64 << 10, skipCRC32: false, provider: { position, chunk in
                let from = Int(position)
                guard from < size else { throw TruncatedData() }
                return Data(bytes[(start + from)..<(start + min(size, from + chunk))])
            }, consumer: consumer)
        default:
            throw UnsupportedMethod(method: at.method)
        }
    }
}
