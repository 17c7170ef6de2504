/**
 * The iden3 binary "section file" container shared by {@code .r1cs}, {@code .wtns}, {@code .zkey}
 * and {@code .ptau}: {@code magic[4] | uint32 version | uint32 nSections}, then per section
 * {@code uint32 type | uint64 size | payload}, little-endian throughout.
 *
 * <p>{@link io.zkml4j.r1cs.binfile.BinFileReader} validates the table of contents against the file
 * length before allocating, streams payloads in bounded chunks (files beyond 2 GiB are fine) and
 * reports problems as {@link io.zkml4j.r1cs.binfile.BinFileException}s naming the file and section.
 * {@link io.zkml4j.r1cs.binfile.BinFileWriter} writes to a temporary file and renames it into place.
 * The formats built on top (header fields, payload layouts) live with their users.
 */
package io.zkml4j.r1cs.binfile;
