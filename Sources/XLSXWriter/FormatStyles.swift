import CXlsxWriter

/// Horizontal placement of a cell's content.
public enum HorizontalAlignment: Hashable, Sendable {
    case left, center, right, justify
    /// Centre across the selection: a title spans columns without merging them.
    case centerAcross

    var libraryValue: UInt8 {
        switch self {
        case .left: return UInt8(LXW_ALIGN_LEFT.rawValue)
        case .center: return UInt8(LXW_ALIGN_CENTER.rawValue)
        case .right: return UInt8(LXW_ALIGN_RIGHT.rawValue)
        case .justify: return UInt8(LXW_ALIGN_JUSTIFY.rawValue)
        case .centerAcross: return UInt8(LXW_ALIGN_CENTER_ACROSS.rawValue)
        }
    }
}

/// Vertical placement of a cell's content.
public enum VerticalAlignment: Hashable, Sendable {
    case top, center, bottom

    var libraryValue: UInt8 {
        switch self {
        case .top: return UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
        case .center: return UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
        case .bottom: return UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue)
        }
    }
}

/// Border line styles.
public enum BorderStyle: Hashable, Sendable {
    case thin, medium, thick, double, dashed, dotted, hair

    var libraryValue: UInt8 {
        switch self {
        case .thin: return UInt8(LXW_BORDER_THIN.rawValue)
        case .medium: return UInt8(LXW_BORDER_MEDIUM.rawValue)
        case .thick: return UInt8(LXW_BORDER_THICK.rawValue)
        case .double: return UInt8(LXW_BORDER_DOUBLE.rawValue)
        case .dashed: return UInt8(LXW_BORDER_DASHED.rawValue)
        case .dotted: return UInt8(LXW_BORDER_DOTTED.rawValue)
        case .hair: return UInt8(LXW_BORDER_HAIR.rawValue)
        }
    }
}
