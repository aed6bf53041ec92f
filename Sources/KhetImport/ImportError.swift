import KhetCore

/// A problem that stops one file from being read at all (missing file, broken structure).
/// It carries the diagnostic that says where and why.
public struct ImportError: Error, CustomStringConvertible {
    public enum Kind: Sendable { case missingFile, badData }

    public var kind: Kind
    public var diagnostic: Diagnostic

    public init(_ kind: Kind, _ diagnostic: Diagnostic) {
        self.kind = kind
        self.diagnostic = diagnostic
    }

    public var description: String { diagnostic.description }
}
