#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Seconds from a clock that never jumps (NTP, a changed time zone): what stage timings and
/// progress rates are measured with. Never written into an output, which stays deterministic.
public enum MonotonicClock {
    public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
}
