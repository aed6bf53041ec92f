import KhetImport

/// How a long run reports how far it has got. The library never prints: the executable shows
/// this on a terminal (or not at all). Called from several threads at once.
public protocol BatchProgress: AnyObject, Sendable {
    /// A new stage (`import`, `write`…) on `detail` (a file, an area).
    func stage(_ name: String, detail: String)
    /// A pupil-record import's progress through `file`.
    func importing(_ file: String, _ progress: ImportProgress)
    /// `done` of `total` areas are finished; `current` is being written now.
    func areas(done: Int, total: Int, current: String)
    /// The stage's display is over: what follows starts on a clean line.
    func finish()
}
