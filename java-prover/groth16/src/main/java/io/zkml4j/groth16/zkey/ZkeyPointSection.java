package io.zkml4j.groth16.zkey;

import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.r1cs.binfile.BinFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One point section of a zkey (A, B1, B2, C or H), read from the file whenever an MSM asks for a run
 * of points, so the points are never all in memory (the OS page cache holds the file, not the heap).
 *
 * <p>Every block of {@value #BLOCK} points is validated the first time a read covers it whole: each
 * coordinate below q, each point on its curve (or the all-zero encoding of infinity) — the checks
 * {@link ZkeyFile#read} makes up front. Reads are positional, through one file handle per
 * {@link Reader}, so any number of threads read at once. The section's bounds were checked against
 * the file when the key was opened; a read past the end of the file (it shrank meanwhile) fails
 * with a message, as does a point that fails validation.
 */
final class ZkeyPointSection implements ProvingKey.Streamed {

    /** Points validated together: the aligned runs an MSM reads. */
    static final int BLOCK = io.zkml4j.algebra.curve.PointSource.CHUNK;

    /**
     * Direct buffers of closed readers, for the next ones: an MSM opens a reader per task, and a direct
     * buffer's memory returns only when a collection finds the buffer unreachable, so one buffer per
     * reader (up to 512 KB) piled up native memory between collections. Holds at most as many buffers
     * as readers were ever open at once (a few per core).
     */
    private static final Queue<ByteBuffer> SPARE_BUFFERS = new ConcurrentLinkedQueue<>();

    private final Path path;
    private final String where;
    private final long offset;
    private final int size;
    private final boolean g2;
    private final boolean[] validated;

    /**
     * @param where the file and section for messages, e.g. {@code "c.zkey: section 5 (points A)"}
     * @param offset absolute file position of the section's first payload byte
     */
    ZkeyPointSection(Path path, String where, long offset, int size, boolean g2) {
        this.path = Objects.requireNonNull(path, "path");
        this.where = where;
        this.offset = offset;
        this.size = size;
        this.g2 = g2;
        this.validated = new boolean[(size + BLOCK - 1) / BLOCK];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int longsPerPoint() {
        return g2 ? G2Kernel.AFFINE_LONGS : G1Kernel.AFFINE_LONGS;
    }

    @Override
    public Reader open() {
        try {
            return new SectionReader(FileChannel.open(path, StandardOpenOption.READ));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new BinFileException(where + ": cannot open the file to read points: " + e, e);
        }
    }

    @Override
    public String toString() {
        return size + (g2 ? " G2" : " G1") + " points streamed from " + where;
    }

    private final class SectionReader implements Reader {
        private final FileChannel channel;
        private final PointCheck check = new PointCheck(g2);
        private ByteBuffer buffer;

        SectionReader(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void read(int from, int count, long[] dst, int off) {
            Objects.checkFromIndexSize(from, count, size);
            int longs = longsPerPoint();
            int bytes = Math.multiplyExact(count, 8 * longs);
            if (buffer == null || buffer.capacity() < bytes) {
                // Direct: the file's bytes are copied once into it, and once from it into dst.
                buffer = SPARE_BUFFERS.poll();
                if (buffer == null || buffer.capacity() < bytes) {
                    buffer = ByteBuffer.allocateDirect(Math.max(bytes, 8 * G2Kernel.AFFINE_LONGS * BLOCK))
                            .order(ByteOrder.LITTLE_ENDIAN);
                }
            }
            buffer.clear().limit(bytes);
            long position = offset + (long) from * 8 * longs;
            try {
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, position + buffer.position());
                    if (n < 0) {
                        throw new BinFileException(where + ": the file ends inside point "
                                + (from + buffer.position() / (8 * longs)) + " (was it changed while proving?)");
                    }
                }
            } catch (IOException e) {
                throw new BinFileException(where + ": cannot read points " + from + ".." + (from + count - 1) + ": "
                        + e, e);
            }
            buffer.flip();
            buffer.asLongBuffer().get(dst, off, count * longs);
            validate(from, count, dst, off);
        }

        /** Validates the blocks that {@code [from, from + count)} covers whole and that nobody has yet. */
        private void validate(int from, int count, long[] dst, int off) {
            int longs = longsPerPoint();
            for (int block = (from + BLOCK - 1) / BLOCK; block < validated.length; block++) {
                int first = block * BLOCK, end = Math.min(size, first + BLOCK);
                if (end > from + count) {
                    break;                       // not covered whole by this read
                }
                if (validated[block]) {          // a benign race: at worst a block is checked twice
                    continue;
                }
                for (int i = first; i < end; i++) {
                    checkPoint(i, dst, off + (i - from) * longs);
                }
                validated[block] = true;
            }
        }

        private void checkPoint(int index, long[] v, int o) {
            String problem = check.problem(v, o);
            if (problem != null) {
                throw new BinFileException(where + ": point " + index + " " + problem);
            }
        }

        @Override
        public void close() {
            if (buffer != null) {
                SPARE_BUFFERS.add(buffer);
                buffer = null;
            }
            try {
                channel.close();
            } catch (IOException e) {
                // read-only handle: nothing was lost
            }
        }
    }
}
