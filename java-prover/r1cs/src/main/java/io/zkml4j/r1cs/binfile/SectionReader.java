package io.zkml4j.r1cs.binfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A forward cursor over one section's payload, reading little-endian integers and 32-byte field
 * elements through a bounded buffer (at most {@value #CHUNK} bytes) filled by positional reads, so
 * sections and files of any size can be streamed.
 *
 * <p>Every read first checks that the section still holds enough bytes; running past its end is a
 * {@link BinFileException} naming the file, the section, the offset and what was being read.
 * Callers should check declared counts against {@link #remaining()} before allocating for them.
 */
public final class SectionReader {

    /** Upper bound of the read buffer. */
    public static final int CHUNK = 1 << 16;

    private final BinFileReader file;
    private final Section section;
    private final ByteBuffer buf;
    /** Absolute file position of {@code buf}'s first byte. */
    private long bufStart;
    /** Payload bytes consumed so far. */
    private long consumed;

    SectionReader(BinFileReader file, Section section) {
        this.file = file;
        this.section = section;
        this.buf = ByteBuffer.allocate((int) Math.max(8, Math.min(CHUNK, section.size())))
                .order(ByteOrder.LITTLE_ENDIAN);
        this.buf.limit(0);
        this.bufStart = section.offset();
    }

    /** The section being read. */
    public Section section() {
        return section;
    }

    /** Payload bytes not yet read. */
    public long remaining() {
        return section.size() - consumed;
    }

    /** Payload bytes read so far (the offset of the next read within the payload). */
    public long position() {
        return consumed;
    }

    /** An unsigned 32-bit integer. */
    public long u32(String what) {
        ensure(4, what);
        consumed += 4;
        return Integer.toUnsignedLong(buf.getInt());
    }

    /**
     * An unsigned 64-bit integer.
     *
     * @throws BinFileException if it is {@code >= 2^63}, which no valid count or size reaches
     */
    public long u64(String what) {
        long at = consumed;
        ensure(8, what);
        consumed += 8;
        long v = buf.getLong();
        if (v < 0) {
            throw error("at offset " + at + ": " + what + " is " + Long.toUnsignedString(v)
                    + ", beyond any supported size");
        }
        return v;
    }

    /**
     * Reads {@code 8·n} bytes as {@code n} little-endian 64-bit words into {@code dst[off..off+n)}:
     * a field element of {@code 8·n} bytes becomes its plain (not Montgomery) limbs, least
     * significant first. The caller checks the value against its modulus.
     */
    public void words(long[] dst, int off, int n, String what) {
        if (n < 0 || n > 8) {
            throw new IllegalArgumentException("Expected 0 to 8 words but got " + n);
        }
        ensure(8 * n, what);
        consumed += 8L * n;
        for (int i = 0; i < n; i++) {
            dst[off + i] = buf.getLong();
        }
    }

    /** Fills {@code dst} with the next {@code dst.length} bytes. */
    public void bytes(byte[] dst, String what) {
        if (dst.length > remaining()) {
            throw truncated(dst.length, what);
        }
        int done = 0;
        while (done < dst.length) {
            if (!buf.hasRemaining()) {
                fill(1);
            }
            int n = Math.min(buf.remaining(), dst.length - done);
            buf.get(dst, done, n);
            done += n;
        }
        consumed += dst.length;
    }

    /** Skips {@code n} bytes. */
    public void skip(long n, String what) {
        if (n < 0 || n > remaining()) {
            throw truncated(n, what);
        }
        long inBuf = Math.min(n, buf.remaining());
        buf.position(buf.position() + (int) inBuf);
        if (n > inBuf) {
            bufStart = section.offset() + consumed + n;
            buf.limit(0);
        }
        consumed += n;
    }

    /**
     * Checks that the whole payload has been read.
     *
     * @throws BinFileException naming the number of unread bytes
     */
    public void expectEnd(String whatWasRead) {
        if (remaining() != 0) {
            throw error("has " + remaining() + " bytes after " + whatWasRead + " (" + consumed + " of "
                    + section.size() + " bytes used)");
        }
    }

    /** A failure in this section: the message names the file and the section, then {@code problem}. */
    public BinFileException error(String problem) {
        return file.error(file.describe(section.type()) + ": " + problem);
    }

    // ---- Buffer management ------------------------------------------------------------------

    private void ensure(int n, String what) {
        if (n > remaining()) {
            throw truncated(n, what);
        }
        if (buf.remaining() < n) {
            fill(n);
        }
    }

    private BinFileException truncated(long n, String what) {
        return error("ends after " + section.size() + " bytes, but " + what + " at offset " + consumed + " needs "
                + n + " bytes and only " + remaining() + " remain");
    }

    /** Moves unread bytes to the front and reads more, until at least {@code min} are available. */
    private void fill(int min) {
        bufStart += buf.position();
        buf.compact();
        long want = Math.min(buf.remaining(), remaining() - buf.position());
        long filePos = bufStart + buf.position();
        int target = buf.position() + (int) want;
        try {
            while (buf.position() < target) {
                buf.limit(target);
                int r = file.channel().read(buf, filePos);
                if (r < 0) {
                    throw error("the file ended at byte " + filePos + " (was it truncated while being read?)");
                }
                filePos += r;
            }
        } catch (IOException e) {
            throw new BinFileException(file.fileName() + ": cannot read " + file.describe(section.type()) + ": "
                    + e, e);
        }
        buf.flip();
        if (buf.remaining() < min) {
            throw new IllegalStateException("read buffer underflow: " + buf.remaining() + " < " + min);
        }
    }
}
