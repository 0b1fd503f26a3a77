import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Transparent huge pages for the process's heap, asked of glibc's allocator.
///
/// A replay holds every lead in flight in a few hundred megabytes of small objects and visits
/// them in no particular order: with 4 KiB pages most visits also miss the TLB. Where the
/// kernel gives huge pages only to memory that asks for them (`madvise` mode, Debian's
/// default), glibc's allocator asks when started with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`,
/// which it reads only at start-up: so a process that wants them starts itself again once with
/// the tunable set. A million-lead replay ran 5–16 % faster in alternating runs (BENCHMARKS.md).
public enum HugePages {
    static let tunable = "glibc.malloc.hugetlb=1"

    /// Starts this program again, with the same arguments and pid, with glibc's huge-page tunable
    /// added to its environment — unless it is already there (or a `glibc.malloc.hugetlb` the
    /// user chose), the kernel gives huge pages to everything or to nothing anyway, or this is
    /// not Linux. Returns only when it did not restart (or the restart failed).
    public static func restartWithHugePages() {
        #if os(Linux)
            let current = ProcessInfo.processInfo.environment["GLIBC_TUNABLES"] ?? ""
            guard !current.contains("glibc.malloc.hugetlb"), kernelGivesHugePagesOnRequest() else { return }
            setenv("GLIBC_TUNABLES", current.isEmpty ? tunable : current + ":" + tunable, 1)
            // Returns only when the restart failed: the program goes on as started (the tunable
            // stays set, for its children).
            execv("/proc/self/exe", CommandLine.unsafeArgv)
        #endif
    }

    /// Whether transparent huge pages are in `madvise` mode: given to memory that asks.
    static func kernelGivesHugePagesOnRequest() -> Bool {
        let mode = try? String(
            contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)
        return mode?.contains("[madvise]") == true
    }
}
