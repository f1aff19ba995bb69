/// A letter trie of every glossary word form (normalized, article removed), with the form's id
/// at the node where it ends. Reading a text word walks it once per proclitic reading and stops
/// at the first letter no form continues with, which is after one or two letters for most words:
/// far cheaper than hashing every (prefix, stem, suffix) split.
///
/// Storage is allocated once in plain buffers (no reference counting or exclusivity checks in the
/// hot loop) and never changes after `init`, hence Sendable.
final class StemTrie: @unchecked Sendable {
    private let mask: Int
    private let keys: UnsafeMutableBufferPointer<UInt64>  // node << 32 | letter, or .max for empty
    private let children: UnsafeMutableBufferPointer<Int32>
    /// Per node: the id of the form ending there, or -1.
    private let formAt: UnsafeMutableBufferPointer<Int32>

    /// `forms[i]` gets id `i`; forms must be distinct.
    init(forms: [[UInt32]]) {
        var edges: [(UInt64, Int32)] = []
        var ends: [Int32] = [-1]
        var lookup: [UInt64: Int32] = [:]
        for (id, form) in forms.enumerated() {
            var node: Int32 = 0
            for letter in form {
                let key = UInt64(UInt32(node)) << 32 | UInt64(letter)
                if let next = lookup[key] {
                    node = next
                } else {
                    let next = Int32(ends.count)
                    ends.append(-1)
                    lookup[key] = next
                    edges.append((key, next))
                    node = next
                }
            }
            ends[Int(node)] = Int32(id)
        }
        var size = 16
        while size < edges.count * 2 + 2 { size <<= 1 }
        mask = size - 1
        keys = .allocate(capacity: size)
        keys.initialize(repeating: .max)
        children = .allocate(capacity: size)
        children.initialize(repeating: -1)
        for (key, child) in edges {
            var slot = StemTrie.slot(key) & mask
            while keys[slot] != .max { slot = (slot + 1) & mask }
            keys[slot] = key
            children[slot] = child
        }
        formAt = .allocate(capacity: ends.count)
        _ = formAt.initialize(from: ends)
    }

    deinit {
        keys.deallocate()
        children.deallocate()
        formAt.deallocate()
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29)
    }

    /// The child of `node` by `letter`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ letter: UInt32) -> Int32 {
        let key = UInt64(UInt32(node)) << 32 | UInt64(letter)
        var slot = StemTrie.slot(key) & mask
        while true {
            let k = keys[slot]
            if k == key { return children[slot] }
            if k == .max { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// The form ending at `node`, or -1.
    @inline(__always)
    func form(at node: Int32) -> Int32 { formAt[Int(node)] }
}
