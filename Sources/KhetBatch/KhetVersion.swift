/// Khet's version: shown by `khet --version` and written into every manifest.json, so an
/// output says which Khet made it.
public enum KhetVersion {
    public static let current = "0.1.0"
}
