/// An open-addressing hash set of normalized word forms (sequences of scalar values) that gives
/// each form a dense id. Lookups hash a slice of the caller's buffer plus an optional extra
/// final scalar, so the matcher never allocates a string per candidate.
struct FormTable: Sendable {
    private var slots: [Int32]  // form id or -1
    private var hashes: [UInt64]  // per form
    private var starts: [Int32]  // per form, into `storage`
    private var lengths: [Int32]
    private var storage: [UInt32]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        hashes = []
        starts = []
        lengths = []
        storage = []
        mask = size - 1
    }

    var count: Int { starts.count }

    @inline(__always)
    static func hash(_ buffer: UnsafeBufferPointer<UInt32>, _ lo: Int, _ hi: Int, _ extra: UInt32) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = lo
        while i < hi {
            h = (h ^ UInt64(buffer[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        if extra != 0 { h = (h ^ UInt64(extra)) &* 0x0000_0100_0000_01B3 }
        return h ^ (h >> 29)
    }

    /// The id of `form`, adding it when new.
    mutating func insert(_ form: [UInt32]) -> Int32 {
        let found = form.withUnsafeBufferPointer { lookup($0, 0, form.count, 0) }
        if found >= 0 { return found }
        if (starts.count + 1) * 2 > slots.count { grow() }
        let id = Int32(starts.count)
        let h = form.withUnsafeBufferPointer { FormTable.hash($0, 0, form.count, 0) }
        hashes.append(h)
        starts.append(Int32(storage.count))
        lengths.append(Int32(form.count))
        storage.append(contentsOf: form)
        place(id, hash: h)
        return id
    }

    private mutating func place(_ id: Int32, hash h: UInt64) {
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<starts.count { place(Int32(id), hash: hashes[id]) }
    }

    /// The id of `buffer[lo..<hi]` followed by `extra` (0 = nothing), or -1.
    @inline(__always)
    func lookup(_ buffer: UnsafeBufferPointer<UInt32>, _ lo: Int, _ hi: Int, _ extra: UInt32) -> Int32 {
        let length = hi - lo + (extra != 0 ? 1 : 0)
        guard length > 0 else { return -1 }
        let h = FormTable.hash(buffer, lo, hi, extra)
        var slot = Int(truncatingIfNeeded: h) & mask
        return storage.withUnsafeBufferPointer { stored in
            while true {
                let id = slots[slot]
                if id < 0 { return -1 }
                let i = Int(id)
                if hashes[i] == h && Int(lengths[i]) == length {
                    let start = Int(starts[i])
                    var same = true
                    var k = 0
                    while k < hi - lo {
                        if stored[start + k] != buffer[lo + k] { same = false; break }
                        k += 1
                    }
                    if same && extra != 0 && stored[start + k] != extra { same = false }
                    if same { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
