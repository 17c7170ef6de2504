package io.zkml4j.r1cs.binfile;

/**
 * Where one section's payload lies in its file.
 *
 * @param type   the section type (a uint32, kept as its bit pattern)
 * @param offset absolute file position of the first payload byte
 * @param size   payload length in bytes (never beyond the end of the file)
 */
public record Section(int type, long offset, long size) {
}
