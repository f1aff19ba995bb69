import BayanCore
import Foundation
import ZIPFoundation

/// Word .docx: the main document part (paragraphs, runs, tabs, breaks, headings by style,
/// tables, list items), then footnotes and endnotes. Read in memory with ZIPFoundation, never
/// extracted to disk (entry paths are only looked up, never used as file paths), within
/// `ReaderLimits` checked both on the declared sizes and while inflating.
public struct DocxDocumentReader: DocumentReader {
    public var limits: ReaderLimits

    public init(limits: ReaderLimits = .init()) { self.limits = limits }

    public func read(_ bytes: [UInt8], fileName: String) throws -> Document {
        try content(bytes, fileName: fileName).document
    }

    /// What the reader found, with where each paragraph lies, for the release renderer to put
    /// the English back in the same places.
    struct Content {
        var entries: [String: Part]
        /// Text parts in reading order: the main document, footnotes, endnotes, headers, footers.
        var parts: [(path: String, xml: [UInt8])]
        var styles: (path: String, xml: [UInt8])?
        var paragraphs: [DocxBodyParser.Para]
        /// For each of `paragraphs`, its index in `document.paragraphs` (nil: nothing visible).
        var kept: [Int?]
        var document: Document
    }

    func content(_ bytes: [UInt8], fileName: String) throws -> Content {
        let damaged = BayanError.badInput(
            "\(fileName) looks like a .docx (ZIP) file but is damaged or cut short: its table of contents cannot be read. Open it in Word, save it again and drop it again.")
        guard let locations = ZipPrecheck.locations(bytes) else { throw damaged }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw damaged
        }
        var entries: [String: Part] = [:]
        var count = 0
        var declaredTotal: UInt64 = 0
        for entry in archive {
            count += 1
            if count > limits.maxZipEntries {
                throw BayanError.badInput(
                    "\(fileName) is refused: it holds more than \(limits.maxZipEntries) files inside, far more than a Word document has (a \"zip bomb\" or not a document). Save the text as a normal .docx and drop it again.")
            }
            declaredTotal &+= entry.uncompressedSize
            if declaredTotal > UInt64(limits.maxTotalUncompressedBytes) {
                throw BayanError.badInput(
                    "\(fileName) is refused: unpacked it would be larger than \(limits.maxTotalUncompressedBytes >> 20) MiB, its part \(entry.path) alone \(entry.uncompressedSize >> 20) MiB (a \"zip bomb\" or an oversized document). Split the document and drop the parts again.")
            }
            if entry.type == .file, entries[entry.path] == nil, count <= locations.count {
                entries[entry.path] = Part(entry: entry, location: locations[count - 1], order: count)
            }
        }
        guard count > 0 else {
            throw BayanError.badInput("\(fileName) is an empty ZIP archive, not a Word document. Bayan reads \(SniffingDocumentReader.supportedTypes).")
        }
        var budget = Budget(remaining: limits.maxTotalUncompressedBytes)
        let mainPath = try mainDocumentPath(bytes, entries, &budget, fileName)
        guard let main = entries[mainPath] else {
            throw BayanError.badInput(Self.notWordMessage(fileName, entries))
        }
        let styles = try entries["word/styles.xml"].map { ("word/styles.xml", try extract(bytes, $0, &budget, fileName)) }
        var body = DocxBodyParser(styles: try styles.map { try DocxStyles(xml: $0.1, fileName: fileName) } ?? DocxStyles(), fileName: fileName)
        var parts: [(path: String, xml: [UInt8])] = [(mainPath, try extract(bytes, main, &budget, fileName))]
        try body.parse(parts[0].xml, notes: false, part: 0)
        // Headers and footers come last so that adding them kept the body's paragraph numbers;
        // there only paragraphs with letters count (a page-number field alone is not text).
        for path in ["word/footnotes.xml", "word/endnotes.xml"] + Self.headerFooterPaths(entries) {
            guard let entry = entries[path] else { continue }
            parts.append((path, try extract(bytes, entry, &budget, fileName)))
            try body.parse(parts[parts.count - 1].xml, notes: true, part: parts.count - 1, lettersOnly: !path.hasSuffix("notes.xml"))
        }
        var builder = DocumentBuilder(maxScalars: limits.maxTextScalars, fileName: fileName)
        var kept: [Int?] = []
        for p in body.paragraphs {
            let index = builder.paragraphs.count
            kept.append(try builder.add(p.text.unicodeScalars, kind: p.kind) ? index : nil)
        }
        let source = SourceInfo(file: fileName, sha256: SHA256.hex(bytes), encoding: "utf-8", format: "docx")
        return Content(
            entries: entries, parts: parts, styles: styles, paragraphs: body.paragraphs, kept: kept,
            document: builder.document(source))
    }

    /// word/header1.xml… then word/footer1.xml…, in number order.
    static func headerFooterPaths(_ entries: [String: Part]) -> [String] {
        func number(_ path: String, _ prefix: String) -> Int? {
            guard path.hasPrefix(prefix), path.hasSuffix(".xml") else { return nil }
            return Int(path.dropFirst(prefix.count).dropLast(4))
        }
        var out: [String] = []
        for prefix in ["word/header", "word/footer"] {
            out += entries.keys.compactMap { path in number(path, prefix).map { (path, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
        }
        return out
    }

    struct Budget {
        var remaining: Int
    }

    /// An entry with where its data lies in the bytes (from `ZipPrecheck`, in the same order).
    struct Part {
        var entry: Entry
        var location: ZipPrecheck.Location
        /// 1-based position in the central directory.
        var order: Int
    }

    /// Inflates one entry in memory, counting every byte against the limits as it streams.
    func extract(_ bytes: [UInt8], _ part: Part, _ budget: inout Budget, _ fileName: String) throws -> [UInt8] {
        let entry = part.entry
        let perEntry = limits.maxEntryUncompressedBytes
        let declared = entry.uncompressedSize
        if declared > UInt64(perEntry) {
            throw BayanError.badInput(
                "\(fileName) is refused: its part \(entry.path) would unpack to \(declared >> 20) MiB, over the limit of \(perEntry >> 20) MiB (a \"zip bomb\" or an oversized document). Split the document and drop the parts again.")
        }
        if declared > 1 << 20, entry.compressedSize > 0,
            declared / entry.compressedSize > UInt64(limits.maxCompressionRatio)
        {
            throw BayanError.badInput(
                "\(fileName) is refused: its part \(entry.path) is compressed \(declared / entry.compressedSize) to 1, which no Word document is (a \"zip bomb\"). Open it in Word and save it again.")
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(declared, UInt64(perEntry))))
        let cap = min(perEntry, budget.remaining)
        do {
            let crc = try inflate(bytes, part.location) { chunk in
                guard out.count + chunk.count <= cap else { throw LimitExceeded() }
                out.append(contentsOf: chunk)
            }
            guard crc == entry.checksum else { throw ChecksumMismatch() }
        } catch is LimitExceeded {
            throw BayanError.badInput(
                "\(fileName) is refused: its part \(entry.path) unpacks to more than its header says and more than \(cap >> 20) MiB (a \"zip bomb\" or a damaged file). Open it in Word and save it again.")
        } catch {
            throw BayanError.badInput(
                "\(fileName) is a damaged .docx: its part \(entry.path) cannot be unpacked (\(error)). Open it in Word, save it again and drop it again.")
        }
        guard UInt64(out.count) == declared else {
            throw BayanError.badInput(
                "\(fileName) is a damaged .docx: its part \(entry.path) unpacks to \(out.count) bytes where its header says \(declared). Open it in Word, save it again and drop it again.")
        }
        budget.remaining -= out.count
        return out
    }

    private struct LimitExceeded: Error {}
    private struct ChecksumMismatch: Error, CustomStringConvertible {
        var description: String { "checksum mismatch" }
    }

    /// `word/document.xml`, or wherever `_rels/.rels` says the office document is.
    private func mainDocumentPath(_ bytes: [UInt8], _ entries: [String: Part], _ budget: inout Budget, _ fileName: String) throws -> String {
        if entries["word/document.xml"] != nil { return "word/document.xml" }
        guard let rels = entries["_rels/.rels"] else { throw BayanError.badInput(Self.notWordMessage(fileName, entries)) }
        let xml = try extract(bytes, rels, &budget, fileName)
        try MarkupScanner.rejectDoctype(xml, part: "_rels/.rels", fileName: fileName)
        var scanner = MarkupScanner(xml, html: false, fileName: fileName)
        while let event = try scanner.next() {
            if case .start(let name, let attributes, _) = event, name.hasSuffix("Relationship"),
                attributes["Type"]?.hasSuffix("/officeDocument") == true, var target = attributes["Target"]
            {
                while target.hasPrefix("/") { target.removeFirst() }
                return target
            }
        }
        throw BayanError.badInput(Self.notWordMessage(fileName, entries))
    }

    static func notWordMessage(_ fileName: String, _ entries: [String: Part]) -> String {
        let kind: String
        if entries["xl/workbook.xml"] != nil {
            kind = "an Excel workbook"
        } else if entries["ppt/presentation.xml"] != nil {
            kind = "a PowerPoint presentation"
        } else if entries["content.xml"] != nil {
            kind = "an OpenDocument file"
        } else {
            kind = "a ZIP archive"
        }
        return "\(fileName) is \(kind), not a Word document. Bayan reads \(SniffingDocumentReader.supportedTypes); save the text as one of these and drop it again."
    }
}
