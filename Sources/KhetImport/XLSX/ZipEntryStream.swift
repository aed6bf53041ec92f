import CZlib

/// The uncompressed bytes of one zip entry, pulled a buffer at a time: a sheet of a million rows
/// is inflated as it is parsed and never held whole. Stops with an error at the first byte past
/// the declared size (a zip bomb cannot run on) and checks the CRC-32 at the end.
final class ZipEntryStream {
    private let source: RandomAccessBytes
    private let entry: ZipArchive.Entry
    private var nextInput: Int
    private let inputEnd: Int
    private var input: [UInt8] = []
    private var inputIndex = 0
    private var produced = 0
    private var checksum: UInt = 0
    private var finished = false
    private var streamEnded = false
    private let stream: UnsafeMutablePointer<z_stream>?
    private static let inputChunk = 1 << 16

    init(source: RandomAccessBytes, entry: ZipArchive.Entry, dataOffset: Int) throws {
        self.source = source
        self.entry = entry
        nextInput = dataOffset
        inputEnd = dataOffset + entry.compressedSize
        checksum = crc32(0, nil, 0)
        if entry.method == 8 {
            // zlib keeps a pointer back to its z_stream, so the stream lives at a fixed address.
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard khet_inflate_init_raw(stream) == Z_OK else {
                stream.deinitialize(count: 1)
                stream.deallocate()
                throw ZipError.damaged("the decompressor could not start")
            }
            self.stream = stream
        } else {
            stream = nil
        }
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
    }

    /// Uncompressed bytes read so far.
    var bytesProduced: Int { produced }

    /// Fills up to `buffer.count` bytes; 0 at the end of the entry.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let count = stream == nil ? try copyStored(into: base, capacity: buffer.count)
                                  : try inflate(into: base, capacity: buffer.count)
        produced += count
        guard produced <= entry.uncompressedSize else { throw ZipError.tooLarge(entry: entry.name) }
        checksum = crc32(checksum, base, uInt(count))
        if count == 0 || (stream == nil && produced == entry.uncompressedSize) { try finish() }
        return count
    }

    private func finish() throws {
        finished = true
        guard produced == entry.uncompressedSize else { throw ZipError.damaged("a part is shorter than it declares") }
        guard UInt32(truncatingIfNeeded: checksum) == entry.crc32 else { throw ZipError.checksumMismatch(entry: entry.name) }
    }

    private func refillInput() throws {
        guard inputIndex >= input.count, nextInput < inputEnd else { return }
        do {
            input = try source.read(at: nextInput, count: min(Self.inputChunk, inputEnd - nextInput))
        } catch {
            throw ZipError.readFailed
        }
        guard !input.isEmpty else { throw ZipError.damaged("the file ends inside a part") }
        nextInput += input.count
        inputIndex = 0
    }

    private func copyStored(into base: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        try refillInput()
        let count = min(capacity, input.count - inputIndex)
        guard count > 0 else { return 0 }
        input.withUnsafeBufferPointer { bytes in
            if let start = bytes.baseAddress { base.update(from: start + inputIndex, count: count) }
        }
        inputIndex += count
        return count
    }

    private func inflate(into base: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        guard let stream, !streamEnded else { return 0 }
        var written = 0
        while written == 0 {
            try refillInput()
            let available = input.count - inputIndex
            let status: Int32 = input.withUnsafeMutableBufferPointer { bytes in
                stream.pointee.next_in = bytes.baseAddress.map { $0 + inputIndex }
                stream.pointee.avail_in = uInt(available)
                stream.pointee.next_out = base
                stream.pointee.avail_out = uInt(capacity)
                let status = CZlib.inflate(stream, Z_NO_FLUSH)
                stream.pointee.next_in = nil
                return status
            }
            let consumed = available - Int(stream.pointee.avail_in)
            inputIndex += consumed
            written = capacity - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                streamEnded = true
                return written
            case Z_OK:
                continue
            case Z_BUF_ERROR where available == 0 && nextInput >= inputEnd:
                throw ZipError.damaged("a compressed part ends early")
            case Z_BUF_ERROR:
                continue
            default:
                throw ZipError.damaged("a compressed part cannot be inflated")
            }
        }
        return written
    }
}
