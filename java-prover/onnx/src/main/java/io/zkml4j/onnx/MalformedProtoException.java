package io.zkml4j.onnx;

/**
 * Internal: a wire-format or schema violation found while decoding, carrying the message/field path.
 * {@link OnnxDecoder} turns it into a {@link ModelImportException} naming the file.
 */
final class MalformedProtoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedProtoException(String message) {
        super(message, null, false, false);
    }
}
