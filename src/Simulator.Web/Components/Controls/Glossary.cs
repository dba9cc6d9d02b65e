namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// The words a student may not know, each in plain words: the one place a <see cref="Term"/> takes
/// its tooltip from, so a word means the same on every page. Keys are matched without regard to case.
/// </summary>
public static class Glossary
{
    public static readonly IReadOnlyDictionary<string, string> Terms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // Stratum V2 buffer_sv2
        ["mode"] = "Which way the pool hands out memory now. Back: from the start of its buffer, the normal case. Front: it wrapped round and writes before slices still in use. Alloc: the pool is full, so each message gets its own heap allocation.",
        ["back mode"] = "The pool writes new messages after the ones still in use, from the start of its buffer towards the end.",
        ["front mode"] = "The pool reached its end, so it writes new messages in the free space before the slices still in use at the back.",
        ["alloc mode"] = "The pool has no room left: every message gets its own heap allocation until the slices in the pool are dropped.",
        ["slot map"] = "The upstream README's picture of the pool: eight characters, one per slot, naming the message whose slice lives there (e.g. 9a3456bc), then the mode. A slot is reused only once its slice is dropped.",
        ["shared state"] = "ss: one bit per slot, set while a slice handed out from that slot is still alive; the pool and the slices share it.",

        // jacobsa/fuse
        ["iovec"] = "One (address, length) pair: a piece of memory. A list of them lets one system call read into or write from several buffers at once.",
        ["readv"] = "The read system call for a list of iovecs: one call fills several buffers in turn, so a message need not fit one contiguous buffer.",
        ["writev"] = "The write system call for a list of iovecs: one call sends several buffers as one reply, without first copying them together.",
        ["DstBufs"] = "PR #198's list of destination buffers for a READ: the file system reads straight into these pooled blocks, and the reply points at them.",
        ["DataBlocks"] = "PR #198's list of the blocks a WRITE's payload landed in: the file system is handed views of them instead of one copied buffer.",
        ["max_pages"] = "The most pages (of the page size) one FUSE request may carry; the daemon asks for it at INIT and the kernel keeps at most its own max_pages_limit.",
        ["max_pages_limit"] = "The kernel's cap on max_pages (/proc/sys/fs/fuse/max_pages_limit, 256 pages = 1 MiB before Linux 6.13): a daemon cannot ask for more.",
        ["INIT"] = "The first message of a FUSE connection: the kernel says what it supports, the daemon answers with the protocol version, the features it wants and its size limits.",
        ["INIT flags"] = "A bit field in the INIT reply: each bit set asks the kernel for one feature (bigger writes, splice, parallel directory reads, and so on).",
        ["InMessage"] = "jacobsa/fuse's buffer for one incoming request: one contiguous piece of memory of page size + the largest payload, reused from a free list.",
        ["block pool"] = "PR #198's sets of reusable 1 MiB blocks: a request is read into blocks taken from the pool and they go back when the op is done, instead of a fresh allocation.",
        ["heap"] = "Memory allocated for one use and given back after it: each heap allocation costs time (and, in Go, garbage-collector work) that a pool, which reuses its memory, saves.",

        // Arvados keepstore
        ["buffer pool"] = "Memory set aside once and handed out again and again, so the server does not allocate (and free) a large buffer for every request.",
        ["request limiter"] = "keepstore's cap on requests handled at once: more wait in a queue, and beyond the queue they are refused with 503.",
        ["coalescing"] = "Feature #10541: requests for a block already being fetched wait for that one fetch and share its result, instead of each reading the volume.",
        ["volume read"] = "A read of a whole block from the storage volume (a disk or a cloud bucket): the slow, costly step the buffers and the cache try to save.",

        // ipfs/boxo filestore
        ["mmap"] = "Maps the file into the process's address space: reading it is reading memory, and the kernel loads pages from disk on first touch. Mapped is address space, not RAM.",
        ["ReadAt"] = "Go's io.ReaderAt: read n bytes at an offset into a buffer the caller owns; the kernel copies them from the page cache into that buffer.",
        ["RSS"] = "Resident set size: how much of a process's memory is in RAM now. File-backed RSS is mapped file pages; anonymous RSS is the heap and stacks.",
        ["page cache"] = "The kernel's copy in RAM of file pages read or written lately; a second read of the same bytes comes from here, not from disk.",
        ["resident"] = "In RAM now: for a file, its pages held in the page cache (mincore says which), whoever reads them.",
    };

    /// <summary>The plain-words definition of <paramref name="term"/>; throws for a word not in the glossary (a page must not show an empty tooltip).</summary>
    public static string Define(string term) =>
        Terms.TryGetValue(term, out string? definition) ? definition : throw new KeyNotFoundException($"'{term}' is not in the glossary (Components/Controls/Glossary.cs).");

    /// <summary>The id of the hidden element holding <paramref name="term"/>'s definition (<see cref="GlossaryDefinitions"/>), for aria-describedby.</summary>
    public static string DefinitionId(string term) =>
        "glossary-" + new string([.. term.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
