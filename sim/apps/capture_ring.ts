// How many frames a capture keeps (its own file, so that the page can read it without the capture code).

/** The frames a capture keeps: the last this many, as Wireshark's ring buffer keeps the latest files; a
 *  flood or a storm would otherwise grow a capture without end (tcpdump itself writes to a file or a pipe). */
export const CAPTURE_RING = 10_000;
